// The store on a real SQLite file: schema and migration, idempotent ingest,
// merging across articles, order independence and queries.
#include "sitrep/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <numeric>

#include "store/synthetic.h"
#include "store_test_util.h"

namespace sitrep {
namespace {

using testing::ExportAll;
using testing::OpenOrDie;
using testing::TempDir;

// Runs SQL on the file directly, as an older sitrep or another tool would.
void RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
      << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

int64_t RawCount(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
  int64_t value = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

StoredArticle MakeArticle(const std::string& id, const std::string& text, Date pub,
                          const std::string& outlet = "outlet") {
  StoredArticle a;
  a.article_id = id;
  a.source = outlet;
  a.lang = "en";
  a.pub_date = pub;
  a.text = text;
  a.content_hash = store::SyntheticGenerator::HexHash(text);
  return a;
}

Event Strike(const std::string& place, double lat, double lon, Date date, CountRange killed,
             int precision = 1) {
  Event e;
  e.event_type = "Explosions/Remote violence";
  e.sub_event_type = "Shelling/artillery/missile attack";
  e.event_date = date;
  e.date_precision = DatePrecision::kDay;
  e.location.name = place;
  e.location.admin1 = "Kharkiv";
  e.location.country = "UA";
  e.location.lat = lat;
  e.location.lon = lon;
  e.location.geo_precision = precision;
  e.actor1 = "Military Forces of Russia";
  e.actor2 = "Civilians (Ukraine)";
  e.fatalities = killed;
  e.evidence["event"] = {Span{0, 12}};
  return e;
}

// Three articles about one strike on Kupiansk and one about a protest far
// away: "5 killed", then a precision-3 regional report of "at least 3", then
// "the toll rose to 7" the next day.
struct Fixture {
  StoredArticle article;
  std::vector<Event> events;
};
std::vector<Fixture> ThreeReportsOfOneStrike() {
  const Date day{2022, 10, 1};
  std::vector<Fixture> out;
  out.push_back({MakeArticle("a-1", "Strike hit Kupiansk, five killed.", {2022, 10, 1}, "outlet-a"),
                 {Strike("Kupiansk", 49.7100, 37.6158, day, {5, 5, 5})}});
  out.push_back({MakeArticle("a-2", "Shelling in Kharkiv oblast killed at least three.", {2022, 10, 1},
                             "outlet-b"),
                 {Strike("Kharkiv Oblast", 49.9808, 36.2527, day, {3, 3, std::nullopt}, 3)}});
  Event later = Strike("Kupiansk", 49.7550, 37.6158, {2022, 10, 2}, {7, 7, 7});  // 5 km north, next day
  Event protest = Strike("Paris", 48.8534, 2.3488, day, {});
  protest.event_type = "Protests";
  protest.sub_event_type = "Peaceful protest";
  protest.location.country = "FR";
  protest.location.admin1 = "Ile-de-France";
  protest.actor1 = "Protesters (France)";
  protest.actor2 = "";
  out.push_back({MakeArticle("a-3", "The toll in Kupiansk rose to seven. Paris marched.", {2022, 10, 2},
                             "outlet-c"),
                 {later, protest}});
  return out;
}

TEST(Store, CreatesSchemaAtCurrentVersionInWalMode) {
  TempDir dir;
  const std::string path = dir.File("s.db");
  {
    Store store = OpenOrDie(path);
    EXPECT_EQ(store.SchemaVersion().value(), kStoreSchemaVersion);
    EXPECT_EQ(store.IntegrityCheck().value(), "ok");
  }
  EXPECT_EQ(RawCount(path, "PRAGMA user_version"), 2);
  EXPECT_EQ(RawCount(path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('articles', "
                           "'reports', 'events', 'event_reports', 'report_rtree', 'event_rtree', "
                           "'article_fts')"),
            7);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST(Store, MigratesFromVersion1) {
  TempDir dir;
  const std::string path = dir.File("s.db");
  std::vector<std::string> before;
  {
    Store store = OpenOrDie(path);
    for (const Fixture& f : ThreeReportsOfOneStrike()) ASSERT_TRUE(store.Ingest(f.article, f.events));
    before = ExportAll(store);
  }
  // What version 1 wrote: the tables without the R*Trees and the FTS index.
  RawExec(path, "DROP TABLE report_rtree; DROP TABLE event_rtree; DROP TABLE article_fts; "
                "PRAGMA user_version = 1;");
  {
    StoreOptions read_only;
    read_only.read_only = true;
    auto refused = Store::Open(path, read_only);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kUnsupported);
  }
  Store store = OpenOrDie(path);
  EXPECT_EQ(store.SchemaVersion().value(), 2);
  EXPECT_EQ(ExportAll(store), before);
  EXPECT_EQ(RawCount(path, "SELECT count(*) FROM report_rtree"), 4);
  EXPECT_EQ(RawCount(path, "SELECT count(*) FROM event_rtree"), 2);
  // The rebuilt indexes serve queries and merges.
  EventQuery near;
  near.near = EventQuery::Near{49.71, 37.62, 10};
  EXPECT_EQ(store.Query(near).value().size(), 1u);
  EventQuery text;
  text.text = "marched";
  EXPECT_EQ(store.Query(text).value().size(), 2u);  // the article has both events
  auto outcome = store.Ingest(MakeArticle("a-4", "Kupiansk again.", {2022, 10, 3}),
                              std::vector<Event>{Strike("Kupiansk", 49.71, 37.6158, {2022, 10, 1}, {6, 6, 6})});
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->merged_report_count, 1u);
  EXPECT_EQ(store.IntegrityCheck().value(), "ok");
}

TEST(Store, RefusesNewerSchemaAndForeignFiles) {
  TempDir dir;
  {
    const std::string path = dir.File("newer.db");
    { Store store = OpenOrDie(path); }
    RawExec(path, "PRAGMA user_version = 99;");
    auto store = Store::Open(path);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, ErrorCode::kUnsupported);
    EXPECT_NE(store.error().message.find("99"), std::string::npos) << store.error().message;
  }
  {
    const std::string path = dir.File("other.db");
    RawExec(path, "CREATE TABLE t (x);");
    auto store = Store::Open(path);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, ErrorCode::kCorrupt);
  }
  {
    const std::string path = dir.File("text.db");
    std::ofstream(path) << "this is not a database, just some words long enough to fill a header "
                           "page of sqlite so that it is recognised as not a database file at all";
    auto store = Store::Open(path);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, ErrorCode::kCorrupt) << store.error().message;
  }
  {
    StoreOptions no_create;
    no_create.create_if_missing = false;
    auto store = Store::Open(dir.File("absent.db"), no_create);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, ErrorCode::kNotFound);
  }
}

