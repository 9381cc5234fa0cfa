#include "sitrep/normalize.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace sitrep {
namespace {

NormalizedText MustNormalize(std::string_view raw) {
  Result<NormalizedText> n = Normalize(raw);
  EXPECT_TRUE(n.has_value()) << (n ? "" : n.error().message);
  return n ? *n : NormalizedText{};
}

std::string CodePoint(char32_t cp) {
  std::string s;
  AppendUtf8(cp, s);
  return s;
}

TEST(Normalize, NfdInputBecomesNfcAndSpansPointIntoIt) {
  // "Tuées" with "é" written as "e" + U+0301 COMBINING ACUTE ACCENT.
  const NormalizedText n = MustNormalize(
      "Tue\xCC\x81"
      "es");
  EXPECT_EQ(n.text,
            "Tu\xC3\xA9"
            "es");  // precomposed U+00E9
  EXPECT_EQ(n.folded, "tuees");
  // T u é(2 bytes) e s, then the final entry.
  EXPECT_EQ(n.folded_to_text, (std::vector<uint32_t>{0, 1, 2, 4, 5, 6}));
}

TEST(Normalize, AlreadyNfcTextIsKeptByteForByte) {
  const std::string raw = "Les forces ont été repliées vers Koupiansk.\nДругий абзац.";
  const NormalizedText n = MustNormalize(raw);
  EXPECT_EQ(n.text, raw);
}

TEST(Normalize, EmptyTextHasOneAlignmentEntry) {
  const NormalizedText n = MustNormalize("");
  EXPECT_EQ(n.text, "");
  EXPECT_EQ(n.folded, "");
  EXPECT_EQ(n.folded_to_text, (std::vector<uint32_t>{0}));
  EXPECT_EQ(n.ToText(Span{0, 0}), (Span{0, 0}));
}

struct FoldCase {
  const char* input;
  const char* folded;
};

TEST(FoldForMatch, FoldsCaseAccentsAndTypography) {
  const FoldCase cases[] = {
      // French accents and capitals.
      {"Évacuées À L'Hôpital", "evacuees a l'hopital"},
      {"Çà Et Là, Noël", "ca et la, noel"},
      // Ukrainian: й -> и and ї -> і; ґ has no canonical decomposition and
      // stays.
      {"Їжак Йде Ґанком", "іжак иде ґанком"},
      // The apostrophe of "п'ять" in its usual spellings.
      {"П’ять", "п'ять"},
      {"Пʼять", "п'ять"},
      {"П'ять", "п'ять"},
      {"П‘ять", "п'ять"},
      {"П`ять", "п'ять"},
      // Russian ё.
      {"Ёлка и ещё", "елка и еще"},
      // Spanish ñ.
      {"AÑO Niño", "ano nino"},
      // Dashes, quotes and Unicode spaces.
      {"Kharkiv–Kupiansk — 1−2 ‐ ‑ ‒ ―", "kharkiv-kupiansk - 1-2 - - - -"},
      {"«Non» “yes” „так“", "\"non\" \"yes\" \"так\""},
      {"20\u00A0000 | 3\u202F000 | a\u2009b | x\ty | \u3000", "20 000 | 3 000 | a b | x y |  "},
      // Newlines stay; soft hyphen vanishes.
      {"Line\nTwo\r\nKhar\u00ADkiv", "line\ntwo\r\nkharkiv"},
      // Greek final sigma folds to sigma (simple case folding).
      {"ΟΔΟΣ", "οδοσ"},
  };
  for (const FoldCase& c : cases) {
    EXPECT_EQ(FoldForMatch(c.input), c.folded) << "input: " << c.input;
    const NormalizedText n = MustNormalize(c.input);
    EXPECT_EQ(n.folded, c.folded) << "input: " << c.input;
  }
}

TEST(FoldForMatch, NfdInputFoldsLikeNfc) {
  EXPECT_EQ(FoldForMatch("Tue\xCC\x81"
                         "es"),
            "tuees");
  // "й" as "и" + U+0306 COMBINING BREVE.
  EXPECT_EQ(FoldForMatch("\xD0\x98\xCC\x86"), "и");
}

TEST(FoldForMatch, InvalidBytesAreDropped) {
  EXPECT_EQ(FoldForMatch("ab\xFF"
                         "Cd\xC3"),
            "abcd");
  EXPECT_EQ(FoldForMatch("\xE2\x82"), "");
}

TEST(FoldForMatch, AgreesWithNormalizeOnEveryBmpCodePoint) {
  // Each code point alone, between letters so that combining marks have a
  // base, must fold the same way through both entry points.
  for (char32_t cp = 1; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string raw = "a" + CodePoint(cp) + "B";
    Result<NormalizedText> n = Normalize(raw);
    ASSERT_TRUE(n.has_value()) << std::hex << static_cast<uint32_t>(cp);
    ASSERT_EQ(FoldForMatch(raw), n->folded) << std::hex << static_cast<uint32_t>(cp);
  }
}

TEST(FoldForMatch, IsIdempotentOnEveryBmpCodePoint) {
  for (char32_t cp = 1; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string once = FoldForMatch(CodePoint(cp));
    ASSERT_EQ(FoldForMatch(once), once) << std::hex << static_cast<uint32_t>(cp);
  }
}

TEST(NormalizedText, ToTextMapsFoldedSpanBackToOriginalBytes) {
  const std::string raw = "Au moins 20 personnes ont été Tuées à Kupiansk.";
  const NormalizedText n = MustNormalize(raw);
  ASSERT_EQ(n.folded, "au moins 20 personnes ont ete tuees a kupiansk.");
  struct Row {
    const char* folded_word;
    const char* text_bytes;
  };
  const Row rows[] = {
      {"tuees", "Tuées"},         {"ete", "été"}, {"a", "à"}, {"moins 20", "moins 20"},
      {"kupiansk.", "Kupiansk."},
  };
  for (const Row& row : rows) {
    const size_t at = n.folded.find(std::string(" ") + row.folded_word) + 1;
    const Span folded_span{static_cast<uint32_t>(at),
                           static_cast<uint32_t>(at + std::strlen(row.folded_word))};
    const Span text_span = n.ToText(folded_span);
    EXPECT_EQ(Slice(n.text, text_span), row.text_bytes) << row.folded_word;
    EXPECT_EQ(n.ToFolded(text_span), folded_span) << row.folded_word;
  }
  // The exact span of "Tuées": 'T' at byte 32 in the text, 6 bytes long.
  EXPECT_EQ(n.ToText(Span{30, 35}), (Span{32, 38}));
  EXPECT_EQ(n.ToText(Span{0, static_cast<uint32_t>(n.folded.size())}),
            (Span{0, static_cast<uint32_t>(n.text.size())}));
}

TEST(NormalizedText, ToTextCoversWholeCodePointWhenSpanCutsItsFold) {
  // "Ї" (2 bytes) folds to "і" (2 bytes); a span holding only the first
  // folded byte still maps to the whole letter.
  const NormalizedText n = MustNormalize("Їжак");
  EXPECT_EQ(n.ToText(Span{0, 1}), (Span{0, 2}));
  EXPECT_EQ(n.ToText(Span{1, 1}), (Span{0, 0}));
}

TEST(NormalizedText, ToTextKeepsTrailingCombiningMarkWithItsLetter) {
  // "q" + U+0301 has no precomposed form: the mark stays in the text, is
  // dropped from the folded view, and a span ending at "q" takes it along.
  const NormalizedText n = MustNormalize("q\xCC\x81 x");
  EXPECT_EQ(n.folded, "q x");
  EXPECT_EQ(n.folded_to_text, (std::vector<uint32_t>{0, 3, 4, 5}));
  EXPECT_EQ(n.ToText(Span{0, 1}), (Span{0, 3}));
  EXPECT_EQ(n.ToFolded(Span{0, 3}), (Span{0, 1}));
}

TEST(NormalizedText, OutOfRangeSpansAreClamped) {
  const NormalizedText n = MustNormalize("abc");
  EXPECT_EQ(n.ToText(Span{2, 99}), (Span{2, 3}));
  EXPECT_EQ(n.ToText(Span{99, 120}), (Span{3, 3}));
  EXPECT_EQ(n.ToFolded(Span{1, 99}), (Span{1, 3}));
}

TEST(Normalize, InvalidUtf8IsRejectedWithItsByteOffset) {
  struct Row {
    std::string raw;
    const char* message;
  };
  const Row rows[] = {
      {"abc\xC3(", "invalid UTF-8 at byte 3"},
      {"ab\xE2\x82", "invalid UTF-8 at byte 2"},      // cut-off sequence
      {"\xC0\xAF", "invalid UTF-8 at byte 0"},        // overlong '/'
      {"xy\xED\xA0\x80", "invalid UTF-8 at byte 2"},  // UTF-16 surrogate
      {"été\xFF", "invalid UTF-8 at byte 5"},
      {std::string("ab\0cd", 5), "NUL byte at byte 2"},
  };
  for (const Row& row : rows) {
    Result<NormalizedText> n = Normalize(row.raw);
    ASSERT_FALSE(n.has_value()) << row.message;
    EXPECT_EQ(n.error().code, ErrorCode::kInvalidInput) << row.message;
    EXPECT_EQ(n.error().message, row.message);
  }
}

TEST(Normalize, OutputIsIdempotent) {
  const std::string raw = "Cafe\xCC\x81 \xE2\x84\xAB ÀB";  // NFD é, U+212B ANGSTROM SIGN
  const NormalizedText once = MustNormalize(raw);
  EXPECT_EQ(once.text, "Café Å ÀB");
  const NormalizedText twice = MustNormalize(once.text);
  EXPECT_EQ(twice.text, once.text);
  EXPECT_EQ(twice.folded, once.folded);
  EXPECT_EQ(twice.folded_to_text, once.folded_to_text);
  EXPECT_EQ(once.folded, "cafe a ab");
}

}  // namespace
}  // namespace sitrep
