#include <gtest/gtest.h>

#include <sstream>

#include "sitrep/recognize.h"

namespace sitrep {
namespace {

const LanguagePack& TestPack() {
  static const LanguagePack pack = [] {
    CollectingSink sink;
    auto loaded = LoadLanguagePack(SITREP_TESTDATA_DIR "/packs/xx", sink);
    return loaded ? std::move(*loaded) : LanguagePack{};
  }();
  return pack;
}

const Recognizer& TestRecognizer() {
  static const Recognizer recognizer = [] {
    auto r = Recognizer::Create(TestPack());
    if (!r) {
      ADD_FAILURE() << r.error().message;
      return *Recognizer::Create(LanguagePack{});
    }
    return std::move(*r);
  }();
  return recognizer;
}

// What a mention looks like in a failure message: kind:entry 'text'@begin.
struct Found {
  MentionKind kind;
  uint32_t entry;
  std::string text;
  uint32_t begin;
  friend bool operator==(const Found&, const Found&) = default;
};
std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << MentionKindName(f.kind) << ":" << f.entry << " '" << f.text << "'@" << f.begin;
}

std::vector<Found> FindAll(const std::string& raw, std::optional<Span> within = std::nullopt) {
  auto normalized = Normalize(raw);
  EXPECT_TRUE(normalized) << raw;
  if (!normalized) return {};
  auto scratch = TestRecognizer().MakeScratch();
  EXPECT_TRUE(scratch);
  const auto mentions = within ? TestRecognizer().Find(*normalized, *within, *scratch)
                               : TestRecognizer().Find(*normalized, *scratch);
  std::vector<Found> found;
  for (const Mention& m : mentions) {
    EXPECT_TRUE(IsUtf8Boundary(normalized->text, m.span.begin));
    EXPECT_TRUE(IsUtf8Boundary(normalized->text, m.span.end));
    found.push_back(
        Found{m.kind, m.entry, std::string(Slice(normalized->text, m.span)), m.span.begin});
  }
  return found;
}

using K = MentionKind;

TEST(Recognizer, TestPackCompiles) {
  ASSERT_EQ(TestPack().code, "xx");
  ASSERT_TRUE(Recognizer::Create(TestPack()));
}

TEST(Recognizer, AccentsAndCaseDoNotMatterAndSpanCoversTheTextAsWritten) {
  // Phrase "tuees" (no accent) against "Tuées"; phrase "blessés" against "BLESSES".
  EXPECT_EQ(FindAll("Vingt personnes Tuées."),
            (std::vector<Found>{{K::kNumber, 0, "Vingt", 0}, {K::kCasualty, 0, "Tuées", 16}}));
  EXPECT_EQ(FindAll("Deux BLESSES et un blessé."),
            (std::vector<Found>{{K::kCasualty, 1, "BLESSES", 5}}));
}

TEST(Recognizer, MatchesOnlyWholeWords) {
  const struct {
    const char* text;
    std::vector<Found> expected;
  } cases[] = {
      {"A party at the artillery park.", {}},
      {"Smart art.", {{K::kTrigger, 2, "art", 6}}},
      {"(art)", {{K::kTrigger, 2, "art", 1}}},
      {"art", {{K::kTrigger, 2, "art", 0}}},
      {"art2 2art art_x", {{K::kTrigger, 2, "art", 10}}},  // '_' is not a letter or digit
      {"Les civilsX et civils.", {{K::kVictim, 0, "civils", 15}}},
  };
  for (const auto& c : cases) EXPECT_EQ(FindAll(c.text), c.expected) << c.text;
}

TEST(Recognizer, StemMatchesTheWholeWord) {
  const struct {
    const char* text;
    std::vector<Found> expected;
  } cases[] = {
      {"They bombarded it.", {{K::kTrigger, 0, "bombarded", 5}}},
      {"Le bombardement.", {{K::kTrigger, 0, "bombardement", 3}}},
      {"Ils ont Bombardé.", {{K::kTrigger, 0, "Bombardé", 8}}},
      {"bombard", {{K::kTrigger, 0, "bombard", 0}}},
      {"rebombarded bombar", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(FindAll(c.text), c.expected) << c.text;
}

TEST(Recognizer, SpacesAndHyphensInPhrasesMatchAnyRunOfThem) {
  const struct {
    const char* text;
    std::vector<Found> expected;
  } cases[] = {
      {"An air strike.", {{K::kTrigger, 1, "air strike", 3}}},
      {"An air-strike.", {{K::kTrigger, 1, "air-strike", 3}}},
      {"An air  strike.", {{K::kTrigger, 1, "air  strike", 3}}},
      {"An air \xE2\x80\x93 strike.", {{K::kTrigger, 1, "air \xE2\x80\x93 strike", 3}}},
      {"An airstrike.", {}},
      {"An air\nstrike.", {}},  // never across a line break
      {"Quatre vingt dix.", {{K::kNumber, 1, "Quatre vingt dix", 0}}},
  };
  for (const auto& c : cases) EXPECT_EQ(FindAll(c.text), c.expected) << c.text;
}

TEST(Recognizer, ApostropheIsAWordBoundary) {
  EXPECT_EQ(FindAll("l'armée"), (std::vector<Found>{{K::kActor, 0, "armée", 2}}));
  // A typographic apostrophe folds to ' and is three bytes in the text.
  EXPECT_EQ(FindAll("L\xE2\x80\x99"
                    "armée"),
            (std::vector<Found>{{K::kActor, 0, "armée", 4}}));
  // A phrase with an apostrophe matches the typographic one.
  EXPECT_EQ(FindAll("jusqu\xE2\x80\x99"
                    "à vingt"),
            (std::vector<Found>{{K::kQuantifier, 2,
                                 "jusqu\xE2\x80\x99"
                                 "à",
                                 0},
                                {K::kNumber, 0, "vingt", 11}}));
}

TEST(Recognizer, PunctuationAtAPhraseEndNeedsNoBoundary) {
  EXPECT_EQ(FindAll("le 5 sept.2022"), (std::vector<Found>{{K::kDateWord, 0, "sept.", 5}}));
  EXPECT_EQ(FindAll("septembre"), (std::vector<Found>{}));
}

TEST(Recognizer, LongerMentionOfTheSameKindWins) {
  // "quatre-vingt-dix" hides "vingt"; "au moins" hides "moins"; "forces
  // spéciales" hides "forces".
  EXPECT_EQ(FindAll("quatre-vingt-dix"),
            (std::vector<Found>{{K::kNumber, 1, "quatre-vingt-dix", 0}}));
  EXPECT_EQ(FindAll("Au moins vingt."),
            (std::vector<Found>{{K::kQuantifier, 0, "Au moins", 0}, {K::kNumber, 0, "vingt", 9}}));
  EXPECT_EQ(
      FindAll("Les forces spéciales et les forces."),
      (std::vector<Found>{{K::kActor, 2, "forces spéciales", 4}, {K::kActor, 1, "forces", 29}}));
}

TEST(Recognizer, MentionsOfDifferentKindsMayNest) {
  // weapon "missile" inside hedge "missile strike": both kept, longer first.
  EXPECT_EQ(FindAll("A missile strike."), (std::vector<Found>{{K::kHedge, 0, "missile strike", 2},
                                                              {K::kWeapon, 0, "missile", 2}}));
}

TEST(Recognizer, DuplicatePhraseReportsEveryEntry) {
  EXPECT_EQ(FindAll("Trois disparus."), (std::vector<Found>{{K::kCasualty, 2, "disparus", 6},
                                                            {K::kCasualty, 3, "disparus", 6}}));
}

TEST(Recognizer, MatchesCyrillicPhrases) {
  // "Обстріляли" is 20 bytes; "мирних жителів" starts at byte 21.
  EXPECT_EQ(FindAll("Обстріляли мирних жителів."),
            (std::vector<Found>{{K::kTrigger, 5, "Обстріляли", 0},
                                {K::kVictim, 1, "мирних жителів", 21}}));
  EXPECT_EQ(FindAll("ОБСТРІЛ"), (std::vector<Found>{{K::kTrigger, 5, "ОБСТРІЛ", 0}}));
}

TEST(Recognizer, FindWithinReturnsOnlyMentionsInsideTheSpan) {
  const std::string text = "Vingt civils. Vingt blessés. Hier.";
  //                        0     6      13    19     26   31
  EXPECT_EQ(FindAll(text, Span{14, 28}),
            (std::vector<Found>{{K::kNumber, 0, "Vingt", 14}, {K::kCasualty, 1, "blessés", 20}}));
  // A span that cuts a word: "ingt" is not "vingt", and "bless" is not "blessés".
  EXPECT_EQ(FindAll(text, Span{15, 25}), (std::vector<Found>{}));
  // Past the end of the text is clamped.
  EXPECT_EQ(FindAll(text, Span{29, 999}), (std::vector<Found>{{K::kDateWord, 1, "Hier", 30}}));
  EXPECT_EQ(FindAll(text, Span{5, 5}), (std::vector<Found>{}));
}

TEST(Recognizer, EmptyPackFindsNothing) {
  LanguagePack empty;
  empty.code = "zz";
  auto recognizer = Recognizer::Create(empty);
  ASSERT_TRUE(recognizer);
  auto scratch = recognizer->MakeScratch();
  ASSERT_TRUE(scratch);
  auto text = Normalize("vingt civils");
  ASSERT_TRUE(text);
  EXPECT_TRUE(recognizer->Find(*text, *scratch).empty());
}

TEST(Recognizer, DefaultScratchIsGrownOnFirstUse) {
  auto text = Normalize("vingt civils");
  ASSERT_TRUE(text);
  RecognizerScratch scratch;
  EXPECT_EQ(TestRecognizer().Find(*text, scratch).size(), 2u);
}

TEST(Recognizer, PhraseThatCannotMatchIsAnErrorNamingIt) {
  // The loader refuses such rows; a pack built in code can still hold them.
  LanguagePack pack;
  pack.code = "zz";
  pack.triggers.push_back(TriggerEntry{"frappe", "Battles", "Armed clash", false});
  pack.triggers.push_back(TriggerEntry{" - ", "Battles", "Armed clash", false});
  auto recognizer = Recognizer::Create(pack);
  ASSERT_FALSE(recognizer);
  EXPECT_EQ(recognizer.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(recognizer.error().message,
            "pack zz, table trigger: phrase ' - ' has nothing to match");

  pack.triggers[1].phrase = "*";
  recognizer = Recognizer::Create(pack);
  ASSERT_FALSE(recognizer);
  EXPECT_EQ(recognizer.error().message, "pack zz, table trigger: phrase '*' has nothing to match");
}

TEST(Recognizer, StemInsideAPhraseMatchesAnyEnding) {
  LanguagePack pack;
  pack.code = "zz";
  pack.triggers.push_back(TriggerEntry{"bombard* village*", "Explosions/Remote violence",
                                       "Shelling/artillery/missile attack", false});
  auto recognizer = Recognizer::Create(pack);
  ASSERT_TRUE(recognizer) << recognizer.error().message;
  auto scratch = recognizer->MakeScratch();
  ASSERT_TRUE(scratch);
  const struct {
    const char* text;
    std::vector<Span> expected;
  } cases[] = {
      {"Ils ont bombardé villageois.", {{8, 28}}},
      {"bombard village", {{0, 15}}},
      {"bombardé-village x", {{0, 17}}},
      {"rebombardé village", {}},
      {"bombardé villa", {}},
  };
  for (const auto& c : cases) {
    auto text = Normalize(c.text);
    ASSERT_TRUE(text);
    std::vector<Span> spans;
    for (const Mention& m : recognizer->Find(*text, *scratch)) spans.push_back(m.span);
    EXPECT_EQ(spans, c.expected) << c.text;
  }
}

}  // namespace
}  // namespace sitrep
