#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "read/read_internal.h"
#include "sitrep/read.h"

namespace sitrep {
namespace {

struct Collected {
  std::vector<Article> articles;
  std::vector<Diagnostic> diagnostics;
  size_t skipped = 0;
  size_t warnings = 0;
};

Collected RunJsonl(std::string_view content, const std::string& origin,
                   size_t max_bytes = kMaxArticleBytes) {
  CollectingSink sink;
  Collected out;
  ReadOptions options;
  options.max_article_bytes = max_bytes;
  ReadJsonl(content, origin, options, sink,
            [&](Article a) { out.articles.push_back(std::move(a)); });
  out.skipped = sink.skipped_count();
  out.warnings = sink.warning_count();
  out.diagnostics = sink.Take();
  return out;
}

TEST(ReadJsonl, ReadsEveryFieldAndJoinsTitleAndText) {
  const std::string content =
      R"({"id": "en-1", "lang": "en", "url": "https://example.org/1", "source": "example.org", "pub_date": "2023-05-04", "title": "Bridge closed", "text": "The council closed the bridge.", "events": [{"x": 1}]})"
      "\n"
      R"({"lang": "fr", "outlet": "exemple.fr", "pub_date": "2023-05-05T07:15:00+02:00", "title": "", "text": "Le pont a rouvert."})"
      "\n"
      R"({"id": 42, "pub_date": 1664582400, "text": "Numbers as id and date."})"
      "\n";
  const Collected got = RunJsonl(content, "data/feed.jsonl");
  EXPECT_TRUE(got.diagnostics.empty());
  ASSERT_EQ(got.articles.size(), 3u);

  const Article& a = got.articles[0];
  EXPECT_EQ(a.id, "en-1");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.url, "https://example.org/1");
  EXPECT_EQ(a.source, "example.org");
  EXPECT_EQ(a.pub_date, (Date{2023, 5, 4}));
  EXPECT_EQ(a.title, "Bridge closed");
  EXPECT_EQ(a.raw_text, "Bridge closed\n\nThe council closed the bridge.");
  EXPECT_EQ(a.origin, "data/feed.jsonl:1");

  const Article& b = got.articles[1];
  EXPECT_EQ(b.id, "feed:2");  // no id: file stem and line
  EXPECT_EQ(b.source, "exemple.fr");
  EXPECT_EQ(b.pub_date, (Date{2023, 5, 5}));
  EXPECT_EQ(b.title, "");
  EXPECT_EQ(b.raw_text, "Le pont a rouvert.");
  EXPECT_EQ(b.origin, "data/feed.jsonl:2");

