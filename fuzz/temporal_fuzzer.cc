// Fuzzes ResolveDates on the real en and fr packs. The first input byte
// picks the pack (bit 0) and the publication date (bits 1-2: none,
// 2022-10-01, 2023-01-01, 2020-02-29). Every date lies inside the text on
// UTF-8 boundaries, the list is sorted and non-overlapping, every date is a
// real day inside its window, and without a publication date nothing
// relative is resolved.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/date.h"
#include "sitrep/error.h"
#include "sitrep/lang_pack.h"
#include "sitrep/normalize.h"
#include "sitrep/recognize.h"
#include "sitrep/temporal.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

bool Valid(const std::optional<sitrep::Date>& d) {
  return !d || sitrep::IsValidDate(d->year, d->month, d->day);
}

struct Stage {
  sitrep::LanguagePack pack;
  std::unique_ptr<sitrep::Recognizer> recognizer;
};

// The pack's date words only: the recogniser then compiles in milliseconds.
Stage MakeStage(const std::string& dir) {
  Stage stage;
  sitrep::CollectingSink sink;
  if (auto loaded = sitrep::LoadLanguagePack(dir, sink)) {
    stage.pack.code = loaded->code;
    stage.pack.date_order = loaded->date_order;
    stage.pack.date_words = loaded->date_words;
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
  // Linear in the text and the mentions; 16 KiB covers every path.
  if (size < 1 || size > (16u << 10)) return 0;
  const Stage& stage = GetStage(data[0] & 1);
  if (!stage.recognizer) return 0;
  static constexpr sitrep::Date kPubs[] = {{2022, 10, 1}, {2023, 1, 1}, {2020, 2, 29}};
  const int pub_choice = (data[0] >> 1) & 3;
  const std::optional<sitrep::Date> pub =
      pub_choice == 0 ? std::nullopt : std::optional<sitrep::Date>(kPubs[pub_choice - 1]);

  auto n = sitrep::Normalize(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  if (!n) return 0;  // invalid UTF-8 never reaches this stage
  auto scratch = stage.recognizer->MakeScratch();
  Check(scratch.has_value());
  const std::vector<sitrep::Mention> mentions = stage.recognizer->Find(*n, *scratch);
  const auto dates = sitrep::ResolveDates(*n, mentions, stage.pack, pub);

  const std::string& text = n->text;
  uint32_t previous_end = 0;
  for (const sitrep::DateMention& d : dates) {
    Check(d.span.begin < d.span.end && d.span.end <= text.size());
    Check(sitrep::IsUtf8Boundary(text, d.span.begin) && sitrep::IsUtf8Boundary(text, d.span.end));
    Check(previous_end <= d.span.begin);
    previous_end = d.span.end;
    Check(Valid(d.date) && Valid(d.earliest) && Valid(d.latest));
    Check(d.earliest.has_value() == d.latest.has_value());
    if (d.earliest) Check(*d.earliest <= *d.latest);
    if (d.date && d.earliest) Check(*d.earliest <= *d.date && *d.date <= *d.latest);
    if (d.unresolved) Check(!d.date && !d.earliest && d.relative);
    if (!pub && d.relative) Check(d.unresolved);
    if (d.precision == sitrep::DatePrecision::kDay && d.date) Check(*d.earliest == *d.latest);
  }
  return 0;
}
