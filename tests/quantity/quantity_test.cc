#include "sitrep/quantity.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace sitrep {
namespace {

// Small packs written for these tests; the real packs are tested at the end.
LanguagePack EnglishPack() {
  LanguagePack p;
  p.code = "en";
  p.decimal_separator = ".";
  p.thousands_separators = ",";
  p.date_order = "mdy";
  p.numbers = {{"one", 1},        {"two", 2},       {"three", 3},
               {"five", 5},       {"seven", 7},     {"twelve", 12},
               {"seventeen", 17}, {"twenty", 20},   {"thirty", 30},
               {"and", 0},        {"hundred", 100, NumberKind::kMultiplier},
               {"thousand", 1000, NumberKind::kMultiplier},
               {"million", 1000000, NumberKind::kMultiplier},
               {"dozen", 12, NumberKind::kMultiplier}};
  p.quantifiers = {{"dozens", QuantifierKind::kRange, 12, 99},
                   {"a dozen", QuantifierKind::kRange, 10, 14},
                   {"at least", QuantifierKind::kAtLeast},
                   {"more than", QuantifierKind::kMoreThan},
                   {"up to", QuantifierKind::kUpTo},
                   {"about", QuantifierKind::kAbout},
                   {"including", QuantifierKind::kIncluding},
                   {"another", QuantifierKind::kAnother},
                   {"between", QuantifierKind::kBetween},
                   {"and", QuantifierKind::kRangeJoiner},
                   {"to", QuantifierKind::kRangeJoiner}};
  p.date_words = {{"september", DateWordKind::kMonth, 9}, {"sept.", DateWordKind::kMonth, 9}};
  return p;
}

LanguagePack FrenchPack() {
  LanguagePack p;
  p.code = "fr";
  p.decimal_separator = ",";
  p.thousands_separators = " .";
  p.date_order = "dmy";
  p.numbers = {{"un", 1},       {"deux", 2},      {"trois", 3},
               {"sept", 7},     {"dix", 10},      {"vingt", 20},
               {"trente", 30},  {"soixante", 60}, {"quatre-vingt-dix", 90},
               {"et", 0},       {"cent", 100, NumberKind::kMultiplier},
               {"cents", 100, NumberKind::kMultiplier},
               {"mille", 1000, NumberKind::kMultiplier},
               {"millions", 1000000, NumberKind::kMultiplier}};
  p.quantifiers = {{"une trentaine", QuantifierKind::kRange, 25, 35},
                   {"des dizaines", QuantifierKind::kRange, 12, 99},
                   {"au moins", QuantifierKind::kAtLeast},
                   {"plus de", QuantifierKind::kMoreThan},
                   {"plus d", QuantifierKind::kMoreThan},
                   {"jusqu'à", QuantifierKind::kUpTo},
                   {"environ", QuantifierKind::kAbout},
                   {"dont", QuantifierKind::kIncluding},
                   {"autres", QuantifierKind::kAnother},
                   {"ou", QuantifierKind::kRangeJoiner},
                   {"entre", QuantifierKind::kBetween},
                   {"et", QuantifierKind::kRangeJoiner},
                   {"à", QuantifierKind::kRangeJoiner}};
  p.date_words = {{"septembre", DateWordKind::kMonth, 9}};
  return p;
}

// One quantity as a failure message shows it:
// "[span]{number span, when different} low/best/high flags".
std::string Describe(const std::string& text, const Quantity& q) {
  std::ostringstream os;
  auto value = [&](const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string("-"); };
  os << "[" << Slice(text, q.span) << "]";
  if (q.number_span != q.span) os << "{" << Slice(text, q.number_span) << "}";
  os << " " << value(q.count.low) << "/" << value(q.count.best) << "/" << value(q.count.high);
  if (q.approximate) os << " approx";
  if (q.sub_count) os << " sub";
  if (q.another) os << " another";
  if (q.written) os << " written";
  if (q.is_year_like) os << " year";
  return os.str();
}

struct Parsed {
  std::string text;  // the NFC text the spans point into
  std::vector<Quantity> quantities;
};

// Compiling a pack is slow (the real packs take seconds): once per table.
Parsed Parse(const LanguagePack& pack, const Recognizer& recognizer, const std::string& raw) {
  auto normalized = Normalize(raw);
  EXPECT_TRUE(normalized) << raw;
  if (!normalized) return {};
  auto scratch = recognizer.MakeScratch();
  EXPECT_TRUE(scratch);
  const std::vector<Mention> mentions = recognizer.Find(*normalized, *scratch);
  Parsed parsed{normalized->text, ParseQuantities(*normalized, mentions, pack)};
  // Invariants every result must keep.
  uint32_t previous_end = 0;
  for (const Quantity& q : parsed.quantities) {
    EXPECT_LE(previous_end, q.span.begin) << raw;
    EXPECT_TRUE(q.span.Contains(q.number_span)) << raw;
    EXPECT_LE(q.span.end, parsed.text.size()) << raw;
    previous_end = q.span.end;
  }
  return parsed;
}

std::vector<std::string> DescribeAll(const Parsed& parsed) {
  std::vector<std::string> out;
  for (const Quantity& q : parsed.quantities) out.push_back(Describe(parsed.text, q));
  return out;
}

struct Row {
  const char* text;
  std::vector<std::string> expected;
};

void RunTable(const LanguagePack& pack, const std::vector<Row>& rows) {
  auto recognizer = Recognizer::Create(pack);
  ASSERT_TRUE(recognizer) << recognizer.error().message;
  for (const Row& row : rows) {
    const Parsed parsed = Parse(pack, *recognizer, row.text);
    EXPECT_EQ(DescribeAll(parsed), row.expected) << "row: " << row.text;
  }
}

TEST(ParseQuantities, FrenchVagueCountBecomesRange) {
  const LanguagePack pack = FrenchPack();
  auto recognizer = Recognizer::Create(pack);
  ASSERT_TRUE(recognizer) << recognizer.error().message;
  const Parsed parsed = Parse(pack, *recognizer, "Une trentaine de civils ont été tués.");
  ASSERT_EQ(parsed.quantities.size(), 1u);
  const Quantity& q = parsed.quantities[0];
  EXPECT_EQ(Slice(parsed.text, q.span), "Une trentaine");
  EXPECT_EQ(q.number_span, q.span);
  EXPECT_EQ(q.count.low, 25);
  EXPECT_EQ(q.count.best, 30);  // a narrow vague count names its round figure
  EXPECT_EQ(q.count.high, 35);
  EXPECT_TRUE(q.approximate);
}

TEST(ParseQuantities, FrenchTable) {
  RunTable(FrenchPack(), {
      {"Au moins 20 personnes ont été tuées.", {"[Au moins 20]{20} 20/20/-"}},
      {"plus de 100 morts", {"[plus de 100]{100} 101/-/-"}},
      {"plus d'une trentaine de morts", {"[plus d'une trentaine]{une trentaine} 31/-/- approx written"}},
      {"plus d’une trentaine de morts", {"[plus d’une trentaine]{une trentaine} 31/-/- approx written"}},
      {"jusqu’à 50 blessés", {"[jusqu’à 50]{50} -/-/50"}},
      {"environ 40 soldats", {"[environ 40]{40} 40/40/40 approx"}},
      {"des dizaines de blessés", {"[des dizaines] 12/-/99 approx written"}},
      {"dont 10 enfants", {"[dont 10]{10} 10/10/10 sub"}},
      {"deux autres civils", {"[deux autres]{deux} 2/2/2 another written"}},
      {"deux ou trois civils", {"[deux ou trois] 2/-/3 written"}},
      {"dont au moins 10 enfants", {"[dont au moins 10]{10} 10/10/- sub"}},
      {"entre 12 et 17 morts", {"[entre 12 et 17]{12 et 17} 12/-/17"}},
      {"de 12 à 17 morts", {"[12 à 17] 12/-/17"}},
      {"entre 17 et 12", {"[17] 17/17/17", "[12] 12/12/12"}},
      {"quatre-vingt-dix soldats", {"[quatre-vingt-dix] 90/90/90 written"}},
      {"quatre-vingt-dix-sept soldats", {"[quatre-vingt-dix-sept] 97/97/97 written"}},
      {"deux cent trente maisons", {"[deux cent trente] 230/230/230 written"}},
      {"vingt et un blessés", {"[vingt et un] 21/21/21 written"}},
      {"soixante-dix-sept", {"[soixante-dix-sept] 77/77/77 written"}},
      {"trois mille deux cents", {"[trois mille deux cents] 3200/3200/3200 written"}},
      {"1 200 habitants", {"[1 200] 1200/1200/1200"}},
      {"1\u00a0200 habitants", {"[1\u00a0200] 1200/1200/1200"}},
      {"1\u202f200\u202f000 habitants", {"[1\u202f200\u202f000] 1200000/1200000/1200000"}},
      {"1.200 habitants", {"[1.200] 1200/1200/1200"}},
      {"2,5 millions de personnes", {"[2,5 millions] 2500000/2500000/2500000"}},
      {"une route de 2,5 km", {}},
      {"20, 30", {"[20] 20/20/20", "[30] 30/30/30"}},
      {"le 1er septembre à 16:30", {}},
      {"le 25/09/2022 et le 2022-09-25", {}},
      {"Le 25 septembre 2022, 20 personnes", {"[20] 20/20/20"}},
      {"En 2022, 7 voitures", {"[2022] 2022/2022/2022 year", "[7] 7/7/7"}},
  });
}

TEST(ParseQuantities, EnglishTable) {
  RunTable(EnglishPack(), {
      {"Dozens of people were hurt.", {"[Dozens] 12/-/99 approx written"}},
      {"twenty-three soldiers", {"[twenty-three] 23/23/23 written"}},
      {"1,200 people", {"[1,200] 1200/1200/1200"}},
      {"1,200,000 people", {"[1,200,000] 1200000/1200000/1200000"}},
      {"1.5 million people", {"[1.5 million] 1500000/1500000/1500000"}},
      {"between 12 and 17 people", {"[between 12 and 17]{12 and 17} 12/-/17"}},
      {"twenty to thirty people", {"[twenty to thirty] 20/-/30 written"}},
      {"10-15 people", {"[10-15] 10/-/15"}},
      {"10 – 15 people", {"[10 – 15] 10/-/15"}},
      {"15-10", {"[15] 15/15/15", "[10] 10/10/10"}},
      {"1939-1945", {"[1939] 1939/1939/1939 year", "[1945] 1945/1945/1945 year"}},
      {"including 10 children", {"[including 10]{10} 10/10/10 sub"}},
      {"another two", {"[another two]{two} 2/2/2 another written"}},
      {"at least 20", {"[at least 20]{20} 20/20/-"}},
      {"more than 20", {"[more than 20]{20} 21/-/-"}},
      {"more than a dozen", {"[more than a dozen]{a dozen} 13/-/- approx written"}},
      {"up to 50", {"[up to 50]{50} -/-/50"}},
      {"about 40", {"[about 40]{40} 40/40/40 approx"}},
      {"a dozen", {"[a dozen] 10/12/14 approx written"}},
      {"two dozen", {"[two dozen] 24/24/24 written"}},
      {"one hundred and five", {"[one hundred and five] 105/105/105 written"}},
      {"three thousand five hundred", {"[three thousand five hundred] 3500/3500/3500 written"}},
      {"two hundred thousand", {"[two hundred thousand] 200000/200000/200000 written"}},
      {"one two three", {"[one] 1/1/1 written", "[two] 2/2/2 written", "[three] 3/3/3 written"}},
      {"twenty thirty", {"[twenty] 20/20/20 written", "[thirty] 30/30/30 written"}},
      {"3 million", {"[3 million] 3000000/3000000/3000000"}},
      {"On Sept. 25, 20 people", {"[20] 20/20/20"}},
      {"On September 25, 2022", {"[2022] 2022/2022/2022 year"}},
      {"In 2022, 20 people", {"[2022] 2022/2022/2022 year", "[20] 20/20/20"}},
      {"at least 2022", {"[at least 2022]{2022} 2022/2022/-"}},
      {"20, 30", {"[20] 20/20/20", "[30] 30/30/30"}},
      {"1,5 or 1,2345", {}},
      {"a 20-year-old man", {}},
      {"the T-72 and MH17", {}},
      {"20% of 25th", {}},
      {"99999999999999999999 and 9999999999 million", {}},
      {"", {}},
  });
}

TEST(ParseQuantities, OutOfRangeMentionsAreIgnored) {
  const LanguagePack pack = EnglishPack();
  auto normalized = Normalize("at least 20");
  ASSERT_TRUE(normalized);
  const std::vector<Mention> mentions = {
      {MentionKind::kQuantifier, 999, Span{0, 8}},  // no such entry
      {MentionKind::kNumber, 0, Span{5, 400}},      // outside the text
  };
  const auto found = ParseQuantities(*normalized, mentions, pack);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(Slice(normalized->text, found[0].span), "20");
  EXPECT_EQ(found[0].count, (CountRange{20, 20, 20}));
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
  small.numbers = pack->numbers;
  small.quantifiers = pack->quantifiers;
  small.date_words = pack->date_words;
  return small;
}

// The real packs, when they are there.
TEST(ParseQuantities, RealFrenchPack) {
  const std::string dir = SITREP_DATA_DIR "/lang/fr";
  if (!std::filesystem::exists(dir + "/manifest.tsv")) GTEST_SKIP() << "no pack at " << dir;
  const auto pack = LoadRealPack(dir);
  ASSERT_TRUE(pack);
  RunTable(*pack, {
      {"Une trentaine de civils ont été tués.", {"[Une trentaine] 25/30/35 approx written"}},
      {"Au moins 20 personnes ont été tuées, dont 10 enfants.",
       {"[Au moins 20]{20} 20/20/-", "[dont 10]{10} 10/10/10 sub"}},
      {"Plus de 100 soldats.", {"[Plus de 100]{100} 101/-/-"}},
      {"Quatre-vingt-dix soldats.", {"[Quatre-vingt-dix] 90/90/90 written"}},
      {"Il y a 1 200 habitants.", {"[1 200] 1200/1200/1200"}},
      {"Plus d'une centaine de blessés.", {"[Plus d'une centaine]{une centaine} 101/-/- approx written"}},
      {"Deux autres civils.", {"[Deux autres]{Deux} 2/2/2 another written"}},
      {"Le 25 septembre 2022, 20 civils.", {"[20] 20/20/20"}},
      {"Entre 12 et 17 morts.", {"[Entre 12 et 17]{12 et 17} 12/-/17"}},
  });
}

TEST(ParseQuantities, RealEnglishPack) {
  const std::string dir = SITREP_DATA_DIR "/lang/en";
  if (!std::filesystem::exists(dir + "/manifest.tsv")) GTEST_SKIP() << "no pack at " << dir;
  const auto pack = LoadRealPack(dir);
  ASSERT_TRUE(pack);
  RunTable(*pack, {
      {"Dozens of people were hurt.", {"[Dozens] 12/-/99 approx written"}},
      {"Twenty-three soldiers and 1,200 civilians.",
       {"[Twenty-three] 23/23/23 written", "[1,200] 1200/1200/1200"}},
      {"Between 12 and 17 people died.", {"[Between 12 and 17]{12 and 17} 12/-/17"}},
      {"Hundreds fled; at least 1.5 million left.",
       {"[Hundreds] 100/-/999 approx written", "[at least 1.5 million]{1.5 million} 1500000/1500000/-"}},
  });
}

}  // namespace
}  // namespace sitrep
