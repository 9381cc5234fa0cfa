// sitrep ingest / query / export / show through the binary, on articles we
// write here: idempotent re-ingest, order independence and exit codes.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "store_test_util.h"

namespace sitrep {
namespace {

using testing::TempDir;

struct CliRun {
  int exit_code = -1;
  std::string out;
};

CliRun Sitrep(const std::string& args) {
  CliRun run;
  const std::string command = std::string(SITREP_BINARY) + " " + args + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

constexpr const char* kArticleA =
    R"({"id": "t-1", "lang": "en", "source": "outlet-a", "pub_date": "2024-01-02", "title": "Strike on Kharkiv", "text": "Russian missiles struck Kharkiv on Monday, killing three civilians and injuring 12, the regional governor said."})";
constexpr const char* kArticleB =
    R"({"id": "t-2", "lang": "en", "source": "outlet-b", "pub_date": "2024-01-03", "title": "Kharkiv toll rises", "text": "The toll of Monday's Russian missile strike on Kharkiv rose to five dead, officials said."})";

void Write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

TEST(CliStore, IngestIsIdempotentAndOrderIndependent) {
  if (!std::ifstream(SITREP_BINARY).good()) GTEST_SKIP() << "no sitrep binary at " << SITREP_BINARY;
  TempDir dir;
  Write(dir.File("ab.jsonl"), std::string(kArticleA) + "\n" + kArticleB + "\n");
  Write(dir.File("ba.jsonl"), std::string(kArticleB) + "\n" + kArticleA + "\n");
  const std::string db1 = dir.File("one.db"), db2 = dir.File("two.db");
  ASSERT_EQ(Sitrep("ingest " + dir.File("ab.jsonl") + " --db " + db1).exit_code, 0);
  const CliRun first = Sitrep("export --db " + db1);
  ASSERT_EQ(first.exit_code, 0);
  // Again, and the same articles under other ids: nothing changes.
  ASSERT_EQ(Sitrep("ingest " + dir.File("ab.jsonl") + " --db " + db1).exit_code, 0);
  std::string renamed = std::string(kArticleA);
  renamed.replace(renamed.find("t-1"), 3, "t-9");
  Write(dir.File("renamed.jsonl"), renamed + "\n");
  ASSERT_EQ(Sitrep("ingest " + dir.File("renamed.jsonl") + " --db " + db1).exit_code, 0);
  EXPECT_EQ(Sitrep("export --db " + db1).out, first.out);
  EXPECT_EQ(first.out.find("t-9"), std::string::npos);
  // The other order gives the same export.
  ASSERT_EQ(Sitrep("ingest " + dir.File("ba.jsonl") + " --db " + db2).exit_code, 0);
  EXPECT_EQ(Sitrep("export --db " + db2).out, first.out);
  // Query output in a pipe is JSON Lines, one event a line, as export.
  const CliRun query = Sitrep("query --db " + db1);
  EXPECT_EQ(query.exit_code, 0);
  EXPECT_EQ(query.out, first.out);
  EXPECT_EQ(Sitrep("query --db " + db1 + " --near 49.98,36.25 --radius 5000km --from 2030-01-01").out, "");
}

TEST(CliStore, BadArgumentsAndUnknownEventsFail) {
  if (!std::ifstream(SITREP_BINARY).good()) GTEST_SKIP() << "no sitrep binary at " << SITREP_BINARY;
  TempDir dir;
  const std::string db = dir.File("s.db");
  Write(dir.File("a.jsonl"), std::string(kArticleA) + "\n");
  ASSERT_EQ(Sitrep("ingest " + dir.File("a.jsonl") + " --db " + db).exit_code, 0);
  EXPECT_EQ(Sitrep("show --db " + db + " ev-0000000000000000").exit_code, 1);
  EXPECT_EQ(Sitrep("query --db " + db + " --from 2024-13-01").exit_code, 1);
  EXPECT_EQ(Sitrep("query --db " + db + " --bbox 1,2,3").exit_code, 1);
  EXPECT_EQ(Sitrep("query --db " + db + " --near 49,36 --radius far").exit_code, 1);
  EXPECT_EQ(Sitrep("query --db " + dir.File("absent.db")).exit_code, 1);
  EXPECT_EQ(Sitrep("export --db " + db + " --format xml").exit_code, 1);
}

}  // namespace
}  // namespace sitrep
