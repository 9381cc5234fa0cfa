// The store: articles, their reports and the merged events, in one SQLite
// file (WAL mode) with a versioned schema (docs/store.md).
//
// Ingest takes one article and the events the pipeline found in it. In one
// transaction it stores the article (its normalised text, so evidence spans
// stay checkable), one report row per event, and re-merges the neighbourhood
// the new reports touch (merge.h), so that the stored events depend only on
// the set of articles ingested, never on their order. A process killed at
// any moment leaves every article either wholly stored or absent. Ingest is
// idempotent by content hash: the same text again, under any id, changes
// nothing.
//
//   Result<Store> store = Store::Open("sitrep.db");
//   Result<IngestOutcome> r = store->Ingest(StoredArticleFrom(article, result),
//                                           result.events);
//   EventQuery q;  q.country = "UA";  q.min_killed = 5;
//   store->ForEachEvent(q, [](const Event& e) { ...; return true; });
//
// A Store is one connection: use it from one thread at a time (open one per
// thread). Several processes may open the same file; writers take turns.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/date.h"
#include "sitrep/error.h"
#include "sitrep/event.h"
#include "sitrep/merge.h"
#include "sitrep/pipeline.h"

namespace sitrep {

// The schema version this build writes (PRAGMA user_version).
inline constexpr int kStoreSchemaVersion = 2;

struct StoreOptions {
  bool create_if_missing = true;  // false: kNotFound when the file is absent
  bool read_only = false;         // open without writing (query, export, show)
  int busy_timeout_ms = 10000;    // wait this long for another writer
  MergeOptions merge;             // the merge rule's radii and windows
};

// An article as the store keeps it.
struct StoredArticle {
  std::string article_id;    // the input's id ("fr-0003")
  std::string url;
  std::string source;        // the outlet
  std::string title;
  std::string lang;
  std::optional<Date> pub_date;
  std::string text;          // normalised text: every span points into it
  std::string content_hash;  // identity: one article per hash
};

// The article and the pipeline's result, as the store keeps them.
StoredArticle StoredArticleFrom(const Article& article, const ArticleResult& result);

struct IngestOutcome {
  bool duplicate = false;           // the content hash was already stored
  std::string existing_article_id;  // when duplicate: the id it is stored under
  size_t report_count = 0;          // reports stored
  size_t new_event_count = 0;       // events made of this article's reports only
  size_t merged_report_count = 0;   // reports that joined earlier articles' events
  size_t touched_event_count = 0;   // events rebuilt by the re-merge
};

// A filter over merged events; unset fields do not filter. All set fields
// must hold.
struct EventQuery {
  std::optional<Date> from;  // event_date >= from
  std::optional<Date> to;    // event_date <= to
  std::string event_type;    // exact
  std::string sub_event_type;
  std::string actor;         // substring of actor1 or actor2, ASCII case-insensitive
  std::string country;       // ISO code, exact (case-insensitive)
  std::string admin1;        // exact (case-insensitive)
  struct Near {
    double lat = 0;
    double lon = 0;
    double radius_km = 30;
  };
  std::optional<Near> near;
  struct BoundingBox {
    double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
  };
  std::optional<BoundingBox> bbox;
  std::optional<int64_t> min_killed;   // fatalities best, else low, else high
  std::optional<int64_t> min_injured;
  std::string lang;    // any report's article in this language
  std::string source;  // substring of any report's source or outlet
  std::string text;    // FTS5 query over the reports' article text
  std::optional<size_t> limit;
};

struct StoreStats {
  int64_t article_count = 0;
  int64_t report_count = 0;
  int64_t event_count = 0;
  int64_t file_bytes = 0;  // main database file plus WAL
};

// One report of a merged event, with its article, for `sitrep show`.
struct StoredReport {
  StoredArticle article;
  uint32_t report_index = 0;
  Event event;  // the event as that article told it
};

class Store {
 public:
  // Opens or creates the file and migrates an older schema to
  // kStoreSchemaVersion. Fails with kUnsupported for a newer schema, kCorrupt
  // when the file is not a sitrep store, kIo when it cannot be opened.
  [[nodiscard]] static Result<Store> Open(const std::string& path,
                                          const StoreOptions& options = {});

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();
  Store(const Store&) = delete;  // owns a database connection
  Store& operator=(const Store&) = delete;

  // Stores one article and its events and re-merges, in one transaction.
  // Events' article_id is set to article.article_id. Fails (and stores
  // nothing of the article) with kInvalidInput when content_hash is empty,
  // kIo when the database refuses the write.
  [[nodiscard]] Result<IngestOutcome> Ingest(const StoredArticle& article,
                                             std::span<const Event> events);

  // Calls `on_event` for each merged event matching `query`, ordered by
  // event_date then event_id (undated last); stops early when it returns
  // false.
  [[nodiscard]] Status ForEachEvent(const EventQuery& query,
                                    const std::function<bool(const Event&)>& on_event) const;

  // The matching events, as ForEachEvent orders them.
  [[nodiscard]] Result<std::vector<Event>> Query(const EventQuery& query) const;

  // One merged event by id; kNotFound when there is none.
  [[nodiscard]] Result<Event> GetEvent(const std::string& event_id) const;

  // The reports merged into an event, in canonical order, each with its
  // article (for highlighting evidence in the stored text).
  [[nodiscard]] Result<std::vector<StoredReport>> GetEventReports(
      const std::string& event_id) const;

  // Articles stored under `article_id` (usually one).
  [[nodiscard]] Result<std::vector<StoredArticle>> FindArticles(
      const std::string& article_id) const;

  [[nodiscard]] Result<StoreStats> Stats() const;

  // PRAGMA integrity_check's answer: "ok" on a healthy file.
  [[nodiscard]] Result<std::string> IntegrityCheck() const;

  // The file's schema version (PRAGMA user_version).
  [[nodiscard]] Result<int> SchemaVersion() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep
