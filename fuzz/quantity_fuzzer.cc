// Fuzzes ParseQuantities on the real en and fr packs (the first input byte
// picks one): every quantity lies inside the text on UTF-8 boundaries, the
// list is sorted and non-overlapping, the number lies inside its phrase, and
// a count's bounds are ordered (low <= best <= high where set).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/error.h"
#include "sitrep/lang_pack.h"
#include "sitrep/normalize.h"
#include "sitrep/quantity.h"
#include "sitrep/recognize.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

struct Stage {
  sitrep::LanguagePack pack;
  std::unique_ptr<sitrep::Recognizer> recognizer;
};

// The pack's number and date tables only: the recogniser then compiles in
// milliseconds. A missing pack leaves an empty one (digits still run).
Stage MakeStage(const std::string& dir) {
  Stage stage;
  sitrep::CollectingSink sink;
  if (auto loaded = sitrep::LoadLanguagePack(dir, sink)) {
    stage.pack.code = loaded->code;
    stage.pack.decimal_separator = loaded->decimal_separator;
    stage.pack.thousands_separators = loaded->thousands_separators;
    stage.pack.date_order = loaded->date_order;
    stage.pack.numbers = loaded->numbers;
    stage.pack.quantifiers = loaded->quantifiers;
    stage.pack.date_words = loaded->date_words;  // digits next to a month are not counts
  }
  if (auto r = sitrep::Recognizer::Create(stage.pack)) {
    stage.recognizer = std::make_unique<sitrep::Recognizer>(std::move(*r));
  }
  return stage;
}

const Stage& GetStage(int which) {
  static const Stage en = MakeStage(SITREP_DATA_DIR "/lang/en");
  static const Stage fr = MakeStage(SITREP_DATA_DIR "/lang/fr");
  return which == 0 ? en : fr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The parser is linear in the text and the mentions; 16 KiB covers every
  // path (a few sentences) and keeps each run fast.
  if (size < 1 || size > (16u << 10)) return 0;
  const Stage& stage = GetStage(data[0] & 1);
  if (!stage.recognizer) return 0;
  auto n = sitrep::Normalize(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  if (!n) return 0;  // invalid UTF-8 never reaches this stage
  auto scratch = stage.recognizer->MakeScratch();
  Check(scratch.has_value());
  const std::vector<sitrep::Mention> mentions = stage.recognizer->Find(*n, *scratch);
  const std::vector<sitrep::Quantity> found = sitrep::ParseQuantities(*n, mentions, stage.pack);

  const std::string& text = n->text;
  uint32_t previous_end = 0;
  for (const sitrep::Quantity& q : found) {
    Check(q.span.begin < q.span.end && q.span.end <= text.size());
    Check(sitrep::IsUtf8Boundary(text, q.span.begin) && sitrep::IsUtf8Boundary(text, q.span.end));
    Check(q.span.Contains(q.number_span) && !q.number_span.empty());
    Check(sitrep::IsUtf8Boundary(text, q.number_span.begin) &&
          sitrep::IsUtf8Boundary(text, q.number_span.end));
    Check(previous_end <= q.span.begin);
    previous_end = q.span.end;
    const sitrep::CountRange& c = q.count;
    Check(c.known());
    if (c.low && c.high) Check(*c.low <= *c.high);
    if (c.low && c.best) Check(*c.low <= *c.best);
    if (c.best && c.high) Check(*c.best <= *c.high);
    if (c.low) Check(*c.low >= 0);
    if (q.is_year_like) Check(c.best && *c.best >= 1900 && *c.best <= 2100 && q.span == q.number_span);
  }
  // Pure: the same input gives the same output.
  const std::vector<sitrep::Quantity> again = sitrep::ParseQuantities(*n, mentions, stage.pack);
  Check(again.size() == found.size());
  return 0;
}
