#include "sitrep/store.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <tuple>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "store/record.h"
#include "store/schema.h"
#include "store/sqlite.h"

namespace sitrep {

using store::DbHandle;
using store::Exec;
using store::Stmt;

namespace {

void DistanceFunction(sqlite3_context* context, int argc, sqlite3_value** argv) {
  for (int i = 0; i < argc; ++i) {
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
      sqlite3_result_null(context);
      return;
    }
  }
  sqlite3_result_double(context, HaversineKm(sqlite3_value_double(argv[0]),
                                            sqlite3_value_double(argv[1]),
                                            sqlite3_value_double(argv[2]),
                                            sqlite3_value_double(argv[3])));
}

std::optional<std::string> OptIso(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return FormatIsoDate(*date);
}

std::string LikePattern(const std::string& needle) {
  std::string out = "%";
  for (char c : needle) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

std::string JoinSources(const Event& event, const std::string& outlet) {
  std::string out = outlet;
  for (const Report& report : event.reports) {
    out += '\n';
    out += report.source;
  }
  return out;
}

}  // namespace

StoredArticle StoredArticleFrom(const Article& article, const ArticleResult& result) {
  StoredArticle stored;
  stored.article_id = result.article_id.empty() ? article.id : result.article_id;
  stored.url = article.url;
  stored.source = article.source;
  stored.title = article.title;
  stored.lang = result.lang.empty() ? article.lang : result.lang;
  stored.pub_date = result.pub_date ? result.pub_date : article.pub_date;
  stored.text = result.text;
  stored.content_hash = result.content_hash;
  return stored;
}

struct Store::Impl {
  DbHandle db;
  std::string path;
  StoreOptions options;
  Stmt find_hash, insert_article, insert_fts, insert_report, insert_report_rtree, candidates,
      load_report, event_of_report, delete_event, delete_event_rtree, delete_links,
      insert_event, insert_event_rtree, insert_link;

  // Decoded reports by rowid. Reports never change once committed, so the
  // cache stays valid; entries of a rolled-back transaction are never added.
  std::unordered_map<int64_t, std::shared_ptr<const MergeItem>> report_cache;
  std::vector<std::pair<int64_t, std::shared_ptr<const MergeItem>>> pending_cache;
  static constexpr size_t kReportCacheLimit = 200000;
  Stmt event_members;