TEST(Store, ReingestingTheSameArticleChangesNothing) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("s.db"));
  const auto fixtures = ThreeReportsOfOneStrike();
  for (const Fixture& f : fixtures) ASSERT_TRUE(store.Ingest(f.article, f.events));
  const auto before = ExportAll(store);
  const StoreStats stats = store.Stats().value();

  auto again = store.Ingest(fixtures[0].article, fixtures[0].events);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->existing_article_id, "a-1");
  EXPECT_EQ(again->report_count, 0u);

  StoredArticle renamed = fixtures[2].article;
  renamed.article_id = "mirror-of-a-3";
  renamed.url = "https://mirror.example/a-3";
  auto mirrored = store.Ingest(renamed, fixtures[2].events);
  ASSERT_TRUE(mirrored);
  EXPECT_TRUE(mirrored->duplicate);
  EXPECT_EQ(mirrored->existing_article_id, "a-3");

  EXPECT_EQ(ExportAll(store), before);
  const StoreStats after = store.Stats().value();
  EXPECT_EQ(after.article_count, stats.article_count);
  EXPECT_EQ(after.report_count, stats.report_count);
  EXPECT_EQ(after.event_count, stats.event_count);
  EXPECT_TRUE(store.FindArticles("mirror-of-a-3").value().empty());
}

