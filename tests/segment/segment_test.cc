#include "sitrep/segment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep {
namespace {

Segmenter MustCreate(std::string_view lang) {
  Result<Segmenter> s = Segmenter::Create(lang);
  EXPECT_TRUE(s.has_value()) << (s ? "" : s.error().message);
  return std::move(*s);
}

std::vector<std::string> SentenceTexts(const std::string& text, Segmenter& seg) {
  std::vector<std::string> out;
  for (const Sentence& s : seg.Sentences(text)) out.emplace_back(Slice(text, s.span));
  return out;
}

TEST(SplitParagraphs, LineBreaksAndBlankLinesSeparateTrimmedParagraphs) {
  const std::string text = "  First line.\nSecond line.\n\n \t\nThird.  \r\nFourth\u2028Fifth\n";
  const std::vector<Span> paragraphs = SplitParagraphs(text);
  ASSERT_EQ(paragraphs.size(), 5u);
  EXPECT_EQ(paragraphs[0], (Span{2, 13}));
  EXPECT_EQ(Slice(text, paragraphs[0]), "First line.");
  EXPECT_EQ(Slice(text, paragraphs[1]), "Second line.");
  EXPECT_EQ(Slice(text, paragraphs[2]), "Third.");
  EXPECT_EQ(Slice(text, paragraphs[3]), "Fourth");
  EXPECT_EQ(Slice(text, paragraphs[4]), "Fifth");
}

TEST(SplitParagraphs, TrimsUnicodeSpacesAndDropsEmptyLines) {
  // U+00A0 NO-BREAK SPACE and U+3000 IDEOGRAPHIC SPACE around the words.
  const std::string text = "\u00A0Київ\u3000\n\u00A0\n";
  const std::vector<Span> paragraphs = SplitParagraphs(text);
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_EQ(paragraphs[0], (Span{2, 10}));
  EXPECT_EQ(Slice(text, paragraphs[0]), "Київ");
  EXPECT_TRUE(SplitParagraphs("").empty());
  EXPECT_TRUE(SplitParagraphs(" \n\r\n\t").empty());
}

TEST(Segmenter, EnglishAbbreviationsStayInsideSentence) {
  Segmenter seg = MustCreate("en");
  const std::string text =
      "The strike came on Sept. 25 near the bridge. Mr. Jones said that ten people died. "
      "Nobody else was hurt.";
  const std::vector<Sentence> sentences = seg.Sentences(text);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0].span, (Span{0, 44}));
  EXPECT_EQ(Slice(text, sentences[0].span), "The strike came on Sept. 25 near the bridge.");
  EXPECT_EQ(Slice(text, sentences[1].span), "Mr. Jones said that ten people died.");
  EXPECT_EQ(Slice(text, sentences[2].span), "Nobody else was hurt.");
  for (const Sentence& s : sentences) EXPECT_EQ(s.paragraph, 0u);
}

TEST(Segmenter, FrenchTitleAbbreviationStaysInsideSentence) {
  Segmenter seg = MustCreate("fr");
  const std::string text =
      "M. Dupont a confirmé l'attaque du convoi. Selon M. Durand, vingt personnes sont mortes.";
  EXPECT_EQ(SentenceTexts(text, seg),
            (std::vector<std::string>{"M. Dupont a confirmé l'attaque du convoi.",
                                      "Selon M. Durand, vingt personnes sont mortes."}));
}

TEST(Segmenter, SentenceNeverCrossesLineBreak) {
  Segmenter seg = MustCreate("en");
  const std::string text = "The convoy was hit\nnear the bridge. Nobody survived.\n\nA new day.";
  const std::vector<Sentence> sentences = seg.Sentences(text);
  ASSERT_EQ(sentences.size(), 4u);
  const std::vector<std::pair<std::string, uint32_t>> expected = {{"The convoy was hit", 0},
                                                                  {"near the bridge.", 1},
                                                                  {"Nobody survived.", 1},
                                                                  {"A new day.", 2}};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(Slice(text, sentences[i].span), expected[i].first) << i;
    EXPECT_EQ(sentences[i].paragraph, expected[i].second) << i;
  }
  EXPECT_EQ(sentences[1].span, (Span{19, 35}));
}

