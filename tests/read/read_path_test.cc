#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sitrep/read.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

// A fresh folder per test, removed afterwards.
class ReadPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() /
            ("sitrep_read_" + std::string(info->name()) + "_" + std::to_string(getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const std::string& relative, std::string_view bytes) {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }

  Status Read(const std::string& path, const ReadOptions& options = ReadOptions{}) {
    return ReadPath(path, options, sink_, [&](Article a) { articles_.push_back(std::move(a)); });
  }

  fs::path root_;
  CollectingSink sink_;
  std::vector<Article> articles_;
};

TEST_F(ReadPathTest, MissingPathIsNotFound) {
  const Status status = Read((root_ / "nope.txt").string());
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(status.error().message, (root_ / "nope.txt").string() + ": no such file or folder");
}

TEST_F(ReadPathTest, FolderIsWalkedInSortedOrderByFormat) {
  Write("b.txt", "Plain text.");
  Write("a/z.md", "Markdown text.");
  Write("a/y.html", "<title>Page</title><p>Html text.</p>");
  Write("c.jsonl", "{\"id\": \"j1\", \"text\": \"Json one.\"}\n{\"text\": \"Json two.\"}\n");
  Write("d.dat", "{\"id\": \"sniffed\", \"text\": \"Sniffed as JSON Lines.\"}\n");
  Write("e.unknown", "<p>Sniffed as HTML.</p>");
  Write("image.png", std::string("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR", 16));
  Write(".hidden.txt", "Hidden file.");
  Write(".git/config.txt", "Hidden folder.");
  Write("empty.txt", "");

  ASSERT_TRUE(Read(root_.string()).has_value());
  std::vector<std::string> ids, origins, texts;
  for (const Article& a : articles_) {
    ids.push_back(a.id);
    origins.push_back(a.origin);
    texts.push_back(a.raw_text);
  }
  const std::string r = root_.string();
  EXPECT_EQ(ids, (std::vector<std::string>{"a/y.html", "a/z.md", "b.txt", "j1", "c:2", "sniffed",
                                           "e.unknown"}));
  EXPECT_EQ(origins, (std::vector<std::string>{r + "/a/y.html", r + "/a/z.md", r + "/b.txt",
                                               r + "/c.jsonl:1", r + "/c.jsonl:2", r + "/d.dat:1",
                                               r + "/e.unknown"}));
  EXPECT_EQ(texts, (std::vector<std::string>{"Page\n\nHtml text.", "Markdown text.", "Plain text.",
                                             "Json one.", "Json two.", "Sniffed as JSON Lines.",
                                             "Sniffed as HTML."}));
  EXPECT_EQ(sink_.skipped_count(), 2u);
  const auto diagnostics = sink_.Take();
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].where, r + "/empty.txt");
  EXPECT_EQ(diagnostics[0].message, "empty file");
  EXPECT_EQ(diagnostics[1].where, r + "/image.png");
  EXPECT_EQ(diagnostics[1].message, "binary data (NUL byte at byte 8)");
}

TEST_F(ReadPathTest, SingleFileIdIsItsStem) {
  Write("notes/report.txt", "Line.\r\n");
  ASSERT_TRUE(Read((root_ / "notes/report.txt").string()).has_value());
  ASSERT_EQ(articles_.size(), 1u);
  EXPECT_EQ(articles_[0].id, "report");
  EXPECT_EQ(articles_[0].raw_text, "Line.\n");
}

TEST_F(ReadPathTest, ReadsGzipCompressedJsonLines) {
  const std::string path = std::string(SITREP_TESTDATA_DIR) + "/read/wire.jsonl.gz";
  ASSERT_TRUE(Read(path).has_value());
  EXPECT_EQ(sink_.Take().size(), 0u);
  ASSERT_EQ(articles_.size(), 2u);
  EXPECT_EQ(articles_[0].id, "t-1");
  EXPECT_EQ(articles_[0].raw_text, "Bridge closed\n\nThe council closed the bridge on Tuesday.");
  EXPECT_EQ(articles_[0].pub_date, (Date{2023, 5, 4}));
  EXPECT_EQ(articles_[0].origin, path + ":1");
  EXPECT_EQ(articles_[1].id, "wire:2");
  EXPECT_EQ(articles_[1].source, "exemple.fr");
  EXPECT_EQ(articles_[1].raw_text, "Le pont a rouvert mercredi.");
}

TEST_F(ReadPathTest, CorruptGzipIsSkipped) {
  Write("bad.txt.gz", std::string("\x1F\x8B\x08\x00garbage-not-deflate", 23));
  Write("good.txt", "Still read.");
  ASSERT_TRUE(Read(root_.string()).has_value());
  ASSERT_EQ(articles_.size(), 1u);
  EXPECT_EQ(articles_[0].id, "good.txt");
  const auto diagnostics = sink_.Take();
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].where, (root_ / "bad.txt.gz").string());
  EXPECT_EQ(diagnostics[0].message.rfind("cannot decompress", 0), 0u) << diagnostics[0].message;
}

TEST_F(ReadPathTest, OversizedFileStopsAtTheLimit) {
  Write("big.txt", std::string(100 * 1024, 'x'));
  Write("big.jsonl", "{\"text\": \"" + std::string(50, 'y') + "\"}\n{\"text\": \"ok\"}\n");
  ReadOptions options;
  options.max_article_bytes = 40;
  ASSERT_TRUE(Read(root_.string(), options).has_value());
  ASSERT_EQ(articles_.size(), 1u);
  EXPECT_EQ(articles_[0].raw_text, "ok");
  const auto diagnostics = sink_.Take();
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].where, (root_ / "big.jsonl").string() + ":1");
  EXPECT_EQ(diagnostics[0].message, "text of 50 bytes is larger than the limit of 40 bytes");
  EXPECT_EQ(diagnostics[1].where, (root_ / "big.txt").string());
  EXPECT_EQ(diagnostics[1].message, "larger than the limit of 40 bytes");
}

TEST_F(ReadPathTest, ForcedFormatOverridesTheExtension) {
  Write("page.txt", "<p>Html in a text file.</p>");
  ReadOptions options;
  options.format = InputFormat::kHtml;
  ASSERT_TRUE(Read((root_ / "page.txt").string(), options).has_value());
  ASSERT_EQ(articles_.size(), 1u);
  EXPECT_EQ(articles_[0].raw_text, "Html in a text file.");
}

// "-" reads standard input, sniffing the format and any compression from
// the bytes alone.
TEST_F(ReadPathTest, DashReadsStandardInput) {
  const std::string path = std::string(SITREP_TESTDATA_DIR) + "/read/wire.jsonl.gz";
  ASSERT_NE(std::freopen(path.c_str(), "rb", stdin), nullptr);
  ASSERT_TRUE(Read("-").has_value());
  EXPECT_EQ(sink_.Take().size(), 0u);
  ASSERT_EQ(articles_.size(), 2u);
  EXPECT_EQ(articles_[0].id, "t-1");
  EXPECT_EQ(articles_[0].origin, "<stdin>:1");
  EXPECT_EQ(articles_[1].id, "<stdin>:2");
}

TEST(SniffFormat, LooksAtTheFirstNonBlankByte) {
  EXPECT_EQ(SniffFormat("  <!doctype html>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("\xEF\xBB\xBF\n{\"text\": 1}"), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("Plain words"), InputFormat::kText);
  EXPECT_EQ(SniffFormat(""), InputFormat::kText);
}

}  // namespace
}  // namespace sitrep
