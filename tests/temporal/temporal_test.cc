#include "sitrep/temporal.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace sitrep {
namespace {

constexpr Date kPub{2022, 10, 1};  // a Saturday

// Small packs written for these tests; the real packs are tested at the end.
LanguagePack EnglishPack() {
  LanguagePack p;
  p.code = "en";
  p.date_order = "mdy";
  p.date_words = {{"september", DateWordKind::kMonth, 9},
                  {"sept.", DateWordKind::kMonth, 9},
                  {"october", DateWordKind::kMonth, 10},
                  {"january", DateWordKind::kMonth, 1},
                  {"thursday", DateWordKind::kWeekday, 4},
                  {"friday", DateWordKind::kWeekday, 5},
                  {"saturday", DateWordKind::kWeekday, 6},
                  {"yesterday", DateWordKind::kDayOffset, -1},
                  {"the day before yesterday", DateWordKind::kDayOffset, -2},
                  {"today", DateWordKind::kDayOffset, 0},
                  {"last week", DateWordKind::kWeekOffset, -1},
                  {"last month", DateWordKind::kMonthOffset, -1},
                  {"last year", DateWordKind::kYearOffset, -1},
                  {"last", DateWordKind::kPast, 0}};
  return p;
}

LanguagePack FrenchPack() {
  LanguagePack p;
  p.code = "fr";
  p.date_order = "dmy";
  p.date_words = {{"septembre", DateWordKind::kMonth, 9},
                  {"octobre", DateWordKind::kMonth, 10},
                  {"décembre", DateWordKind::kMonth, 12},
                  {"janvier", DateWordKind::kMonth, 1},
                  {"février", DateWordKind::kMonth, 2},
                  {"jeudi", DateWordKind::kWeekday, 4},
                  {"vendredi", DateWordKind::kWeekday, 5},
                  {"samedi", DateWordKind::kWeekday, 6},
                  {"hier", DateWordKind::kDayOffset, -1},
                  {"avant-hier", DateWordKind::kDayOffset, -2},
                  {"la semaine dernière", DateWordKind::kWeekOffset, -1},
                  {"le mois dernier", DateWordKind::kMonthOffset, -1},
                  {"ce mois-ci", DateWordKind::kMonthOffset, 0},
                  {"dernier", DateWordKind::kPast, 0}};
  return p;
}

LanguagePack UkrainianPack() {
  LanguagePack p;
  p.code = "uk";
  p.date_order = "dmy";
  p.date_words = {{"вересня", DateWordKind::kMonth, 9}, {"четвер", DateWordKind::kWeekday, 4}};
  return p;
}

// One date as a failure message shows it:
// "[span] date precision earliest..latest flags".
std::string Describe(const std::string& text, const DateMention& d) {
  std::ostringstream os;
  auto date = [](const std::optional<Date>& x) { return x ? FormatIsoDate(*x) : std::string("-"); };
  os << "[" << Slice(text, d.span) << "] " << date(d.date) << " " << DatePrecisionName(d.precision);
  if (d.earliest || d.latest) os << " " << date(d.earliest) << ".." << date(d.latest);
  if (d.relative) os << " rel";
  if (d.unresolved) os << " unresolved";
  return os.str();
}

// Compiling a pack is slow (the real packs take seconds): once per table.
std::vector<std::string> Resolve(const LanguagePack& pack, const Recognizer& recognizer, const std::string& raw,
                                 std::optional<Date> pub) {
  auto normalized = Normalize(raw);
  EXPECT_TRUE(normalized) << raw;
  if (!normalized) return {};
  auto scratch = recognizer.MakeScratch();
  EXPECT_TRUE(scratch);
  const std::vector<Mention> mentions = recognizer.Find(*normalized, *scratch);
  const std::vector<DateMention> dates = ResolveDates(*normalized, mentions, pack, pub);
  std::vector<std::string> out;
  uint32_t previous_end = 0;
  for (const DateMention& d : dates) {
    EXPECT_LE(previous_end, d.span.begin) << raw;
    EXPECT_LE(d.span.end, normalized->text.size()) << raw;
    if (d.earliest && d.latest) EXPECT_LE(*d.earliest, *d.latest) << raw;
    previous_end = d.span.end;
    out.push_back(Describe(normalized->text, d));
  }
  return out;
}

struct Row {
  const char* text;
  std::vector<std::string> expected;
};

void RunTable(const LanguagePack& pack, std::optional<Date> pub, const std::vector<Row>& rows) {
  auto recognizer = Recognizer::Create(pack);
  ASSERT_TRUE(recognizer) << recognizer.error().message;
  for (const Row& row : rows) {
    EXPECT_EQ(Resolve(pack, *recognizer, row.text, pub), row.expected)
        << "row: " << row.text << " pub " << (pub ? FormatIsoDate(*pub) : "none");
  }
}

TEST(ResolveDates, FrenchWeekdayIsLatestOnOrBeforePublication) {
  RunTable(FrenchPack(), kPub, {
      {"Les corps ont été découverts jeudi.", {"[jeudi] 2022-09-29 day 2022-09-29..2022-09-29 rel"}},
      {"vendredi", {"[vendredi] 2022-09-30 day 2022-09-30..2022-09-30 rel"}},
      {"samedi", {"[samedi] 2022-10-01 day 2022-10-01..2022-10-01 rel"}},
      {"samedi dernier", {"[samedi dernier] 2022-09-24 day 2022-09-24..2022-09-24 rel"}},
      {"jeudi dernier", {"[jeudi dernier] 2022-09-29 day 2022-09-29..2022-09-29 rel"}},
      {"Jeudi, 20 personnes", {"[Jeudi] 2022-09-29 day 2022-09-29..2022-09-29 rel"}},
  });
}

TEST(ResolveDates, FrenchTable) {
  RunTable(FrenchPack(), kPub, {
      {"hier", {"[hier] 2022-09-30 day 2022-09-30..2022-09-30 rel"}},
      {"avant-hier", {"[avant-hier] 2022-09-29 day 2022-09-29..2022-09-29 rel"}},
      {"le 25 septembre", {"[25 septembre] 2022-09-25 day 2022-09-25..2022-09-25 rel"}},
      {"le 1er septembre", {"[1er septembre] 2022-09-01 day 2022-09-01..2022-09-01 rel"}},
      {"le 25 septembre 2021", {"[25 septembre 2021] 2021-09-25 day 2021-09-25..2021-09-25"}},
      {"le jeudi 29 septembre", {"[jeudi 29 septembre] 2022-09-29 day 2022-09-29..2022-09-29 rel"}},
      {"le 2 octobre", {"[2 octobre] 2022-10-02 day 2022-10-02..2022-10-02 rel"}},
      {"le 5 octobre", {"[5 octobre] 2021-10-05 day 2021-10-05..2021-10-05 rel"}},
      {"le 31 septembre", {}},
      {"le 29 février", {"[29 février] 2020-02-29 day 2020-02-29..2020-02-29 rel"}},
      {"25/09/2022", {"[25/09/2022] 2022-09-25 day 2022-09-25..2022-09-25"}},
      {"25.09.2022", {"[25.09.2022] 2022-09-25 day 2022-09-25..2022-09-25"}},
      {"05/09/22", {"[05/09/22] 2022-09-05 day 2022-09-05..2022-09-05"}},
      {"2022-09-25", {"[2022-09-25] 2022-09-25 day 2022-09-25..2022-09-25"}},
      {"31/02/2022 et 1.2.3.4 et 16:30", {}},
      {"le mois dernier", {"[le mois dernier] 2022-09-01 month 2022-09-01..2022-09-30 rel"}},
      {"ce mois-ci", {"[ce mois-ci] 2022-10-01 month 2022-10-01..2022-10-31 rel"}},
      {"la semaine dernière", {"[la semaine dernière] 2022-09-19 week 2022-09-19..2022-09-25 rel"}},
      {"en septembre", {"[septembre] 2022-09-01 month 2022-09-01..2022-09-30 rel"}},
      {"en décembre", {"[décembre] 2021-12-01 month 2021-12-01..2021-12-31 rel"}},
      {"en septembre 2021", {"[septembre 2021] 2021-09-01 month 2021-09-01..2021-09-30"}},
      {"octobre dernier", {"[octobre dernier] 2021-10-01 month 2021-10-01..2021-10-31 rel"}},
      {"Jeudi et hier",
       {"[Jeudi] 2022-09-29 day 2022-09-29..2022-09-29 rel", "[hier] 2022-09-30 day 2022-09-30..2022-09-30 rel"}},
  });
}

TEST(ResolveDates, DayAndMonthTakeTheYearBeforePublication) {
  RunTable(FrenchPack(), Date{2023, 1, 10},
           {{"le 5 janvier", {"[5 janvier] 2023-01-05 day 2023-01-05..2023-01-05 rel"}}});
  RunTable(FrenchPack(), Date{2022, 12, 30},
           {{"le 5 janvier", {"[5 janvier] 2022-01-05 day 2022-01-05..2022-01-05 rel"}}});
  // A dateline may run a day or two ahead of the publication date.
  RunTable(FrenchPack(), Date{2022, 12, 28},
           {{"le 1er janvier", {"[1er janvier] 2022-01-01 day 2022-01-01..2022-01-01 rel"}}});
  RunTable(FrenchPack(), Date{2022, 12, 30},
           {{"le 1er janvier", {"[1er janvier] 2023-01-01 day 2023-01-01..2023-01-01 rel"}}});
}

TEST(ResolveDates, EnglishTable) {
  RunTable(EnglishPack(), kPub, {
      {"The convoy was shot at on Thursday.", {"[Thursday] 2022-09-29 day 2022-09-29..2022-09-29 rel"}},
      {"last Saturday", {"[last Saturday] 2022-09-24 day 2022-09-24..2022-09-24 rel"}},
      {"last Friday", {"[last Friday] 2022-09-30 day 2022-09-30..2022-09-30 rel"}},
      {"yesterday", {"[yesterday] 2022-09-30 day 2022-09-30..2022-09-30 rel"}},
      {"the day before yesterday", {"[the day before yesterday] 2022-09-29 day 2022-09-29..2022-09-29 rel"}},
      {"today", {"[today] 2022-10-01 day 2022-10-01..2022-10-01 rel"}},
      {"on Sept. 25 at dawn", {"[Sept. 25] 2022-09-25 day 2022-09-25..2022-09-25 rel"}},
      {"September 25, 2022", {"[September 25, 2022] 2022-09-25 day 2022-09-25..2022-09-25"}},
      {"on September 25th", {"[September 25th] 2022-09-25 day 2022-09-25..2022-09-25 rel"}},
      {"on 25th September", {"[25th September] 2022-09-25 day 2022-09-25..2022-09-25 rel"}},
      {"Thursday, September 29", {"[Thursday, September 29] 2022-09-29 day 2022-09-29..2022-09-29 rel"}},
      {"09/25/2022", {"[09/25/2022] 2022-09-25 day 2022-09-25..2022-09-25"}},
      {"05/09/2022", {"[05/09/2022] 2022-05-09 day 2022-05-09..2022-05-09"}},
      {"25/09/2022", {"[25/09/2022] 2022-09-25 day 2022-09-25..2022-09-25"}},
      {"last week", {"[last week] 2022-09-19 week 2022-09-19..2022-09-25 rel"}},
      {"last month", {"[last month] 2022-09-01 month 2022-09-01..2022-09-30 rel"}},
      {"last year", {"[last year] - unknown 2021-01-01..2021-12-31 rel"}},
      {"last September", {"[last September] 2022-09-01 month 2022-09-01..2022-09-30 rel"}},
      {"at 16:30 on 1.2.2022.", {"[1.2.2022] 2022-01-02 day 2022-01-02..2022-01-02"}},
  });
}

TEST(ResolveDates, UkrainianMonthInGenitive) {
  RunTable(UkrainianPack(), kPub, {
      {"25 вересня 2022 року", {"[25 вересня 2022] 2022-09-25 day 2022-09-25..2022-09-25"}},
      {"у четвер", {"[четвер] 2022-09-29 day 2022-09-29..2022-09-29 rel"}},
  });
}

TEST(ResolveDates, WithoutPublicationDateRelativeDatesStayUnresolved) {
  RunTable(FrenchPack(), std::nullopt, {
      {"jeudi", {"[jeudi] - day rel unresolved"}},
      {"hier", {"[hier] - day rel unresolved"}},
      {"le mois dernier", {"[le mois dernier] - month rel unresolved"}},
      {"le 25 septembre", {"[25 septembre] - day rel unresolved"}},
      {"en septembre", {"[septembre] - month rel unresolved"}},
      {"le 25 septembre 2022", {"[25 septembre 2022] 2022-09-25 day 2022-09-25..2022-09-25"}},
      {"25/09/2022", {"[25/09/2022] 2022-09-25 day 2022-09-25..2022-09-25"}},
      {"25/09/22", {"[25/09/22] 2022-09-25 day 2022-09-25..2022-09-25"}},
  });
}

TEST(ResolveDates, BadMentionsAndPublicationDateAreIgnored) {
  const LanguagePack pack = FrenchPack();
  auto normalized = Normalize("jeudi");
  ASSERT_TRUE(normalized);
  const std::vector<Mention> mentions = {
      {MentionKind::kDateWord, 999, Span{0, 5}},  // no such entry
      {MentionKind::kDateWord, 5, Span{0, 50}},   // outside the text
  };
  EXPECT_TRUE(ResolveDates(*normalized, mentions, pack, kPub).empty());
  // An impossible publication date counts as none.
  const std::vector<Mention> good = {{MentionKind::kDateWord, 5, Span{0, 5}}};
  const auto dates = ResolveDates(*normalized, good, pack, Date{2022, 2, 30});
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_TRUE(dates[0].unresolved);
  EXPECT_FALSE(dates[0].date);
}

// Loads a real pack with only the tables this stage reads: the recogniser
// then compiles in milliseconds instead of seconds.
std::optional<LanguagePack> LoadRealPack(const std::string& dir) {
  CollectingSink sink;
  auto pack = LoadLanguagePack(dir, sink);
  EXPECT_TRUE(pack) << pack.error().message;
  if (!pack) return std::nullopt;
  LanguagePack small;
  small.code = pack->code;
  small.decimal_separator = pack->decimal_separator;
  small.thousands_separators = pack->thousands_separators;
  small.date_order = pack->date_order;
  small.date_words = pack->date_words;
  return small;
}

// The real packs, when they are there.
TEST(ResolveDates, RealFrenchPack) {
  const std::string dir = SITREP_DATA_DIR "/lang/fr";
  if (!std::filesystem::exists(dir + "/manifest.tsv")) GTEST_SKIP() << "no pack at " << dir;
  const auto pack = LoadRealPack(dir);
  ASSERT_TRUE(pack);
  RunTable(*pack, kPub, {
      {"Les corps ont été retrouvés jeudi.", {"[jeudi] 2022-09-29 day 2022-09-29..2022-09-29 rel"}},
      {"Le convoi a été attaqué le 25 septembre.", {"[25 septembre] 2022-09-25 day 2022-09-25..2022-09-25 rel"}},
      {"Il a été arrêté vendredi.", {"[vendredi] 2022-09-30 day 2022-09-30..2022-09-30 rel"}},
      {"Hier, une frappe.", {"[Hier] 2022-09-30 day 2022-09-30..2022-09-30 rel"}},
      {"Le mois dernier, une frappe.", {"[Le mois dernier] 2022-09-01 month 2022-09-01..2022-09-30 rel"}},
  });
}

TEST(ResolveDates, RealEnglishPack) {
  const std::string dir = SITREP_DATA_DIR "/lang/en";
  if (!std::filesystem::exists(dir + "/manifest.tsv")) GTEST_SKIP() << "no pack at " << dir;
  const auto pack = LoadRealPack(dir);
  ASSERT_TRUE(pack);
  RunTable(*pack, kPub, {
      {"It happened on Thursday.", {"[Thursday] 2022-09-29 day 2022-09-29..2022-09-29 rel"}},
      {"It happened last Saturday.", {"[last Saturday] 2022-09-24 day 2022-09-24..2022-09-24 rel"}},
      {"It happened yesterday.", {"[yesterday] 2022-09-30 day 2022-09-30..2022-09-30 rel"}},
      {"It happened on September 25, 2022.", {"[September 25, 2022] 2022-09-25 day 2022-09-25..2022-09-25"}},
  });
}

}  // namespace
}  // namespace sitrep