TEST(Segmenter, UnknownAndEmptyLanguageFallBackToRootRules) {
  for (const char* lang : {"", "xx", "uk"}) {
    Segmenter seg = MustCreate(lang);
    const std::string text = "Перше речення. Друге речення!";
    EXPECT_EQ(SentenceTexts(text, seg),
              (std::vector<std::string>{"Перше речення.", "Друге речення!"}))
        << "lang: " << lang;
  }
}

TEST(Segmenter, IsReusableAcrossTextsAndAfterMove) {
  Segmenter first = MustCreate("en");
  const std::string a = "One. Two.";
  const std::string b = "Three four. Five.";
  EXPECT_EQ(SentenceTexts(a, first), (std::vector<std::string>{"One.", "Two."}));
  EXPECT_EQ(SentenceTexts(b, first), (std::vector<std::string>{"Three four.", "Five."}));
  Segmenter moved = std::move(first);
  EXPECT_EQ(SentenceTexts(a, moved), (std::vector<std::string>{"One.", "Two."}));
  EXPECT_TRUE(moved.Sentences("").empty());
}

struct ExpectedToken {
  const char* text;
  bool is_word;
  bool is_number;
  bool capitalized;
  bool sentence_initial;
};

void ExpectTokens(const std::string& text, const std::vector<Token>& tokens,
                  const std::vector<ExpectedToken>& expected) {
  ASSERT_EQ(tokens.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const ExpectedToken& e = expected[i];
    EXPECT_EQ(Slice(text, tokens[i].span), e.text) << i;
    EXPECT_EQ(tokens[i].is_word, e.is_word) << e.text;
    EXPECT_EQ(tokens[i].is_number, e.is_number) << e.text;
    EXPECT_EQ(tokens[i].capitalized, e.capitalized) << e.text;
    EXPECT_EQ(tokens[i].sentence_initial, e.sentence_initial) << e.text;
  }
}

TEST(Segmenter, WordsKeepsWordAndNumberTokensWithFlags) {
  Segmenter seg = MustCreate("en");
  const std::string text = "Troops left Lyman, didn't they? 5000 soldiers were encircled.";
  const std::vector<Token> tokens = seg.Words(text, Span{0, static_cast<uint32_t>(text.size())});
  ExpectTokens(text, tokens,
               {{"Troops", true, false, true, true},
                {"left", true, false, false, false},
                {"Lyman", true, false, true, false},
                {"didn't", true, false, false, false},
                {"they", true, false, false, false},
                {"5000", false, true, false, true},
                {"soldiers", true, false, false, false},
                {"were", true, false, false, false},
                {"encircled", true, false, false, false}});
  EXPECT_EQ(tokens[2].span, (Span{12, 17}));
}

TEST(Segmenter, WordsInsideSpanGiveOffsetsIntoWholeText) {
  Segmenter seg = MustCreate("uk");
  const std::string text = "Вступ. Обстріл Харкова забрав 1 200 життів.";
  const Span second{12, static_cast<uint32_t>(text.size())};
  ASSERT_EQ(Slice(text, second), "Обстріл Харкова забрав 1 200 життів.");
  const std::vector<Token> tokens = seg.Words(text, second);
  // ICU splits "1 200" at the space: two number tokens.
  ExpectTokens(text, tokens,
               {{"Обстріл", true, false, true, true},
                {"Харкова", true, false, true, false},
                {"забрав", true, false, false, false},
                {"1", false, true, false, false},
                {"200", false, true, false, false},
                {"життів", true, false, false, false}});
  EXPECT_EQ(tokens[0].span, (Span{12, 26}));
}

TEST(Segmenter, WordsOfEmptyOrOutOfRangeSpanAreEmpty) {
  Segmenter seg = MustCreate("en");
  const std::string text = "Some words.";
  EXPECT_TRUE(seg.Words(text, Span{3, 3}).empty());
  EXPECT_TRUE(seg.Words(text, Span{0, 99}).empty());
  EXPECT_TRUE(seg.Words(text, Span{4, 5}).empty());  // the space only
}

}  // namespace
}  // namespace sitrep
