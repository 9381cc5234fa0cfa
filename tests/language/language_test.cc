#include "sitrep/language.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "sitrep/segment.h"

namespace sitrep {
namespace {

struct LanguageRow {
  const char* expected;
  const char* text;
};

// Sentences written for these tests, one short report per language.
const LanguageRow kReports[] = {
    {"en",
     "Officials said at least twenty people were killed when gunmen opened fire on a convoy "
     "of cars leaving the city. The regional governor called the attack a war crime. An "
     "investigation has been opened."},
    {"fr",
     "Au moins vingt personnes ont été tuées lorsque des hommes armés ont ouvert le feu sur un "
     "convoi de voitures qui quittait la ville. Le gouverneur de la région a dénoncé un crime "
     "de guerre. Une enquête a été ouverte."},
    {"uk",
     "Щонайменше двадцять людей загинули, коли озброєні люди відкрили вогонь по колоні "
     "автомобілів, що виїжджала з міста. Голова обласної адміністрації назвав напад воєнним "
     "злочином. Розпочато розслідування."},
    {"ru",
     "По меньшей мере двадцать человек погибли, когда вооружённые люди открыли огонь по колонне "
     "автомобилей, выезжавшей из города. Губернатор области назвал нападение военным "
     "преступлением. Начато расследование."},
    {"es",
     "Al menos veinte personas murieron cuando hombres armados abrieron fuego contra un convoy "
     "de coches que salía de la ciudad. El gobernador de la región calificó el ataque de "
     "crimen de guerra. Se ha abierto una investigación."},
};

TEST(DetectLanguage, IdentifiesReportsInEachLanguage) {
  for (const LanguageRow& row : kReports) {
    const LanguageGuess guess = DetectLanguage(row.text);
    EXPECT_EQ(guess.code, row.expected) << row.text;
    EXPECT_TRUE(guess.reliable) << row.expected;
    EXPECT_GE(guess.percent, 90) << row.expected;
  }
}

TEST(DetectLanguage, HintDoesNotOverrideClearText) {
  // Declared Ukrainian, written in Russian: the text wins.
  const LanguageGuess guess = DetectLanguage(kReports[3].text, "uk");
  EXPECT_EQ(guess.code, "ru");
  EXPECT_TRUE(guess.reliable);
}

TEST(DetectLanguage, TextWithoutLettersIsUnknown) {
  for (const char* text : {"", "12 345 67 !!", "   \n"}) {
    const LanguageGuess guess = DetectLanguage(text);
    EXPECT_EQ(guess.code, "und") << '"' << text << '"';
    EXPECT_FALSE(guess.reliable) << '"' << text << '"';
    EXPECT_EQ(guess.percent, 0) << '"' << text << '"';
  }
}

TEST(DetectLanguage, InvalidUtf8DoesNotCrashAndIsUnknown) {
  const LanguageGuess guess = DetectLanguage("\xFF\xFE abc \xC3");
  EXPECT_EQ(guess.code, "und");
}

TEST(DetectLanguage, GivesSameAnswerFromManyThreads) {
  std::vector<std::vector<std::string>> seen(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&seen, t] {
      for (int round = 0; round < 20; ++round) {
        for (const LanguageRow& row : kReports) seen[t].push_back(DetectLanguage(row.text).code);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& codes : seen) {
    ASSERT_EQ(codes.size(), 100u);
    for (size_t i = 0; i < codes.size(); ++i) EXPECT_EQ(codes[i], kReports[i % 5].expected);
  }
}

TEST(DetectParagraphLanguages, RussianParagraphInsideUkrainianTextIsTaggedRu) {
  const std::string text = std::string(kReports[2].text) + "\n" + kReports[3].text +
                           "\nВін додав: «Ми знаємо, хто це зробив».\n" +
                           "Про це повідомили в поліції області сьогодні вранці.";
  const std::vector<Span> paragraphs = SplitParagraphs(text);
  ASSERT_EQ(paragraphs.size(), 4u);
  const std::vector<SpanLanguage> tagged =
      DetectParagraphLanguages(text, paragraphs, "uk", {"en", "fr", "uk", "ru"});
  ASSERT_EQ(tagged.size(), 4u);
  const char* expected[] = {"uk", "ru", "uk", "uk"};
  for (size_t i = 0; i < tagged.size(); ++i) {
    EXPECT_EQ(tagged[i].span, paragraphs[i]) << i;
    EXPECT_EQ(tagged[i].code, expected[i]) << i;
  }
}

TEST(DetectParagraphLanguages, ShortParagraphKeepsArticleLanguage) {
  // Under 40 letters: too short to tell Russian from Ukrainian.
  const std::string text = std::string(kReports[2].text) + "\nОн сказал: «Всё будет хорошо».";
  const std::vector<SpanLanguage> tagged =
      DetectParagraphLanguages(text, SplitParagraphs(text), "uk", {"uk", "ru"});
  ASSERT_EQ(tagged.size(), 2u);
  EXPECT_EQ(tagged[1].code, "uk");
}

TEST(DetectParagraphLanguages, LanguageWithoutPackKeepsArticleLanguage) {
  const std::string text = std::string(kReports[0].text) + "\n" + kReports[4].text;
  const std::vector<Span> paragraphs = SplitParagraphs(text);
  EXPECT_EQ(DetectParagraphLanguages(text, paragraphs, "en", {"en", "fr"})[1].code, "en");
  EXPECT_EQ(DetectParagraphLanguages(text, paragraphs, "en", {"en", "es"})[1].code, "es");
}

}  // namespace
}  // namespace sitrep
