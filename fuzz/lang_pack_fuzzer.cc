// Fuzzes the pack loader and the recogniser built from what it loads. The
// first byte picks which file of a pack the rest of the input becomes (the
// manifest or one table); the other files are a fixed, valid pack. When the
// pack loads and compiles, a fixed sentence and the input itself are
// scanned.
//
// Invariants: no crash; every mention's span lies inside the text, on UTF-8
// boundaries, with an entry that exists; mentions come sorted; Find(within)
// returns only mentions inside `within`.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "sitrep/lang_pack.h"
#include "sitrep/normalize.h"
#include "sitrep/recognize.h"

namespace {

namespace fs = std::filesystem;

// Every input becomes one pack file. Above 64 KiB a table only adds more
// phrases of the kinds already seen, and vectorscan's compile time grows with
// the phrase count, so big inputs would burn time without new paths.
constexpr size_t kMaxInputBytes = 64 << 10;

constexpr const char* kFiles[] = {
    "manifest.tsv",  "triggers.tsv", "casualties.tsv",   "weapons.tsv",         "actors.tsv",
    "victims.tsv",   "numbers.tsv",  "quantifiers.tsv",  "dates.tsv",           "attribution.tsv",
    "denial.tsv",    "negation.tsv", "hedges.tsv",       "opinion.tsv",         "place_cues.tsv",
    "landmarks.tsv", "exonyms.tsv",  "case_endings.tsv", "place_stopwords.tsv", "examples.tsv",
};
constexpr size_t kFileCount = sizeof(kFiles) / sizeof(kFiles[0]);

constexpr char kManifest[] = "code\tfz\nname\tFuzz\nformat_version\t1\n";
constexpr char kTriggers[] =
    "bombard*\tExplosions/Remote violence\tShelling/artillery/missile attack\n"
    "air strike\tExplosions/Remote violence\tAir/drone strike\n";
constexpr char kSentence[] =
    "Au moins vingt civils ont été tués hier près de l\xE2\x80\x99"
    "armée ; the air-strike "
    "bombarded Обстріляли мирних жителів — 1 200 blessés.";

[[noreturn]] void Fail() { std::abort(); }

void Write(const fs::path& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

const fs::path& PackDir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("sitrep_lang_pack_fuzz_" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

void CheckMentions(const sitrep::LanguagePack& pack, const sitrep::NormalizedText& text,
                   const std::vector<sitrep::Mention>& mentions, sitrep::Span within) {
  for (size_t i = 0; i < mentions.size(); ++i) {
    const sitrep::Mention& m = mentions[i];
    if (m.span.begin > m.span.end || m.span.end > text.text.size()) Fail();
    if (!sitrep::IsUtf8Boundary(text.text, m.span.begin)) Fail();
    if (!sitrep::IsUtf8Boundary(text.text, m.span.end)) Fail();
    if (!within.Contains(m.span)) Fail();
    if (m.entry >= pack.EntryCount(m.kind)) Fail();
    if (i > 0) {
      const sitrep::Span& prev = mentions[i - 1].span;
      if (prev.begin > m.span.begin || (prev.begin == m.span.begin && prev.end < m.span.end)) {
        Fail();
      }
    }
  }
}

void Scan(const sitrep::LanguagePack& pack, const sitrep::Recognizer& recognizer,
          sitrep::RecognizerScratch& scratch, std::string_view raw) {
  const auto text = sitrep::Normalize(raw);
  if (!text) return;
  const auto size = static_cast<uint32_t>(text->text.size());
  CheckMentions(pack, *text, recognizer.Find(*text, scratch), sitrep::Span{0, size});
  // The second half, which may start inside a code point: Find must clamp.
  const sitrep::Span half{size / 2, size};
  CheckMentions(pack, *text, recognizer.Find(*text, half, scratch), half);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > kMaxInputBytes) return 0;
  const fs::path& dir = PackDir();
  std::error_code ec;
  for (const char* file : kFiles) fs::remove(dir / file, ec);
  Write(dir / "manifest.tsv", kManifest);
  Write(dir / "triggers.tsv", kTriggers);
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  Write(dir / kFiles[data[0] % kFileCount], input);

  sitrep::CollectingSink sink;
  const auto pack = sitrep::LoadLanguagePack(dir.string(), sink);
  if (!pack) return 0;
  const auto recognizer = sitrep::Recognizer::Create(*pack);
  if (!recognizer) return 0;
  auto scratch = recognizer->MakeScratch();
  if (!scratch) return 0;
  Scan(*pack, *recognizer, *scratch, kSentence);
  Scan(*pack, *recognizer, *scratch, input);
  return 0;
}
