// Runs every pack's own examples (examples.tsv): each row's sentence must
// yield a mention of the row's kind whose text is the row's text and, when
// the row gives one, whose entry has the row's value (docs/language-packs.md
// says which value each kind compares). Packs come from SITREP_DATA_DIR/lang
// (the shipped packs) and from the test pack under testdata, which shows the
// harness itself works.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "lang_pack/pack_words.h"
#include "sitrep/lang_pack.h"
#include "sitrep/normalize.h"
#include "sitrep/recognize.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

// Every folder under `root` with a manifest.tsv, sorted.
std::vector<std::string> PackFolders(const std::string& root) {
  std::vector<std::string> folders;
  std::error_code ec;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (fs::exists(it->path() / "manifest.tsv", ec)) folders.push_back(it->path().string());
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

std::string FolderName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).filename().string();
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

class PackExamples : public ::testing::TestWithParam<std::string> {};

TEST_P(PackExamples, EveryRowLoads) {
  CollectingSink sink;
  const auto pack = LoadLanguagePack(GetParam(), sink);
  ASSERT_TRUE(pack) << pack.error().message;
  std::ostringstream skipped;
  for (const Diagnostic& d : sink.Take()) {
    if (d.severity == Diagnostic::Severity::kSkipped)
      skipped << "\n  " << d.where << ": " << d.message;
  }
  EXPECT_EQ(skipped.str(), "") << "rows skipped while loading " << GetParam();
}

TEST_P(PackExamples, EveryExampleIsFound) {
  CollectingSink sink;
  const auto pack = LoadLanguagePack(GetParam(), sink);
  ASSERT_TRUE(pack) << pack.error().message;
  EXPECT_FALSE(pack->examples.empty()) << GetParam() << " has no examples.tsv rows";
  const auto recognizer = Recognizer::Create(*pack);
  ASSERT_TRUE(recognizer) << recognizer.error().message;
  auto scratch = recognizer->MakeScratch();
  ASSERT_TRUE(scratch) << scratch.error().message;

  const std::string file = (fs::path(GetParam()) / "examples.tsv").string();
  for (const PackExample& example : pack->examples) {
    const std::string where = file + ":" + std::to_string(example.line);
    const auto sentence = Normalize(example.sentence);
    ASSERT_TRUE(sentence) << where << ": " << sentence.error().message;
    const auto expected_text = Normalize(example.text);
    ASSERT_TRUE(expected_text) << where << ": " << expected_text.error().message;

    bool found = false;
    std::ostringstream seen;
    for (const Mention& m : recognizer->Find(*sentence, *scratch)) {
      const std::string_view text = Slice(sentence->text, m.span);
      const auto values = ExampleValues(*pack, m.kind, m.entry);
      seen << "\n  " << MentionKindName(m.kind) << " '" << text << "'";
      for (const std::string& v : values) seen << " [" << v << "]";
      if (m.kind != example.kind || text != expected_text->text) continue;
      if (example.value.empty() ||
          std::find(values.begin(), values.end(), example.value) != values.end()) {
        found = true;
      }
    }
    EXPECT_TRUE(found) << where << ": expected " << MentionKindName(example.kind) << " '"
                       << example.text << "'"
                       << (example.value.empty() ? "" : " [" + example.value + "]") << " in \""
                       << example.sentence << "\"; found:" << seen.str();
  }
}

INSTANTIATE_TEST_SUITE_P(DataPacks, PackExamples,
                         ::testing::ValuesIn(PackFolders(SITREP_DATA_DIR "/lang")), FolderName);
INSTANTIATE_TEST_SUITE_P(TestPacks, PackExamples,
                         ::testing::ValuesIn(PackFolders(SITREP_TESTDATA_DIR "/packs")),
                         FolderName);

}  // namespace
}  // namespace sitrep