TEST(Store, TollRangeAndBestAcrossThreeReports) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("s.db"));
  const auto fixtures = ThreeReportsOfOneStrike();
  auto first = store.Ingest(fixtures[0].article, fixtures[0].events);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->new_event_count, 1u);
  auto second = store.Ingest(fixtures[1].article, fixtures[1].events);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->merged_report_count, 1u);
  EXPECT_EQ(second->touched_event_count, 1u);
  auto third = store.Ingest(fixtures[2].article, fixtures[2].events);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->report_count, 2u);
  EXPECT_EQ(third->merged_report_count, 1u);
  EXPECT_EQ(third->new_event_count, 1u);  // the protest

  EventQuery strikes;
  strikes.event_type = "Explosions/Remote violence";
  const auto events = store.Query(strikes).value();
  ASSERT_EQ(events.size(), 1u);
  const Event& e = events[0];
  // low = min of lows (3), high = max of highs (7), best = the latest
  // report's figure: "rose to 7" published on 2 Oct.
  EXPECT_EQ(e.fatalities, (CountRange{3, 7, 7}));
  EXPECT_EQ(e.location.name, "Kupiansk");  // precision 1 beats the region
  EXPECT_EQ(*e.event_date, (Date{2022, 10, 1}));
  // Every report keeps its own figure (canonical order: same day, so by
  // content hash).
  ASSERT_EQ(e.reports.size(), 3u);
  std::map<std::string, std::pair<std::optional<int64_t>, std::string>> by_article;
  for (const Report& r : e.reports) by_article[r.article_id] = {r.fatalities, r.source};
  EXPECT_EQ(by_article["a-1"], std::make_pair(std::optional<int64_t>(5), std::string("outlet-a")));
  EXPECT_EQ(by_article["a-2"], std::make_pair(std::optional<int64_t>(3), std::string("outlet-b")));
  EXPECT_EQ(by_article["a-3"], std::make_pair(std::optional<int64_t>(7), std::string("outlet-c")));
  EXPECT_EQ(e.reports.back().article_id, "a-3");  // dated 2 Oct: last

  auto reports = store.GetEventReports(e.event_id);
  ASSERT_TRUE(reports);
  ASSERT_EQ(reports->size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ((*reports)[i].article.article_id, e.reports[i].article_id);
  }
  const StoredReport& a1 = (*reports)[(*reports)[0].article.article_id == "a-1" ? 0 : 1];
  EXPECT_EQ(a1.article.article_id, "a-1");
  EXPECT_EQ(a1.article.text, "Strike hit Kupiansk, five killed.");
  EXPECT_EQ(a1.event.fatalities, (CountRange{5, 5, 5}));
  EXPECT_EQ(store.GetEvent(e.event_id).value().event_id, e.event_id);
  auto missing = store.GetEvent("ev-0000000000000000");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST(Store, AllSixOrdersOfThreeArticlesGiveTheSameEvents) {
  const auto fixtures = ThreeReportsOfOneStrike();
  std::vector<size_t> order = {0, 1, 2};
  std::vector<std::string> expected;
  size_t runs = 0;
  do {
    TempDir dir;
    Store store = OpenOrDie(dir.File("s.db"));
    for (size_t i : order) ASSERT_TRUE(store.Ingest(fixtures[i].article, fixtures[i].events));
    const auto exported = ExportAll(store);
    if (expected.empty()) {
      expected = exported;
      ASSERT_EQ(expected.size(), 2u);
    } else {
      EXPECT_EQ(exported, expected) << "order " << order[0] << order[1] << order[2];
    }
    ++runs;
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_EQ(runs, 6u);
}

class StoreOrders : public ::testing::TestWithParam<uint64_t> {};

TEST_P(StoreOrders, ManySyntheticArticlesInTwoOrdersGiveTheSameEvents) {
  store::SyntheticOptions options;
  options.seed = GetParam();
  options.article_count = 150;
  options.town_count = 12;  // dense: many merges and long chains
  options.day_span = 10;
  const auto articles = store::SyntheticGenerator(options).MakeAll();
  std::vector<size_t> forward(articles.size());
  std::iota(forward.begin(), forward.end(), 0);
  std::vector<size_t> scrambled = forward;
  std::reverse(scrambled.begin(), scrambled.end());
  for (size_t i = 0; i + 7 < scrambled.size(); i += 7) std::swap(scrambled[i], scrambled[i + 5]);

  auto run = [&](const std::vector<size_t>& order, size_t* merged) {
    TempDir dir;
    Store store = OpenOrDie(dir.File("s.db"));
    for (size_t i : order) {
      auto outcome = store.Ingest(articles[i].article, articles[i].events);
      EXPECT_TRUE(outcome);
      if (outcome) *merged += outcome->merged_report_count;
    }
    EXPECT_EQ(store.IntegrityCheck().value(), "ok");
    return ExportAll(store);
  };
  size_t merged_forward = 0, merged_scrambled = 0;
  const auto a = run(forward, &merged_forward);
  const auto b = run(scrambled, &merged_scrambled);

  // Both equal the merge of the whole set at once: the store's incremental
  // re-merge of neighbourhoods loses nothing.
  std::vector<MergeItem> items;
  for (const auto& article : articles) {
    for (size_t i = 0; i < article.events.size(); ++i) {
      MergeItem item;
      item.event = article.events[i];
      item.event.article_id = article.article.article_id;
      for (Report& r : item.event.reports) r.article_id = article.article.article_id;
      item.content_hash = article.article.content_hash;
      item.report_index = static_cast<uint32_t>(i);
      item.pub_date = article.article.pub_date;
      item.article_source = article.article.source;
      items.push_back(std::move(item));
    }
  }
  std::vector<std::pair<std::pair<int64_t, std::string>, std::string>> whole;
  for (const auto& group : ClusterReports(items)) {
    const Event merged = MergeCluster(items, group);
    whole.push_back({{ToDays(*merged.event_date), merged.event_id}, store::EncodeRecord(merged)});
  }
  std::sort(whole.begin(), whole.end());
  std::vector<std::string> expected;
  for (auto& [key, record] : whole) expected.push_back(record);
  EXPECT_EQ(a, expected);
  size_t reports = 0;
  for (const auto& article : articles) reports += article.events.size();
  EXPECT_LT(a.size(), reports / 2);  // the set merges heavily
  EXPECT_GT(merged_forward, 0u);
  ASSERT_EQ(a.size(), b.size());
  EXPECT_EQ(a, b);
}

INSTANTIATE_TEST_SUITE_P(Seeds, StoreOrders, ::testing::Values(1u, 2u, 3u, 4u));

TEST(Store, QueriesFilterByEveryField) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("s.db"));
  for (const Fixture& f : ThreeReportsOfOneStrike()) ASSERT_TRUE(store.Ingest(f.article, f.events));
  auto count = [&](const EventQuery& q) {
    auto events = store.Query(q);
    EXPECT_TRUE(events) << events.error().message;
    return events ? events->size() : 0;
  };
  EventQuery q;
  EXPECT_EQ(count(q), 2u);
  q = {};
  q.country = "ua";
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.admin1 = "ile-de-france";
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.actor = "protesters";
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.min_killed = 7;
  EXPECT_EQ(count(q), 1u);
  q.min_killed = 8;
  EXPECT_EQ(count(q), 0u);
  q = {};
  q.from = Date{2022, 10, 2};
  EXPECT_EQ(count(q), 0u);
  q.from = Date{2022, 10, 1};
  q.to = Date{2022, 10, 1};
  EXPECT_EQ(count(q), 2u);
  q = {};
  q.near = EventQuery::Near{48.8566, 2.3522, 5};  // Paris
  EXPECT_EQ(count(q), 1u);
  q.near = EventQuery::Near{49.0, 37.6, 30};  // 79 km south of Kupiansk
  EXPECT_EQ(count(q), 0u);
  q.near->radius_km = 90;
  EXPECT_EQ(count(q), 1u);
  q.from = Date{2022, 10, 2};
  EXPECT_EQ(count(q), 0u);
  q = {};
  q.bbox = EventQuery::BoundingBox{30, 45, 40, 52};
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.source = "outlet-b";
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.lang = "fr";
  EXPECT_EQ(count(q), 0u);
  q.lang = "en";
  EXPECT_EQ(count(q), 2u);
  q = {};
  q.text = "toll";
  EXPECT_EQ(count(q), 2u);
  q.text = "five";
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.limit = 1;
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.text = "\"unbalanced";
  auto bad = store.Query(q);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
}

TEST(Store, ReadOnlyStoreQueriesButRefusesIngest) {
  TempDir dir;
  const std::string path = dir.File("s.db");
  { Store store = OpenOrDie(path); }
  StoreOptions read_only;
  read_only.read_only = true;
  Store store = OpenOrDie(path, read_only);
  EXPECT_TRUE(store.Query(EventQuery{}).value().empty());
  const auto f = ThreeReportsOfOneStrike()[0];
  auto refused = store.Ingest(f.article, f.events);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
}

TEST(Store, ArticleWithoutContentHashIsRefused) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("s.db"));
  StoredArticle article = MakeArticle("x", "text", {2022, 1, 1});
  article.content_hash.clear();
  auto outcome = store.Ingest(article, std::vector<Event>{});
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(store.Stats().value().article_count, 0);
}

}  // namespace
}  // namespace sitrep
