#include "sitrep/lang_pack.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "lang_pack/pack_words.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

constexpr char kManifest[] = "code\ttt\nname\tTemp\nformat_version\t1\n";

// A fresh pack folder per test under GoogleTest's temp dir.
class PackDir {
 public:
  PackDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::path(::testing::TempDir()) /
            (std::string("sitrep_lang_pack_") + info->test_suite_name() + "_" + info->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~PackDir() { fs::remove_all(path_); }
  void Write(const std::string& name, const std::string& content) const {
    fs::create_directories((path_ / name).parent_path());
    std::ofstream(path_ / name, std::ios::binary) << content;
  }
  std::string path() const { return path_.string(); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

TEST(LoadLanguagePack, MissingManifestIsNotFound) {
  PackDir dir;
  dir.Write("triggers.tsv", "frappe\tBattles\tArmed clash\n");
  CollectingSink sink;
  const auto pack = LoadLanguagePack(dir.path(), sink);
  ASSERT_FALSE(pack);
  EXPECT_EQ(pack.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(pack.error().message, dir.File("manifest.tsv") + ": no such file");
}

TEST(LoadLanguagePack, UnknownFormatVersionIsRefused) {
  PackDir dir;
  dir.Write("manifest.tsv", "code\ttt\nname\tTemp\nformat_version\t99\n");
  CollectingSink sink;
  const auto pack = LoadLanguagePack(dir.path(), sink);
  ASSERT_FALSE(pack);
  EXPECT_EQ(pack.error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(pack.error().message,
            dir.File("manifest.tsv") +
                ":3: pack format version 99 is not supported; this build of sitrep reads "
                "version 1");
}

TEST(LoadLanguagePack, ManifestWithoutVersionOrCodeIsInvalid) {
  PackDir dir;
  dir.Write("manifest.tsv", "code\ttt\n");
  CollectingSink sink;
  auto pack = LoadLanguagePack(dir.path(), sink);
  ASSERT_FALSE(pack);
  EXPECT_EQ(pack.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(pack.error().message, dir.File("manifest.tsv") + ": format_version is missing");

  dir.Write("manifest.tsv", "format_version\tone\n");
  pack = LoadLanguagePack(dir.path(), sink);
  ASSERT_FALSE(pack);
  EXPECT_EQ(pack.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(pack.error().message,
            dir.File("manifest.tsv") + ":1: format_version 'one' is not a number");

  dir.Write("manifest.tsv", "format_version\t1\n");
  pack = LoadLanguagePack(dir.path(), sink);
  ASSERT_FALSE(pack);
  EXPECT_EQ(pack.error().message, dir.File("manifest.tsv") + ": code is missing");
}

TEST(LoadLanguagePack, ReadsManifestNumberFormatKeepingSpaces) {
  PackDir dir;
  // CRLF line ends and a byte-order mark, as some editors write them.
  dir.Write("manifest.tsv",
            "\xEF\xBB\xBF# a comment\r\ncode\ttt\r\nname\tTemp\r\nformat_version\t1\r\n"
            "decimal_separator\t,\r\nthousands_separators\t .\r\ndate_order\tmdy\r\n");
  CollectingSink sink;
  const auto pack = LoadLanguagePack(dir.path(), sink);
  ASSERT_TRUE(pack) << pack.error().message;
  EXPECT_EQ(pack->code, "tt");
  EXPECT_EQ(pack->name, "Temp");
  EXPECT_EQ(pack->format_version, 1);
  EXPECT_EQ(pack->directory, dir.path());
  EXPECT_EQ(pack->decimal_separator, ",");
  EXPECT_EQ(pack->thousands_separators, " .");
  EXPECT_EQ(pack->date_order, "mdy");
  EXPECT_EQ(sink.skipped_count(), 0u);
}

TEST(LoadLanguagePack, BadManifestValueIsSkippedAndDefaultKept) {
  PackDir dir;
  dir.Write("manifest.tsv",
            "code\ttt\nformat_version\t1\ndecimal_separator\t,,\ndate_order\tymd\n");
  CollectingSink sink;
  const auto pack = LoadLanguagePack(dir.path(), sink);
  ASSERT_TRUE(pack) << pack.error().message;
  EXPECT_EQ(pack->decimal_separator, ".");
  EXPECT_EQ(pack->date_order, "dmy");
  const auto items = sink.Take();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].where, dir.File("manifest.tsv") + ":3");
  EXPECT_EQ(items[0].message, "decimal_separator must be one character, got ',,'");
  EXPECT_EQ(items[1].where, dir.File("manifest.tsv") + ":4");
  EXPECT_EQ(items[1].message, "unknown date_order 'ymd', expected dmy or mdy");
}

TEST(LoadLanguagePack, RowWithMissingColumnIsReportedAndSkipped) {
  PackDir dir;
  dir.Write("manifest.tsv", kManifest);
  dir.Write("triggers.tsv",
            "# phrase\tevent_type\tsub_event_type\n"
            "bombard*\tExplosions/Remote violence\tShelling/artillery/missile attack\n"
            "frappe\tExplosions/Remote violence\n"
            "\n"
            "attaque\tViolence against civilians\tAttack\tweak\n");
  CollectingSink sink;
  const auto pack = LoadLanguagePack(dir.path(), sink);
  ASSERT_TRUE(pack) << pack.error().message;
  ASSERT_EQ(pack->triggers.size(), 2u);
  EXPECT_EQ(pack->triggers[0].phrase, "bombard*");
  EXPECT_EQ(pack->triggers[0].event_type, "Explosions/Remote violence");
  EXPECT_EQ(pack->triggers[0].sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_FALSE(pack->triggers[0].weak);
  EXPECT_EQ(pack->triggers[1].phrase, "attaque");
  EXPECT_TRUE(pack->triggers[1].weak);
  EXPECT_EQ(sink.skipped_count(), 1u);
  const auto items = sink.Take();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].severity, Diagnostic::Severity::kSkipped);
  EXPECT_EQ(items[0].where, dir.File("triggers.tsv") + ":3");
  EXPECT_EQ(items[0].message, "2 columns, expected 3 to 4");
}

TEST(LoadLanguagePack, BadRowsAreSkippedWithTheirReason) {
  struct Case {
    const char* file;
    const char* row;
    const char* message;
  } cases[] = {
      {"casualties.tsv", "tués\tdead",
       "unknown kind 'dead', expected killed, injured, missing, "
       "abducted, detained or unharmed"},
      {"triggers.tsv", "frappe\tBombing\tAttack", "unknown event_type 'Bombing'"},
      {"triggers.tsv", "frappe\tBattles\tGrenade",
       "sub_event_type 'Grenade' is not a sub-event type of 'Battles'"},
      {"triggers.tsv", "frappe\tBattles\tArmed clash\tstrong",
       "unknown flag 'strong', expected weak"},
      {"triggers.tsv", "*\tBattles\tArmed clash", "'*' must follow a word stem: '*'"},
      {"triggers.tsv", "bomb*ed\tBattles\tArmed clash", "'*' may only end a word: 'bomb*ed'"},
      {"triggers.tsv", "--\tBattles\tArmed clash", "phrase has no letter or digit: '--'"},
      {"weapons.tsv", "drone\tdrone\tDrone strike", "unknown sub_event_type 'Drone strike'"},
      {"actors.tsv", "occupants\tMilitary Forces of Russia\tarmy",
       "unknown role 'army', expected armed, victim or any"},
      {"numbers.tsv", "vingt\t2O", "value '2O' is not a number"},
      {"numbers.tsv", "vingt\t20\tunits", "unknown kind 'units', expected unit or multiplier"},
      {"quantifiers.tsv", "une trentaine\trange\t25", "range needs low and high"},
      {"quantifiers.tsv", "une trentaine\trange\t35\t25", "range 35..25 is not 0 <= low <= high"},
      {"quantifiers.tsv", "au moins\tat_least\t1\t2", "low and high are only for kind range"},
      {"dates.tsv", "septembre\tmonth\t13", "month 13 is not 1..12"},
      {"dates.tsv", "jeudi\tweekday", "value missing for kind weekday"},
      {"opinion.tsv", "maléfiques\t-2", "polarity -2 is not in -1..1"},
      {"landmarks.tsv", "centrale\t0\t2", "geonameid '0' is not a positive number"},
      {"landmarks.tsv", "centrale\t709276\t4", "geo_precision '4' is not 1, 2 or 3"},
      {"examples.tsv", "Il pleut.\tweather\tpleut", "unknown mention kind 'weather'"},
      {"negation.tsv", "aucun\tnone", "2 columns, expected 1"},
      {"hedges.tsv", "pourrait\tmaybe\textra\tmore", "4 columns, expected 2"},
      {"denial.tsv", "a ni\xC3\tdenies", "invalid UTF-8 at byte 4 of the line"},
  };
  for (const Case& c : cases) {
    PackDir dir;
    dir.Write("manifest.tsv", kManifest);
    dir.Write(c.file, std::string("# header\n") + c.row + "\n");
    CollectingSink sink;
    const auto pack = LoadLanguagePack(dir.path(), sink);
    ASSERT_TRUE(pack) << pack.error().message;
    const auto items = sink.Take();
    ASSERT_EQ(items.size(), 1u) << c.file << ": " << c.row;
    EXPECT_EQ(items[0].severity, Diagnostic::Severity::kSkipped) << c.row;
    EXPECT_EQ(items[0].where, dir.File(c.file) + ":2") << c.row;
    EXPECT_EQ(items[0].message, c.message) << c.row;
    size_t loaded = 0;
    for (int k = 0; k < static_cast<int>(MentionKind::kCount); ++k) {
      loaded += pack->EntryCount(static_cast<MentionKind>(k));
    }
    EXPECT_EQ(loaded + pack->examples.size(), 0u) << c.row;
  }
}

TEST(LoadLanguagePack, ShortStemIsWarnedButLoaded) {
  PackDir dir;
  dir.Write("manifest.tsv", kManifest);
  dir.Write("casualties.tsv", "tué*\tkilled\n");
  CollectingSink sink;
  const auto pack = LoadLanguagePack(dir.path(), sink);
  ASSERT_TRUE(pack);
  ASSERT_EQ(pack->casualties.size(), 1u);
  EXPECT_EQ(sink.skipped_count(), 0u);
  EXPECT_EQ(sink.warning_count(), 1u);
  const auto items = sink.Take();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].where, dir.File("casualties.tsv") + ":1");
  EXPECT_EQ(items[0].message, "stem shorter than 4 letters: 'tué*'");
}

TEST(LoadLanguagePack, ReadsEveryTableOfTheTestPack) {
  CollectingSink sink;
  const auto pack = LoadLanguagePack(SITREP_TESTDATA_DIR "/packs/xx", sink);
  ASSERT_TRUE(pack) << pack.error().message;
  EXPECT_EQ(sink.skipped_count(), 0u);
  EXPECT_EQ(pack->code, "xx");
  EXPECT_EQ(pack->EntryCount(MentionKind::kTrigger), 6u);
  EXPECT_EQ(pack->Phrase(MentionKind::kTrigger, 5), "обстріл*");
  EXPECT_EQ(pack->Phrase(MentionKind::kTrigger, 6), "");
  EXPECT_EQ(pack->casualties[1].kind, CasualtyKind::kInjured);
  EXPECT_EQ(pack->casualties[3].kind, CasualtyKind::kAbducted);
  EXPECT_EQ(pack->numbers[2].value, 100);
  EXPECT_EQ(pack->numbers[2].kind, NumberKind::kMultiplier);
  EXPECT_EQ(pack->numbers[0].kind, NumberKind::kUnit);
  EXPECT_EQ(pack->quantifiers[3].kind, QuantifierKind::kRange);
  EXPECT_EQ(pack->quantifiers[3].low, 25);
  EXPECT_EQ(pack->quantifiers[3].high, 35);
  EXPECT_EQ(pack->date_words[1].kind, DateWordKind::kDayOffset);
  EXPECT_EQ(pack->date_words[1].value, -1);
  EXPECT_EQ(pack->opinions[0].polarity, -1.0);
  EXPECT_EQ(pack->EntryCount(MentionKind::kExonym), 0u);
  ASSERT_EQ(pack->examples.size(), 7u);
  EXPECT_EQ(pack->examples[0].line, 2);
  EXPECT_EQ(pack->examples[0].kind, MentionKind::kCasualty);
  EXPECT_EQ(pack->examples[0].text, "Tuées");
  EXPECT_EQ(pack->examples[0].value, "killed");
  EXPECT_EQ(pack->examples[4].kind, MentionKind::kNumber);
  EXPECT_EQ(ExampleValues(*pack, MentionKind::kQuantifier, 3),
            (std::vector<std::string>{"range", "25-35"}));
  EXPECT_EQ(ExampleValues(*pack, MentionKind::kOpinion, 0), (std::vector<std::string>{"-1"}));
}

TEST(LoadLanguagePacks, LoadsEveryFolderWithAManifestSortedByCode) {
  PackDir dir;
  dir.Write("first/manifest.tsv", "code\tzz\nformat_version\t1\n");
  dir.Write("second/manifest.tsv", "code\taa\nformat_version\t1\n");
  dir.Write("notes/readme.tsv", "nothing\n");
  dir.Write("future/manifest.tsv", "code\tff\nformat_version\t2\n");
  CollectingSink sink;
  const auto packs = LoadLanguagePacks(dir.path(), sink);
  ASSERT_TRUE(packs) << packs.error().message;
  ASSERT_EQ(packs->size(), 2u);
  EXPECT_EQ((*packs)[0].code, "aa");
  EXPECT_EQ((*packs)[1].code, "zz");
  const auto items = sink.Take();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].where, dir.File("future"));
  EXPECT_EQ(items[0].message, "pack not loaded: " + dir.File("future/manifest.tsv") +
                                  ":2: pack format version 2 is not supported; this build of "
                                  "sitrep reads version 1");
}

TEST(LoadLanguagePacks, MissingRootIsNotFound) {
  CollectingSink sink;
  const auto packs = LoadLanguagePacks("/nonexistent/sitrep/lang", sink);
  ASSERT_FALSE(packs);
  EXPECT_EQ(packs.error().code, ErrorCode::kNotFound);
}

TEST(MentionKindName, RoundTripsThroughParse) {
  for (int k = 0; k < static_cast<int>(MentionKind::kCount); ++k) {
    const auto kind = static_cast<MentionKind>(k);
    EXPECT_EQ(ParseMentionKind(MentionKindName(kind)), kind) << k;
  }
  EXPECT_STREQ(MentionKindName(MentionKind::kDateWord), "date");
  EXPECT_STREQ(MentionKindName(MentionKind::kPlaceCue), "place_cue");
  EXPECT_EQ(ParseMentionKind("dates"), std::nullopt);
}

}  // namespace
}  // namespace sitrep
