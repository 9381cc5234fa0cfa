// Normalisation: the first stage after reading. Validates UTF-8, puts the
// text in NFC (the text the record keeps and every Span points into), and
// makes a case- and accent-folded view for matching, with a byte alignment
// from the folded view back to the NFC text.
//
//   Result<NormalizedText> n = Normalize(article.raw_text);
//   // n->folded == "au moins 20 personnes ont ete tuees"
//   Span in_text = n->ToText(Span{3, 11});  // bytes of "moins 20" in n->text
//
// Folding (FoldForMatch) is the same function for article text and for the
// phrases of language packs and gazetteer names, so both sides always meet:
// lower case (Unicode simple case folding), combining marks removed after
// canonical decomposition ("é"->"e", "й"->"и", "ї"->"і"), apostrophes
// (’ ʼ ‘ ` ´) to ', dashes (‐ ‑ ‒ – — ―) to -, typographic quotes to ",
// and every Unicode space (no-break, thin, ...) to a plain space.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/error.h"
#include "sitrep/text.h"

namespace sitrep {

struct NormalizedText {
  std::string text;    // NFC; what the record keeps
  std::string folded;  // folded view for matching
  // folded_to_text[i] is the byte offset in `text` of the code point that
  // produced folded byte i; one extra entry maps folded.size() to
  // text.size(). Monotone non-decreasing.
  std::vector<uint32_t> folded_to_text;

  // Maps a span of `folded` to the smallest span of `text` covering it.
  Span ToText(Span folded_span) const;
  // Maps a span of `text` (on code point boundaries) to `folded`.
  Span ToFolded(Span text_span) const;
};

// Normalises raw UTF-8. Fails with kInvalidInput (message names the byte
// offset) on invalid UTF-8 or NUL bytes. Thread-safe.
[[nodiscard]] Result<NormalizedText> Normalize(std::string_view raw);

// Folds `text` (any UTF-8) as described above. Invalid bytes are dropped.
// Thread-safe.
std::string FoldForMatch(std::string_view text);

}  // namespace sitrep