  const Article& c = got.articles[2];
  EXPECT_EQ(c.id, "42");
  EXPECT_EQ(c.pub_date, (Date{2022, 10, 1}));
  EXPECT_EQ(c.raw_text, "Numbers as id and date.");
}

TEST(ReadJsonl, BrokenLineIsReportedAndSkipped) {
  const std::string content =
      "{\"id\": \"a\", \"text\": \"First.\"}\n"
      "{\"id\": \"b\", \"text\": \"Cut off\n"
      "{\"id\": \"c\", \"text\": \"Third.\"}\n";
  const Collected got = RunJsonl(content, "feed.jsonl");
  ASSERT_EQ(got.articles.size(), 2u);
  EXPECT_EQ(got.articles[0].id, "a");
  EXPECT_EQ(got.articles[0].origin, "feed.jsonl:1");
  EXPECT_EQ(got.articles[1].id, "c");
  EXPECT_EQ(got.articles[1].origin, "feed.jsonl:3");
  EXPECT_EQ(got.skipped, 1u);
  ASSERT_EQ(got.diagnostics.size(), 1u);
  EXPECT_EQ(got.diagnostics[0].where, "feed.jsonl:2");
  EXPECT_EQ(got.diagnostics[0].message.rfind("broken JSON", 0), 0u) << got.diagnostics[0].message;
}

TEST(ReadJsonl, BadLinesAreSkippedWithTheirReason) {
  const std::string line1 = "{\"id\": \"a\", \"text\": \"Good.\"}\n";
  const std::string line2 = "{\"id\": \"b\", \"text\": \"caf\xC3\"}\n";  // cut-off sequence
  const std::string line3 = "[1, 2]\n";
  const std::string line4 = "{\"id\": \"d\", \"title\": \"Only a title\", \"url\": 5}\n";
  const std::string line5 = "{\"id\": \"e\", \"text\": \"  \"}\n";
  const std::string line6 = "{\"id\": \"f\", \"text\": 17}\n";
  const std::string line7 = "{\"id\": \"g\", \"text\": \"a\\u0000b\"}\n";
  const std::string line8 = "{\"id\": \"h\", \"text\": \"Good too.\"}";  // no final newline
  const Collected got =
      RunJsonl(line1 + line2 + line3 + line4 + line5 + line6 + line7 + line8, "x.jsonl");
  ASSERT_EQ(got.articles.size(), 2u);
  EXPECT_EQ(got.articles[0].id, "a");
  EXPECT_EQ(got.articles[1].id, "h");
  EXPECT_EQ(got.articles[1].origin, "x.jsonl:8");
  EXPECT_EQ(got.skipped, 6u);
  const size_t bad_byte = line1.size() + line2.find('\xC3');
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"x.jsonl:2", "invalid UTF-8 at byte " + std::to_string(bad_byte)},
      {"x.jsonl:3", "not a JSON object"},
      {"x.jsonl:4", "no \"text\" string"},
      {"x.jsonl:5", "empty \"text\""},
      {"x.jsonl:6", "\"text\" is not a string"},
      {"x.jsonl:7", "NUL character in text at byte 1"},
  };
  std::vector<Diagnostic> skipped;
  for (const auto& d : got.diagnostics) {
    if (d.severity == Diagnostic::Severity::kSkipped) skipped.push_back(d);
  }
  ASSERT_EQ(skipped.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(skipped[i].where, expected[i].first) << "row " << i;
    EXPECT_EQ(skipped[i].message, expected[i].second) << "row " << i;
  }
  EXPECT_EQ(got.warnings, 0u);
}

TEST(ReadJsonl, BlankLinesAreIgnoredButCounted) {
  const Collected got =
      RunJsonl("\r\n{\"text\": \"One.\"}\r\n\n   \n{\"text\": \"Two.\"}\r\n\n", "b.ndjson");
  EXPECT_TRUE(got.diagnostics.empty());
  ASSERT_EQ(got.articles.size(), 2u);
  EXPECT_EQ(got.articles[0].origin, "b.ndjson:2");
  EXPECT_EQ(got.articles[0].id, "b:2");
  EXPECT_EQ(got.articles[0].raw_text, "One.");
  EXPECT_EQ(got.articles[1].origin, "b.ndjson:5");
}

TEST(ReadJsonl, BinaryFileIsSkippedWhole) {
  std::string content = "{\"text\": \"One.\"}\n";
  content += std::string("\x01\x00\x02", 3);
  const Collected got = RunJsonl(content, "bin.jsonl");
  EXPECT_TRUE(got.articles.empty());
  EXPECT_EQ(got.skipped, 1u);
  ASSERT_EQ(got.diagnostics.size(), 1u);
  EXPECT_EQ(got.diagnostics[0].where, "bin.jsonl");
  EXPECT_EQ(got.diagnostics[0].message, "binary data (NUL byte at byte 18)");
}

TEST(ReadJsonl, EmptyFileIsReported) {
  for (const std::string content : {"", "\n\n", "\xEF\xBB\xBF"}) {
    const Collected got = RunJsonl(content, "e.jsonl");
    EXPECT_TRUE(got.articles.empty());
    ASSERT_EQ(got.diagnostics.size(), 1u);
    EXPECT_EQ(got.diagnostics[0].where, "e.jsonl");
    EXPECT_EQ(got.diagnostics[0].message, "empty file");
  }
}

TEST(ReadJsonl, ArticleOverTheLimitIsSkipped) {
  const std::string content =
      "{\"title\": \"Short\", \"text\": \"Fits.\"}\n"
      "{\"title\": \"Long\", \"text\": \"This body is too long for the limit.\"}\n";
  const Collected got = RunJsonl(content, "l.jsonl", 20);
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].raw_text, "Short\n\nFits.");
  ASSERT_EQ(got.diagnostics.size(), 1u);
  EXPECT_EQ(got.diagnostics[0].where, "l.jsonl:2");
  EXPECT_EQ(got.diagnostics[0].message, "text of 42 bytes is larger than the limit of 20 bytes");
}