  Status Prepare();
  Result<IngestOutcome> IngestLocked(const StoredArticle& article, std::span<const Event> events);
  Result<std::shared_ptr<const MergeItem>> LoadReport(int64_t report_rowid);
  Status InsertEvent(const Event& merged, std::span<const MergeItem> items,
                     std::span<const size_t> members, std::span<const int64_t> rowids);
};

Status Store::Impl::Prepare() {
  struct Spec {
    Stmt* stmt;
    const char* sql;
  };
  const Spec specs[] = {
      {&find_hash, "SELECT article_id FROM articles WHERE content_hash = ?"},
      {&insert_article,
       "INSERT INTO articles (article_id, url, source, title, lang, pub_date, text, content_hash) "
       "VALUES (?,?,?,?,?,?,?,?)"},
      {&insert_fts, "INSERT INTO article_fts (rowid, title, text) VALUES (?,?,?)"},
      {&insert_report,
       "INSERT INTO reports (article, report_index, event_type, sub_event_type, event_date, "
       "day_first, day_last, country, admin1, location_name, lat, lon, geo_precision, actor1, "
       "actor2, source, stance, sources, fatalities_low, fatalities_best, fatalities_high, "
       "injured_low, injured_best, injured_high, evidence, record) "
       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&insert_report_rtree, "INSERT INTO report_rtree VALUES (?,?,?,?,?,?,?)"},
      {&candidates,
       "SELECT id FROM report_rtree WHERE day_max >= ? AND day_min <= ? AND lat_max >= ? AND "
       "lat_min <= ? AND lon_max >= ? AND lon_min <= ?"},
      {&load_report,
       "SELECT r.report_index, r.record, a.content_hash, a.pub_date, a.source "
       "FROM reports r JOIN articles a ON a.id = r.article WHERE r.id = ?"},
      {&event_of_report, "SELECT event FROM event_reports WHERE report = ?"},
      {&delete_event, "DELETE FROM events WHERE id = ?"},
      {&delete_event_rtree, "DELETE FROM event_rtree WHERE id = ?"},
      {&delete_links, "DELETE FROM event_reports WHERE event = ?"},
      {&insert_event,
       "INSERT INTO events (event_id, event_type, sub_event_type, event_date, event_day, "
       "date_precision, country, admin1, admin2, location_name, lat, lon, geo_precision, actor1, "
       "actor2, fatalities_low, fatalities_best, fatalities_high, injured_low, injured_best, "
       "injured_high, lang, report_count, article_count, record) "
       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&insert_event_rtree, "INSERT INTO event_rtree VALUES (?,?,?,?,?,?,?)"},
      {&insert_link, "INSERT INTO event_reports (report, event) VALUES (?,?)"},
      {&event_members, "SELECT report FROM event_reports WHERE event = ? ORDER BY report"},
  };
  for (const Spec& spec : specs) {
    auto stmt = Stmt::Prepare(db.get(), spec.sql);
    if (!stmt) return tl::unexpected(stmt.error());
    *spec.stmt = std::move(*stmt);
  }
  return {};
}

Result<Store> Store::Open(const std::string& path, const StoreOptions& options) {
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (!options.read_only && options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  DbHandle db(raw);
  if (rc != SQLITE_OK) {
    const ErrorCode code = (rc & 0xff) == SQLITE_CANTOPEN ? ErrorCode::kNotFound : ErrorCode::kIo;
    return MakeError(code, path + ": cannot open store: " +
                               (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(db.get(), options.busy_timeout_ms);
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  auto version = store::UserVersion(db.get());
  if (!version) return MakeError(version.error().code, path + ": " + version.error().message);
  if (options.read_only) {
    if (*version != kStoreSchemaVersion) {
      return MakeError(*version > 0 ? ErrorCode::kUnsupported : ErrorCode::kCorrupt,
                       path + ": store schema version " + std::to_string(*version) +
                           ", expected " + std::to_string(kStoreSchemaVersion) +
                           (*version < kStoreSchemaVersion && *version > 0
                                ? " (open it once with `sitrep ingest` to migrate)"
                                : ""));
    }
  } else {
    if (auto s = store::CheckOwnership(db.get()); !s)
      return MakeError(s.error().code, path + ": " + s.error().message);
    // WAL: readers never block the writer, and a commit is one append.
    // synchronous=NORMAL keeps every commit atomic; only a power cut (not a
    // killed process) may lose the last commits.
    if (auto s = Exec(db.get(), "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"); !s)
      return MakeError(s.error().code, path + ": " + s.error().message);
    if (auto s = store::MigrateTo(db.get(), kStoreSchemaVersion); !s)
      return MakeError(s.error().code, path + ": " + s.error().message);
  }
  sqlite3_create_function_v2(db.get(), "sitrep_distance_km", 4,
                             SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, DistanceFunction,
                             nullptr, nullptr, nullptr);
  impl->db = std::move(db);
  if (!options.read_only) {
    if (auto s = impl->Prepare(); !s) return tl::unexpected(s.error());
  }
  return Store(std::move(impl));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<IngestOutcome> Store::Ingest(const StoredArticle& article, std::span<const Event> events) {
  if (article.content_hash.empty()) {
    return MakeError(ErrorCode::kInvalidInput, article.article_id + ": no content hash");
  }
  if (impl_->options.read_only) {
    return MakeError(ErrorCode::kInvalidInput, impl_->path + ": store opened read-only");
  }
  sqlite3* db = impl_->db.get();
  if (auto s = Exec(db, "BEGIN IMMEDIATE"); !s) return tl::unexpected(s.error());
  impl_->pending_cache.clear();
  auto outcome = impl_->IngestLocked(article, events);
  if (!outcome) {
    (void)Exec(db, "ROLLBACK");
    impl_->pending_cache.clear();
    return MakeError(outcome.error().code, article.article_id + ": " + outcome.error().message);
  }
  if (auto s = Exec(db, "COMMIT"); !s) {
    (void)Exec(db, "ROLLBACK");
    impl_->pending_cache.clear();
    return MakeError(s.error().code, article.article_id + ": " + s.error().message);
  }
  if (impl_->report_cache.size() + impl_->pending_cache.size() > Impl::kReportCacheLimit) {
    impl_->report_cache.clear();
  }
  for (auto& [rowid, item] : impl_->pending_cache) impl_->report_cache.emplace(rowid, std::move(item));
  impl_->pending_cache.clear();
  return outcome;
}

Result<std::shared_ptr<const MergeItem>> Store::Impl::LoadReport(int64_t report_rowid) {
  if (auto it = report_cache.find(report_rowid); it != report_cache.end()) return it->second;
  load_report.Reset().Bind(1, report_rowid);
  auto row = load_report.Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return MakeError(ErrorCode::kCorrupt, "report " + std::to_string(report_rowid) + " missing");
  MergeItem item;
  item.report_index = static_cast<uint32_t>(load_report.Int(0));
  auto event = store::DecodeRecord(load_report.Text(1));
  if (!event) return tl::unexpected(event.error());
  item.event = std::move(*event);
  item.content_hash = load_report.Text(2);
  if (!load_report.IsNull(3)) item.pub_date = ParseIsoDate(load_report.Text(3));
  item.article_source = load_report.Text(4);
  load_report.Reset();
  auto shared = std::make_shared<const MergeItem>(std::move(item));
  pending_cache.emplace_back(report_rowid, shared);
  return shared;
}

Status Store::Impl::InsertEvent(const Event& merged, std::span<const MergeItem> items,
                                std::span<const size_t> members,
                                std::span<const int64_t> rowids) {
  std::set<std::string> articles;
  for (size_t member : members) articles.insert(items[member].content_hash);
  const Location& l = merged.location;
  std::optional<int64_t> day;
  if (merged.event_date) day = ToDays(*merged.event_date);
  insert_event.Reset()
      .Bind(1, merged.event_id)
      .Bind(2, merged.event_type)
      .Bind(3, merged.sub_event_type)
      .Bind(4, OptIso(merged.event_date))
      .Bind(5, day)
      .Bind(6, DatePrecisionName(merged.date_precision))
      .Bind(7, l.country)
      .Bind(8, l.admin1)
      .Bind(9, l.admin2)
      .Bind(10, l.name)
      .Bind(11, l.lat)
      .Bind(12, l.lon)
      .Bind(13, l.geo_precision)
      .Bind(14, merged.actor1)
      .Bind(15, merged.actor2)
      .Bind(16, merged.fatalities.low)
      .Bind(17, merged.fatalities.best)
      .Bind(18, merged.fatalities.high)
      .Bind(19, merged.injured.low)
      .Bind(20, merged.injured.best)
      .Bind(21, merged.injured.high)
      .Bind(22, merged.lang)
      .Bind(23, static_cast<int64_t>(members.size()))
      .Bind(24, static_cast<int64_t>(articles.size()))
      .Bind(25, store::EncodeRecord(merged));
  if (auto s = insert_event.Run(); !s) return s;
  const int64_t event_rowid = sqlite3_last_insert_rowid(db.get());
  if (l.has_coordinates()) {
    const double day_min = day ? static_cast<double>(*day) : -1e7;
    const double day_max = day ? static_cast<double>(*day) : 1e7;
    insert_event_rtree.Reset()
        .Bind(1, event_rowid)
        .Bind(2, day_min)
        .Bind(3, day_max)
        .Bind(4, *l.lat)
        .Bind(5, *l.lat)
        .Bind(6, *l.lon)
        .Bind(7, *l.lon);
    if (auto s = insert_event_rtree.Run(); !s) return s;
  }
  for (size_t member : members) {
    insert_link.Reset().Bind(1, rowids[member]).Bind(2, event_rowid);
    if (auto s = insert_link.Run(); !s) return s;
  }
  return {};
}

Result<IngestOutcome> Store::Impl::IngestLocked(const StoredArticle& article,
                                                std::span<const Event> events) {
  IngestOutcome outcome;
  find_hash.Reset().Bind(1, article.content_hash);
  auto found = find_hash.Step();
  if (!found) return tl::unexpected(found.error());
  if (*found) {
    outcome.duplicate = true;
    outcome.existing_article_id = find_hash.Text(0);
    find_hash.Reset();
    return outcome;
  }
  find_hash.Reset();

  insert_article.Reset()
      .Bind(1, article.article_id)
      .Bind(2, article.url)
      .Bind(3, article.source)
      .Bind(4, article.title)
      .Bind(5, article.lang)
      .Bind(6, OptIso(article.pub_date))
      .Bind(7, article.text)
      .Bind(8, article.content_hash);
  if (auto s = insert_article.Run(); !s) return tl::unexpected(s.error());
  const int64_t article_rowid = sqlite3_last_insert_rowid(db.get());
  insert_fts.Reset().Bind(1, article_rowid).Bind(2, article.title).Bind(3, article.text);
  if (auto s = insert_fts.Run(); !s) return tl::unexpected(s.error());

  // The new reports; stored reports join `items` as the re-merge reaches them.
  std::vector<std::shared_ptr<const MergeItem>> items;
  std::vector<int64_t> rowids;
  std::unordered_map<int64_t, size_t> index_of;  // report rowid -> items index
  std::vector<bool> is_new;
  const MergeOptions& merge = options.merge;
  for (size_t i = 0; i < events.size(); ++i) {
    MergeItem item;
    item.event = events[i];
    item.event.article_id = article.article_id;
    item.event.event_id.clear();
    for (Report& report : item.event.reports) report.article_id = article.article_id;
    item.content_hash = article.content_hash;
    item.report_index = static_cast<uint32_t>(i);
    item.pub_date = article.pub_date;
    item.article_source = article.source;
    const Event& e = item.event;
    const Location& l = e.location;
    const std::optional<DayWindow> window = EventDayWindow(e, merge);
    const Stance stance = e.reports.empty() ? Stance::kAsserts : e.reports.front().stance;
    const std::string& source = e.reports.empty() ? article.source : e.reports.front().source;
    insert_report.Reset()
        .Bind(1, article_rowid)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, e.event_type)
        .Bind(4, e.sub_event_type)
        .Bind(5, OptIso(e.event_date))
        .Bind(6, window ? std::optional<int64_t>(window->first_day) : std::nullopt)
        .Bind(7, window ? std::optional<int64_t>(window->last_day) : std::nullopt)
        .Bind(8, l.country)
        .Bind(9, l.admin1)
        .Bind(10, l.name)
        .Bind(11, l.lat)
        .Bind(12, l.lon)
        .Bind(13, l.geo_precision)
        .Bind(14, e.actor1)
        .Bind(15, e.actor2)
        .Bind(16, source)
        .Bind(17, StanceName(stance))
        .Bind(18, JoinSources(e, article.source))
        .Bind(19, e.fatalities.low)
        .Bind(20, e.fatalities.best)
        .Bind(21, e.fatalities.high)
        .Bind(22, e.injured.low)
        .Bind(23, e.injured.best)
        .Bind(24, e.injured.high)
        .Bind(25, store::EncodeEvidence(e.evidence))
        .Bind(26, store::EncodeRecord(e));
    if (auto s = insert_report.Run(); !s) return tl::unexpected(s.error());
    const int64_t rowid = sqlite3_last_insert_rowid(db.get());
    if (window) {
      const store::RtreeBox box = store::StoredReportBox(window->first_day, window->last_day, l.lat,
                                                         l.lon, l.geo_precision, merge);
      insert_report_rtree.Reset()
          .Bind(1, rowid)
          .Bind(2, box.day_min)
          .Bind(3, box.day_max)
          .Bind(4, box.lat_min)
          .Bind(5, box.lat_max)
          .Bind(6, box.lon_min)
          .Bind(7, box.lon_max);
      if (auto s = insert_report_rtree.Run(); !s) return tl::unexpected(s.error());
    }
    index_of[rowid] = items.size();
    auto shared = std::make_shared<const MergeItem>(std::move(item));
    pending_cache.emplace_back(rowid, shared);
    items.push_back(std::move(shared));
    rowids.push_back(rowid);
    is_new.push_back(true);
  }
  outcome.report_count = events.size();

  // The re-merge. Clustering places reports greedily in canonical order, so
  // every report before the earliest new one (`threshold`) keeps its group.
  // Only reports after it can move: those reachable from the new reports
  // through CanMerge, directly or through one earlier report (a group-mate
  // whose group they may now join or leave). docs/merge.md, "Determinism".
  using Key = std::tuple<int64_t, std::string, uint32_t>;
  auto key_of = [&](size_t i) {
    const auto window = EventDayWindow(items[i]->event, merge);
    return Key{window ? window->first_day : std::numeric_limits<int64_t>::max(),
               items[i]->content_hash, items[i]->report_index};
  };
  std::vector<Key> keys;
  for (size_t i = 0; i < items.size(); ++i) keys.push_back(key_of(i));
  std::optional<Key> threshold;
  for (size_t i = 0; i < items.size(); ++i) {
    if (std::get<0>(keys[i]) != std::numeric_limits<int64_t>::max() && (!threshold || keys[i] < *threshold))
      threshold = keys[i];
  }
  auto add_node = [&](int64_t rowid) -> Result<size_t> {
    if (auto it = index_of.find(rowid); it != index_of.end()) return it->second;
    auto loaded = LoadReport(rowid);
    if (!loaded) return tl::unexpected(loaded.error());
    index_of[rowid] = items.size();
    items.push_back(std::move(*loaded));
    rowids.push_back(rowid);
    is_new.push_back(false);
    keys.push_back(key_of(items.size() - 1));
    return items.size() - 1;
  };
  // The stored reports CanMerge accepts with node `i` (rtree, then the rule).
  auto neighbours = [&](size_t i) -> Result<std::vector<size_t>> {
    std::vector<size_t> out;
    const std::optional<DayWindow> window = EventDayWindow(items[i]->event, merge);
    if (!window) return out;  // undated reports never merge
    const Location& l = items[i]->event.location;
    std::vector<int64_t> found_ids;
    for (const store::RtreeBox& box : store::CandidateBoxes(
             window->first_day, window->last_day, l.lat, l.lon, l.geo_precision, merge)) {
      candidates.Reset()
          .Bind(1, box.day_min)
          .Bind(2, box.day_max)
          .Bind(3, box.lat_min)
          .Bind(4, box.lat_max)
          .Bind(5, box.lon_min)
          .Bind(6, box.lon_max);
      while (true) {
        auto row = candidates.Step();
        if (!row) return tl::unexpected(row.error());
        if (!*row) break;
        found_ids.push_back(candidates.Int(0));
      }
      candidates.Reset();
    }
    std::sort(found_ids.begin(), found_ids.end());
    found_ids.erase(std::unique(found_ids.begin(), found_ids.end()), found_ids.end());
    for (int64_t id : found_ids) {
      if (id == rowids[i]) continue;
      auto node = add_node(id);
      if (!node) return tl::unexpected(node.error());
      if (CanMerge(items[i]->event, items[*node]->event, merge).merge()) out.push_back(*node);
    }
    return out;
  };
  std::vector<bool> movable(items.size(), true);  // new reports, then later ones reached
  std::vector<bool> bridged(items.size(), false);
  auto grow = [&] {
    movable.resize(items.size(), false);
    bridged.resize(items.size(), false);
  };
  std::deque<size_t> frontier;
  for (size_t i = 0; i < items.size(); ++i) frontier.push_back(i);
  while (threshold && !frontier.empty()) {
    const size_t current = frontier.front();
    frontier.pop_front();
    auto near = neighbours(current);
    if (!near) return tl::unexpected(near.error());
    grow();
    for (size_t n : *near) {
      if (movable[n]) continue;
      if (keys[n] > *threshold) {
        movable[n] = true;
        frontier.push_back(n);
        continue;
      }
      if (bridged[n]) continue;
      bridged[n] = true;
      auto second = neighbours(n);
      if (!second) return tl::unexpected(second.error());
      grow();
      for (size_t m : *second) {
        if (!movable[m] && keys[m] > *threshold) {
          movable[m] = true;
          frontier.push_back(m);
        }
      }
    }
  }
  grow();

  // The groups a movable report is in or may join: every group with a
  // member that is movable or a bridge, loaded with all of its members.
  std::set<int64_t> old_events;
  const size_t reached = items.size();
  for (size_t i = 0; i < reached; ++i) {
    if (is_new[i] || !(movable[i] || bridged[i])) continue;
    event_of_report.Reset().Bind(1, rowids[i]);
    auto row = event_of_report.Step();
    if (!row) return tl::unexpected(row.error());
    if (*row) old_events.insert(event_of_report.Int(0));
    event_of_report.Reset();
  }
  // An old event whose members are exactly a new group is unchanged (the
  // merged record is a function of its members): it is left as it is.
  std::map<std::vector<int64_t>, int64_t> old_by_members;
  std::unordered_map<int64_t, int64_t> event_of;  // report rowid -> old event rowid
  for (int64_t event_rowid : old_events) {
    std::vector<int64_t> members;
    event_members.Reset().Bind(1, event_rowid);
    while (true) {
      auto row = event_members.Step();
      if (!row) return tl::unexpected(row.error());
      if (!*row) break;
      members.push_back(event_members.Int(0));
    }
    event_members.Reset();
    for (int64_t member : members) event_of[member] = event_rowid;
    old_by_members[std::move(members)] = event_rowid;
  }
  // The replay set: the new and movable reports, and every member of the
  // loaded groups. Members before the threshold keep their group.
  std::vector<size_t> replay;
  for (size_t i = 0; i < reached; ++i) {
    if (is_new[i] || movable[i]) replay.push_back(i);
  }
  for (const auto& [rowid, event_rowid] : event_of) {
    auto node = add_node(rowid);
    if (!node) return tl::unexpected(node.error());
    grow();
    if (!is_new[*node] && !movable[*node]) replay.push_back(*node);
  }
  std::sort(replay.begin(), replay.end());
  replay.erase(std::unique(replay.begin(), replay.end()), replay.end());
  std::vector<MergeItem> plain;  // the merge works on values
  std::vector<int64_t> fixed;
  std::vector<int64_t> plain_rowids;
  std::vector<bool> plain_new;
  plain.reserve(replay.size());
  for (size_t i : replay) {
    plain.push_back(*items[i]);
    plain_rowids.push_back(rowids[i]);
    plain_new.push_back(is_new[i]);
    const bool before = threshold && keys[i] < *threshold;
    auto it = event_of.find(rowids[i]);
    fixed.push_back(before && it != event_of.end() ? it->second : -1);
  }
  const std::vector<std::vector<size_t>> groups = ReclusterReports(plain, fixed, merge);
  std::vector<bool> keep(groups.size(), false);
  for (size_t g = 0; g < groups.size(); ++g) {
    std::vector<int64_t> members;
    for (size_t m : groups[g]) members.push_back(plain_rowids[m]);
    std::sort(members.begin(), members.end());
    if (auto it = old_by_members.find(members); it != old_by_members.end()) {
      keep[g] = true;
      old_by_members.erase(it);
    }
  }
  for (const auto& [members, event_rowid] : old_by_members) {
    for (Stmt* stmt : {&delete_links, &delete_event_rtree, &delete_event}) {
      stmt->Reset().Bind(1, event_rowid);
      if (auto s = stmt->Run(); !s) return tl::unexpected(s.error());
    }
  }
  outcome.touched_event_count = old_by_members.size();

  for (size_t g = 0; g < groups.size(); ++g) {
    const std::vector<size_t>& group = groups[g];
    if (keep[g]) continue;
    const Event merged = MergeCluster(plain, group, merge);
    if (auto s = InsertEvent(merged, plain, group, plain_rowids); !s) return tl::unexpected(s.error());
    size_t new_members = 0;
    for (size_t member : group) new_members += plain_new[member] ? 1 : 0;
    if (new_members == 0) continue;
    if (new_members == group.size()) {
      ++outcome.new_event_count;
    } else {
      outcome.merged_report_count += new_members;
    }
  }
  return outcome;
}

Status Store::ForEachEvent(const EventQuery& query,
                           const std::function<bool(const Event&)>& on_event) const {
  std::string sql = "SELECT e.record FROM ";
  std::vector<std::function<void(Stmt&, int)>> binds;
  auto bind_text = [&](std::string value) {
    binds.push_back([value = std::move(value)](Stmt& s, int i) { s.Bind(i, value); });
  };
  auto bind_double = [&](double value) {
    binds.push_back([value](Stmt& s, int i) { s.Bind(i, value); });
  };
  auto bind_int = [&](int64_t value) {
    binds.push_back([value](Stmt& s, int i) { s.Bind(i, value); });
  };
  std::vector<std::string> where;
  const bool spatial = query.near.has_value() || query.bbox.has_value();
  if (spatial) {
    // The R*Tree leads: a radius and a date window select few boxes.
    sql += "event_rtree g CROSS JOIN events e ON e.id = g.id";
    double lat_min = -90, lat_max = 90, lon_min = -180, lon_max = 180;
    if (query.near) {
      lat_min = query.near->lat - store::LatPadDegrees(query.near->radius_km);
      lat_max = query.near->lat + store::LatPadDegrees(query.near->radius_km);
      lon_min = query.near->lon - store::LonPadDegrees(query.near->lat, query.near->radius_km);
      lon_max = query.near->lon + store::LonPadDegrees(query.near->lat, query.near->radius_km);
    }
    if (query.bbox) {
      lat_min = std::max(lat_min, query.bbox->min_lat);
      lat_max = std::min(lat_max, query.bbox->max_lat);
      lon_min = std::max(lon_min, query.bbox->min_lon);
      lon_max = std::min(lon_max, query.bbox->max_lon);
    }
    where.push_back("g.lat_max >= ? AND g.lat_min <= ? AND g.lon_max >= ? AND g.lon_min <= ?");
    bind_double(lat_min);
    bind_double(lat_max);
    bind_double(lon_min);
    bind_double(lon_max);
    if (query.from) {
      where.push_back("g.day_max >= ?");
      bind_double(static_cast<double>(ToDays(*query.from)));
    }
    if (query.to) {
      where.push_back("g.day_min <= ?");
      bind_double(static_cast<double>(ToDays(*query.to)));
    }
    if (query.near) {
      where.push_back("sitrep_distance_km(e.lat, e.lon, ?, ?) <= ?");
      bind_double(query.near->lat);
      bind_double(query.near->lon);
      bind_double(query.near->radius_km);
    }
    if (query.bbox) {
      where.push_back("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?");
      bind_double(query.bbox->min_lat);
      bind_double(query.bbox->max_lat);
      bind_double(query.bbox->min_lon);
      bind_double(query.bbox->max_lon);
    }
  } else {
    sql += "events e";
  }
  if (query.from) {
    where.push_back("e.event_day >= ?");
    bind_int(ToDays(*query.from));
  }
  if (query.to) {
    where.push_back("e.event_day <= ?");
    bind_int(ToDays(*query.to));
  }
  if (!query.event_type.empty()) {
    where.push_back("e.event_type = ?");
    bind_text(query.event_type);
  }
  if (!query.sub_event_type.empty()) {
    where.push_back("e.sub_event_type = ?");
    bind_text(query.sub_event_type);
  }
  if (!query.actor.empty()) {
    where.push_back("(e.actor1 LIKE ? ESCAPE '\\' OR e.actor2 LIKE ? ESCAPE '\\')");
    bind_text(LikePattern(query.actor));
    bind_text(LikePattern(query.actor));
  }
  if (!query.country.empty()) {
    where.push_back("e.country = ? COLLATE NOCASE");
    bind_text(query.country);
  }
  if (!query.admin1.empty()) {
    where.push_back("e.admin1 = ? COLLATE NOCASE");
    bind_text(query.admin1);
  }
  if (query.min_killed) {
    where.push_back("coalesce(e.fatalities_best, e.fatalities_low, e.fatalities_high) >= ?");
    bind_int(*query.min_killed);
  }
  if (query.min_injured) {
    where.push_back("coalesce(e.injured_best, e.injured_low, e.injured_high) >= ?");
    bind_int(*query.min_injured);
  }
  const char* kMembers =
      "EXISTS (SELECT 1 FROM event_reports er JOIN reports r ON r.id = er.report "
      "JOIN articles a ON a.id = r.article WHERE er.event = e.id AND ";
  if (!query.lang.empty()) {
    where.push_back(std::string(kMembers) + "a.lang = ? COLLATE NOCASE)");
    bind_text(query.lang);
  }
  if (!query.source.empty()) {
    where.push_back(std::string(kMembers) + "r.sources LIKE ? ESCAPE '\\')");
    bind_text(LikePattern(query.source));
  }
  if (!query.text.empty()) {
    where.push_back(std::string(kMembers) +
                    "a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?))");
    bind_text(query.text);
  }
  for (size_t i = 0; i < where.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + where[i];
  sql += " ORDER BY e.event_day IS NULL, e.event_day, e.event_id";
  if (query.limit) {
    sql += " LIMIT ?";
    bind_int(static_cast<int64_t>(*query.limit));
  }
  auto stmt = Stmt::Prepare(impl_->db.get(), sql);
  if (!stmt) return tl::unexpected(stmt.error());
  for (size_t i = 0; i < binds.size(); ++i) binds[i](*stmt, static_cast<int>(i + 1));
  while (true) {
    auto row = stmt->Step();
    if (!row) {
      if (!query.text.empty()) {
        return MakeError(ErrorCode::kInvalidInput,
                         "text query '" + query.text + "': " + row.error().message);
      }
      return tl::unexpected(row.error());
    }
    if (!*row) break;
    auto event = store::DecodeRecord(stmt->Text(0));
    if (!event) return tl::unexpected(event.error());
    if (!on_event(*event)) break;
  }
  return {};
}

Result<std::vector<Event>> Store::Query(const EventQuery& query) const {
  std::vector<Event> events;
  auto status = ForEachEvent(query, [&](const Event& e) {
    events.push_back(e);
    return true;
  });
  if (!status) return tl::unexpected(status.error());
  return events;
}

Result<Event> Store::GetEvent(const std::string& event_id) const {
  auto stmt = Stmt::Prepare(impl_->db.get(), "SELECT record FROM events WHERE event_id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, event_id);
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return MakeError(ErrorCode::kNotFound, "no event " + event_id);
  return store::DecodeRecord(stmt->Text(0));
}

namespace {

StoredArticle ReadArticle(const Stmt& stmt, int first_col) {
  StoredArticle a;
  a.article_id = stmt.Text(first_col + 0);
  a.url = stmt.Text(first_col + 1);
  a.source = stmt.Text(first_col + 2);
  a.title = stmt.Text(first_col + 3);
  a.lang = stmt.Text(first_col + 4);
  if (!stmt.IsNull(first_col + 5)) a.pub_date = ParseIsoDate(stmt.Text(first_col + 5));
  a.text = stmt.Text(first_col + 6);
  a.content_hash = stmt.Text(first_col + 7);
  return a;
}

constexpr const char* kArticleColumns =
    "a.article_id, a.url, a.source, a.title, a.lang, a.pub_date, a.text, a.content_hash";

}  // namespace

Result<std::vector<StoredReport>> Store::GetEventReports(const std::string& event_id) const {
  auto stmt = Stmt::Prepare(
      impl_->db.get(),
      std::string("SELECT r.report_index, r.record, ") + kArticleColumns +
          " FROM events e JOIN event_reports er ON er.event = e.id JOIN reports r ON r.id = "
          "er.report JOIN articles a ON a.id = r.article WHERE e.event_id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, event_id);
  std::vector<StoredReport> reports;
  while (true) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    StoredReport report;
    report.report_index = static_cast<uint32_t>(stmt->Int(0));
    auto event = store::DecodeRecord(stmt->Text(1));
    if (!event) return tl::unexpected(event.error());
    report.event = std::move(*event);
    report.article = ReadArticle(*stmt, 2);
    reports.push_back(std::move(report));
  }
  if (reports.empty()) return MakeError(ErrorCode::kNotFound, "no event " + event_id);
  // Canonical order, as the merge saw them.
  std::vector<MergeItem> items;
  for (const StoredReport& r : reports) {
    MergeItem item;
    item.event = r.event;
    item.content_hash = r.article.content_hash;
    item.report_index = r.report_index;
    items.push_back(std::move(item));
  }
  std::vector<StoredReport> ordered;
  for (size_t idx : CanonicalOrder(items, impl_->options.merge)) ordered.push_back(reports[idx]);
  return ordered;
}

Result<std::vector<StoredArticle>> Store::FindArticles(const std::string& article_id) const {
  auto stmt = Stmt::Prepare(impl_->db.get(), std::string("SELECT ") + kArticleColumns +
                                                 " FROM articles a WHERE a.article_id = ? "
                                                 "ORDER BY a.content_hash");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, article_id);
  std::vector<StoredArticle> articles;
  while (true) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    articles.push_back(ReadArticle(*stmt, 0));
  }
  return articles;
}

Result<StoreStats> Store::Stats() const {
  StoreStats stats;
  auto count = [&](const char* sql, int64_t* out) -> Status {
    auto stmt = Stmt::Prepare(impl_->db.get(), sql);
    if (!stmt) return tl::unexpected(stmt.error());
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    *out = *row ? stmt->Int(0) : 0;
    return {};
  };
  if (auto s = count("SELECT count(*) FROM articles", &stats.article_count); !s)
    return tl::unexpected(s.error());
  if (auto s = count("SELECT count(*) FROM reports", &stats.report_count); !s)
    return tl::unexpected(s.error());
  if (auto s = count("SELECT count(*) FROM events", &stats.event_count); !s)
    return tl::unexpected(s.error());
  std::error_code ec;
  for (const std::string& file : {impl_->path, impl_->path + "-wal"}) {
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec) stats.file_bytes += static_cast<int64_t>(size);
  }
  return stats;
}

Result<std::string> Store::IntegrityCheck() const {
  auto stmt = Stmt::Prepare(impl_->db.get(), "PRAGMA integrity_check");
  if (!stmt) return tl::unexpected(stmt.error());
  std::string answer;
  while (true) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    if (!answer.empty()) answer += '\n';
    answer += stmt->Text(0);
  }
  return answer;
}

Result<int> Store::SchemaVersion() const { return store::UserVersion(impl_->db.get()); }

}  // namespace sitrep
