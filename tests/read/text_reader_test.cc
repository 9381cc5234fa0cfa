#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/read.h"

namespace sitrep {
namespace {

struct Collected {
  std::vector<Article> articles;
  std::vector<Diagnostic> diagnostics;
  size_t skipped = 0;
};

Collected RunText(std::string_view content, const std::string& origin,
                  size_t max_bytes = kMaxArticleBytes) {
  CollectingSink sink;
  Collected out;
  ReadOptions options;
  options.max_article_bytes = max_bytes;
  ReadText(content, origin, options, sink,
           [&](Article a) { out.articles.push_back(std::move(a)); });
  out.skipped = sink.skipped_count();
  out.diagnostics = sink.Take();
  return out;
}

TEST(ReadText, WholeInputIsOneArticleWithBomStrippedAndCrlfNormalised) {
  const Collected got =
      RunText("\xEF\xBB\xBFLa ville est calme.\r\nLe pont est ferm\xC3\xA9.\rFin.\r\n",
              "news/day1/calm.txt");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_TRUE(got.diagnostics.empty());
  const Article& a = got.articles[0];
  EXPECT_EQ(a.raw_text, "La ville est calme.\nLe pont est ferm\xC3\xA9.\nFin.\n");
  EXPECT_EQ(a.id, "calm");
  EXPECT_EQ(a.origin, "news/day1/calm.txt");
  EXPECT_EQ(a.title, "");
  EXPECT_FALSE(a.pub_date.has_value());
}

TEST(ReadText, BadInputsAreSkippedWithTheReason) {
  struct Case {
    std::string content;
    size_t max_bytes;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"", kMaxArticleBytes, "empty file"},
      {"\xEF\xBB\xBF", kMaxArticleBytes, "empty file"},
      {" \n\t\r\n", kMaxArticleBytes, "no text (only whitespace)"},
      {std::string("hello\0world", 11), kMaxArticleBytes, "binary data (NUL byte at byte 5)"},
      {"abc\xFF"
       "def",
       kMaxArticleBytes, "invalid UTF-8 at byte 3"},
      // Offsets count the BOM: the truncated sequence starts at byte 5.
      {"\xEF\xBB\xBF"
       "ab\xC3",
       kMaxArticleBytes, "invalid UTF-8 at byte 5"},
      {"\xED\xA0\x80", kMaxArticleBytes, "invalid UTF-8 at byte 0"},  // a surrogate
      {"eleven char", 10, "larger than the limit of 10 bytes"},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const Collected got = RunText(cases[i].content, "in.txt", cases[i].max_bytes);
    EXPECT_TRUE(got.articles.empty()) << "case " << i;
    EXPECT_EQ(got.skipped, 1u) << "case " << i;
    ASSERT_EQ(got.diagnostics.size(), 1u) << "case " << i;
    EXPECT_EQ(got.diagnostics[0].severity, Diagnostic::Severity::kSkipped) << "case " << i;
    EXPECT_EQ(got.diagnostics[0].where, "in.txt") << "case " << i;
    EXPECT_EQ(got.diagnostics[0].message, cases[i].message) << "case " << i;
  }
}

TEST(ReadText, ExactlyAtTheLimitIsRead) {
  const Collected got = RunText("ten bytes!", "in.txt", 10);
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].raw_text, "ten bytes!");
}

TEST(ReadText, RealTenMegabyteLimitRefusesOneByteMore) {
  std::string big(kMaxArticleBytes, 'a');
  Collected got = RunText(big, "big.txt");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].raw_text.size(), kMaxArticleBytes);
  big.push_back('a');
  got = RunText(big, "big.txt");
  EXPECT_TRUE(got.articles.empty());
  ASSERT_EQ(got.diagnostics.size(), 1u);
  EXPECT_EQ(got.diagnostics[0].message, "larger than the limit of 10485760 bytes");
}

}  // namespace
}  // namespace sitrep
