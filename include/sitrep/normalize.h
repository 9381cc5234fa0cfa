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
// phrases of language packs and gazetteer names, so both sides always meet.
// Per code point:
//   - lower case by Unicode simple case folding ("Σ"->"σ", "ß" stays);
//   - combining marks of no particular script (Unicode script Inherited)
//     removed after canonical decomposition: "é"->"e", "й"->"и", "ї"->"і",
//     "ё"->"е", "ñ"->"n"; script-specific signs (Devanagari vowels) stay;
//   - apostrophes (’ ʼ ‘ ‛ ` ´ ′) to ', dashes (‐ ‑ ‒ – — ― −) to -,
//     typographic quotes (« » “ ” „ ‟) to ";
//   - every Unicode space (no-break, narrow no-break, thin, ...), tab,
//     vertical tab and form feed to a plain space; '\n' and '\r' stay, and
//     U+2028, U+2029 and NEL become '\n';
//   - default-ignorable code points (soft hyphen, zero-width joiners,
//     variation selectors) removed.
// Folding is idempotent: FoldForMatch(FoldForMatch(s)) == FoldForMatch(s).
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

  // Maps a span of `folded` to the smallest span of `text` covering it,
  // including code points that fold to nothing right after it (a combining
  // mark with no precomposed form stays with its letter). Out-of-range
  // spans are clamped to the text.
  Span ToText(Span folded_span) const;
  // Maps a span of `text` (on code point boundaries) to the folded bytes
  // its code points produced. Out-of-range spans are clamped.
  Span ToFolded(Span text_span) const;
};

// Normalises raw UTF-8. Fails with kInvalidInput on invalid UTF-8 ("invalid
// UTF-8 at byte 204") or a NUL byte ("NUL byte at byte 12"), and with
// kTooLarge past 1 GiB (offsets are 32-bit). Text already in NFC, the common
// case, is copied as is. Thread-safe.
[[nodiscard]] Result<NormalizedText> Normalize(std::string_view raw);

// Folds `text` (any UTF-8; put in NFC first when it is not) as described
// above. Invalid bytes are dropped. For valid input without NUL bytes it
// equals Normalize(text)->folded. Thread-safe.
std::string FoldForMatch(std::string_view text);

}  // namespace sitrep