TEST(ReadJsonl, UnreadableDateIsAWarningAndTheArticleIsKept) {
  const Collected got =
      RunJsonl("{\"url\": 5, \"pub_date\": \"last Tuesday\", \"text\": \"Kept.\"}\n", "d.jsonl");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_FALSE(got.articles[0].pub_date.has_value());
  EXPECT_EQ(got.articles[0].url, "");
  EXPECT_EQ(got.skipped, 0u);
  EXPECT_EQ(got.warnings, 2u);
  ASSERT_EQ(got.diagnostics.size(), 2u);
  EXPECT_EQ(got.diagnostics[0].severity, Diagnostic::Severity::kWarning);
  EXPECT_EQ(got.diagnostics[0].where, "d.jsonl:1");
  EXPECT_EQ(got.diagnostics[0].message, "\"url\" is not a string; ignored");
  EXPECT_EQ(got.diagnostics[1].message, "pub_date is not an ISO date; read without a date");
}

// ReadPath streams files in chunks; any split must read like one buffer.
TEST(ReadJsonl, ChunkedFeedingMatchesOneBuffer) {
  std::string content = "\xEF\xBB\xBF";
  for (int i = 0; i < 400; ++i) {
    content += "{\"id\": \"n" + std::to_string(i) + "\", \"text\": \"Line number " +
               std::to_string(i) + " of the feed.\"}\n";
    if (i == 250) content += "{broken\n";
  }
  ASSERT_GT(content.size(), read_internal::kBinarySniffBytes * 2);
  const Collected whole = RunJsonl(content, "c.jsonl");
  for (const size_t chunk : {size_t{1}, size_t{7}, size_t{4096}, size_t{8193}}) {
    CollectingSink sink;
    std::vector<Article> articles;
    read_internal::JsonlReader reader("c.jsonl", ReadOptions{}, sink,
                                      [&](Article a) { articles.push_back(std::move(a)); });
    for (size_t pos = 0; pos < content.size(); pos += chunk) {
      reader.Feed(std::string_view(content).substr(pos, chunk));
    }
    reader.Finish();
    ASSERT_EQ(articles.size(), 400u) << "chunk " << chunk;
    ASSERT_EQ(whole.articles.size(), 400u);
    for (size_t i = 0; i < articles.size(); ++i) {
      EXPECT_EQ(articles[i].id, whole.articles[i].id);
      EXPECT_EQ(articles[i].origin, whole.articles[i].origin);
      EXPECT_EQ(articles[i].raw_text, whole.articles[i].raw_text);
    }
    const auto diagnostics = sink.Take();
    ASSERT_EQ(diagnostics.size(), 1u) << "chunk " << chunk;
    EXPECT_EQ(diagnostics[0].where, "c.jsonl:252");
  }
  EXPECT_EQ(whole.articles[0].id, "n0");
  EXPECT_EQ(whole.articles[399].origin, "c.jsonl:401");
}

TEST(ReadJsonl, GoldDevFileReadsEightyArticlesCleanly) {
  const std::filesystem::path gold =
      std::filesystem::path(SITREP_SHARED_DIR) / "gold" / "dev.jsonl";
  if (!std::filesystem::exists(gold)) GTEST_SKIP() << "no gold file at " << gold;
  CollectingSink sink;
  std::vector<Article> articles;
  const Status status = ReadPath(gold.string(), ReadOptions{}, sink,
                                 [&](Article a) { articles.push_back(std::move(a)); });
  ASSERT_TRUE(status.has_value()) << status.error().message;
  const auto diagnostics = sink.Take();
  for (const auto& d : diagnostics) ADD_FAILURE() << d.where << ": " << d.message;
  ASSERT_EQ(articles.size(), 80u);
  EXPECT_EQ(articles[0].id, "seed-fr");
  EXPECT_EQ(articles[0].lang, "fr");
  EXPECT_EQ(articles[0].pub_date, (Date{2022, 10, 1}));
  EXPECT_EQ(articles[0].origin, gold.string() + ":1");
  for (const Article& a : articles) {
    EXPECT_FALSE(a.id.empty());
    EXPECT_TRUE(a.pub_date.has_value()) << a.id;
    if (!a.title.empty()) EXPECT_EQ(a.raw_text.rfind(a.title + "\n\n", 0), 0u) << a.id;
  }
}

}  // namespace
}  // namespace sitrep
