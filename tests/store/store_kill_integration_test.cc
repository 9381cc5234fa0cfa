// A process killed in the middle of an ingest leaves a store that is whole:
// every article is either stored with all its reports and merges, or absent.
// Ingesting again completes it, and the result equals an uninterrupted run.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "sitrep/store.h"
#include "store/synthetic.h"
#include "store_test_util.h"

namespace sitrep {
namespace {

using testing::ExportAll;
using testing::OpenOrDie;
using testing::TempDir;

std::vector<store::SyntheticArticle> Articles() {
  store::SyntheticOptions options;
  options.seed = 42;
  options.article_count = 300;
  options.town_count = 80;
  options.day_span = 60;
  options.text_bytes = 4000;
  return store::SyntheticGenerator(options).MakeAll();
}

// Forks a child that ingests every article into `path`, writing one byte to a
// pipe after each; kills it with SIGKILL once `kill_after` bytes have come.
// Returns true when the child died of the signal (not having finished).
bool IngestAndKill(const std::string& path, const std::vector<store::SyntheticArticle>& articles,
                   size_t kill_after) {
  int fds[2];
  if (pipe(fds) != 0) return false;
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    auto store = Store::Open(path);
    if (!store) _exit(3);
    for (const auto& a : articles) {
      if (!store->Ingest(a.article, a.events)) _exit(4);
      const char byte = 'x';
      if (write(fds[1], &byte, 1) != 1) _exit(5);
    }
    _exit(0);
  }
  close(fds[1]);
  size_t received = 0;
  char buffer[256];
  while (received < kill_after) {
    const ssize_t n = read(fds[0], buffer, sizeof(buffer));
    if (n <= 0) break;
    received += static_cast<size_t>(n);
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  close(fds[0]);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

TEST(StoreKill, KilledIngestsResumeToTheSameStore) {
  const auto articles = Articles();
  TempDir dir;
  const std::string killed_path = dir.File("killed.db");
  // Three kills at growing depths; each run skips what the last one stored.
  size_t kills = 0;
  for (size_t kill_after : {30u, 100u, 200u}) kills += IngestAndKill(killed_path, articles, kill_after);
  EXPECT_EQ(kills, 3u) << "a child finished before it was killed";

  Store killed = OpenOrDie(killed_path);
  ASSERT_EQ(killed.IntegrityCheck().value(), "ok");
  const StoreStats partial = killed.Stats().value();
  EXPECT_GE(partial.article_count, 200);
  EXPECT_LT(partial.article_count, static_cast<int64_t>(articles.size()));
  size_t duplicates = 0;
  for (const auto& a : articles) {
    auto outcome = killed.Ingest(a.article, a.events);
    ASSERT_TRUE(outcome) << outcome.error().message;
    duplicates += outcome->duplicate ? 1 : 0;
  }
  EXPECT_EQ(duplicates, static_cast<size_t>(partial.article_count));

  Store clean = OpenOrDie(dir.File("clean.db"));
  for (const auto& a : articles) ASSERT_TRUE(clean.Ingest(a.article, a.events));

  EXPECT_EQ(killed.IntegrityCheck().value(), "ok");
  const StoreStats done = killed.Stats().value();
  size_t reports = 0;
  for (const auto& a : articles) reports += a.events.size();
  EXPECT_EQ(done.article_count, static_cast<int64_t>(articles.size()));
  EXPECT_EQ(done.report_count, static_cast<int64_t>(reports));
  // Every article exactly once, under its own id.
  std::set<std::string> hashes;
  for (const auto& a : articles) {
    auto found = killed.FindArticles(a.article.article_id);
    ASSERT_TRUE(found);
    ASSERT_EQ(found->size(), 1u) << a.article.article_id;
    hashes.insert((*found)[0].content_hash);
  }
  EXPECT_EQ(hashes.size(), articles.size());
  const auto exported = ExportAll(killed);
  EXPECT_EQ(exported.size(), static_cast<size_t>(clean.Stats().value().event_count));
  EXPECT_EQ(exported, ExportAll(clean));
}

}  // namespace
}  // namespace sitrep
