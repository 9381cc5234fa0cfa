#include "sitrep/text.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(IsValidUtf8, ReportsOffsetOfFirstBadSequence) {
  struct Case {
    std::string input;
    bool valid;
    size_t offset;
  } cases[] = {
      {"plain", true, 0},
      {"caf\xc3\xa9", true, 0},
      {"ab\xff", false, 2},
      {"ab\xc3", false, 2},             // cut-off sequence
      {"a\xc0\xaf", false, 1},          // overlong '/'
      {"x\xed\xa0\x80", false, 1},      // a UTF-16 surrogate
      {"\xf4\x90\x80\x80", false, 0},   // past U+10FFFF
  };
  for (const auto& c : cases) {
    size_t offset = 99;
    EXPECT_EQ(IsValidUtf8(c.input, &offset), c.valid) << c.input;
    if (!c.valid) EXPECT_EQ(offset, c.offset) << c.input;
  }
}

TEST(Utf8, DecodeAndAppendRoundTrip) {
  for (char32_t cp : {U'a', U'é', U'ї', U'€', U'😀'}) {
    std::string s;
    AppendUtf8(cp, s);
    size_t len = 0;
    EXPECT_EQ(DecodeUtf8(s, 0, &len), cp);
    EXPECT_EQ(len, s.size());
  }
}

TEST(Slice, OutOfRangeSpanIsEmpty) {
  EXPECT_EQ(Slice("hello", Span{1, 3}), "el");
  EXPECT_EQ(Slice("hello", Span{3, 9}), "");
}

}  // namespace
}  // namespace sitrep
