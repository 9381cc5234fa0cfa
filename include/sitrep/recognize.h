// Recognition: finds every phrase of a language pack in the folded text with
// one vectorscan (Hyperscan API) database compiled from all the pack's
// tables. Matches respect word boundaries; a pack word ending in `*` matches
// any word that begins with it.
//
//   Recognizer r = *Recognizer::Create(pack);
//   RecognizerScratch scratch = *r.MakeScratch();
//   std::vector<Mention> m = r.Find(normalized, scratch);
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/error.h"
#include "sitrep/lang_pack.h"
#include "sitrep/normalize.h"
#include "sitrep/text.h"

namespace sitrep {

// One match: which table, which entry of that table, where in the NFC text.
struct Mention {
  MentionKind kind = MentionKind::kTrigger;
  uint32_t entry = 0;  // index into the pack's table for `kind`
  Span span;           // byte span in NormalizedText::text
  friend bool operator==(const Mention&, const Mention&) = default;
};

// Per-thread scratch space for Find.
class RecognizerScratch {
 public:
  RecognizerScratch();
  RecognizerScratch(RecognizerScratch&&) noexcept;
  RecognizerScratch& operator=(RecognizerScratch&&) noexcept;
  ~RecognizerScratch();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class Recognizer {
 public:
  // Compiles every phrase of `pack`. A phrase that does not compile is a
  // kInvalidInput error naming the pack, table and phrase. The pack must
  // outlive nothing: the Recognizer copies what it needs.
  [[nodiscard]] static Result<Recognizer> Create(const LanguagePack& pack);

  Recognizer(Recognizer&&) noexcept;
  Recognizer& operator=(Recognizer&&) noexcept;
  ~Recognizer();
  Recognizer(const Recognizer&) = delete;  // owns a compiled database
  Recognizer& operator=(const Recognizer&) = delete;

  [[nodiscard]] Result<RecognizerScratch> MakeScratch() const;

  // All mentions in `text` (or only inside `within` of text.text, when
  // given), sorted by begin, then longer first. Of two mentions of the same
  // kind where one lies inside the other, only the longer is kept. Const and
  // thread-safe given one scratch per thread.
  std::vector<Mention> Find(const NormalizedText& text, RecognizerScratch& scratch) const;
  std::vector<Mention> Find(const NormalizedText& text, Span within,
                            RecognizerScratch& scratch) const;

 private:
  struct Impl;
  explicit Recognizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep
