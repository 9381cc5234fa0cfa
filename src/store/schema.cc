#include "store/schema.h"

#include <algorithm>
#include <optional>
#include <vector>
#include <cmath>
#include <string>

#include "sitrep/store.h"
#include "store/sqlite.h"

namespace sitrep::store {
namespace {

// Version 1: the tables. Every row a merge or a query needs.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT '',
  pub_date TEXT,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE
);
CREATE INDEX articles_by_article_id ON articles(article_id);

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(id),
  report_index INTEGER NOT NULL,
  event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  event_date TEXT,
  day_first INTEGER,
  day_last INTEGER,
  country TEXT NOT NULL,
  admin1 TEXT NOT NULL,
  location_name TEXT NOT NULL,
  lat REAL,
  lon REAL,
  geo_precision INTEGER NOT NULL,
  actor1 TEXT NOT NULL,
  actor2 TEXT NOT NULL,
  source TEXT NOT NULL,
  stance TEXT NOT NULL,
  sources TEXT NOT NULL,
  fatalities_low INTEGER, fatalities_best INTEGER, fatalities_high INTEGER,
  injured_low INTEGER, injured_best INTEGER, injured_high INTEGER,
  evidence TEXT NOT NULL,
  record TEXT NOT NULL,
  UNIQUE (article, report_index)
);
CREATE INDEX reports_by_day ON reports(day_first);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  event_date TEXT,
  event_day INTEGER,
  date_precision TEXT NOT NULL,
  country TEXT NOT NULL,
  admin1 TEXT NOT NULL,
  admin2 TEXT NOT NULL,
  location_name TEXT NOT NULL,
  lat REAL,
  lon REAL,
  geo_precision INTEGER NOT NULL,
  actor1 TEXT NOT NULL,
  actor2 TEXT NOT NULL,
  fatalities_low INTEGER, fatalities_best INTEGER, fatalities_high INTEGER,
  injured_low INTEGER, injured_best INTEGER, injured_high INTEGER,
  lang TEXT NOT NULL,
  report_count INTEGER NOT NULL,
  article_count INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX events_by_day ON events(event_day, event_id);
CREATE INDEX events_by_type ON events(event_type, event_day);
CREATE INDEX events_by_country ON events(country, admin1, event_day);

CREATE TABLE event_reports (
  report INTEGER PRIMARY KEY REFERENCES reports(id),
  event INTEGER NOT NULL REFERENCES events(id)
);
CREATE INDEX event_reports_by_event ON event_reports(event);
)sql";

// Version 2: spatial and text indexes, filled from the version-1 rows.
// report_rtree finds merge candidates (a report's day window by a padded box
// around its point; the whole world for region-only or unplaced reports);
// event_rtree serves radius, bbox and date queries; article_fts serves --text.
constexpr const char* kSchemaV2 = R"sql(
CREATE VIRTUAL TABLE report_rtree USING rtree(
  id, day_min, day_max, lat_min, lat_max, lon_min, lon_max);
CREATE VIRTUAL TABLE event_rtree USING rtree(
  id, day_min, day_max, lat_min, lat_max, lon_min, lon_max);
CREATE VIRTUAL TABLE article_fts USING fts5(
  title, text, content='articles', content_rowid='id');
INSERT INTO article_fts(rowid, title, text) SELECT id, title, text FROM articles;
INSERT INTO event_rtree
  SELECT id, coalesce(event_day, -1e7), coalesce(event_day, 1e7), lat, lat, lon, lon
  FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL;
)sql";

// Report boxes need the merge radius, so they are filled in C++.
Status FillReportRtree(sqlite3* db) {
  auto select = Stmt::Prepare(
      db, "SELECT id, day_first, day_last, lat, lon, geo_precision FROM reports "
          "WHERE day_first IS NOT NULL");
  if (!select) return tl::unexpected(select.error());
  auto insert = Stmt::Prepare(db, "INSERT INTO report_rtree VALUES (?,?,?,?,?,?,?)");
  if (!insert) return tl::unexpected(insert.error());
  const MergeOptions options;
  while (true) {
    auto row = select->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    const RtreeBox box = StoredReportBox(select->Int(1), select->Int(2), select->OptDouble(3),
                                         select->OptDouble(4), static_cast<int>(select->Int(5)),
                                         options);
    insert->Reset()
        .Bind(1, select->Int(0))
        .Bind(2, box.day_min)
        .Bind(3, box.day_max)
        .Bind(4, box.lat_min)
        .Bind(5, box.lat_max)
        .Bind(6, box.lon_min)
        .Bind(7, box.lon_max);
    if (auto s = insert->Run(); !s) return s;
  }
  return {};
}

Status ApplyMigration(sqlite3* db, int version) {
  if (auto s = Exec(db, "BEGIN IMMEDIATE"); !s) return s;
  Status status;
  if (version == 1) {
    status = Exec(db, kSchemaV1);
  } else if (version == 2) {
    status = Exec(db, kSchemaV2);
    if (status) status = FillReportRtree(db);
  }
  if (status) status = Exec(db, "PRAGMA user_version = " + std::to_string(version));
  if (!status) {
    (void)Exec(db, "ROLLBACK");
    return MakeError(status.error().code,
                     "migrating store to version " + std::to_string(version) + ": " +
                         status.error().message);
  }
  return Exec(db, "COMMIT");
}

}  // namespace

Result<int> UserVersion(sqlite3* db) {
  auto stmt = Stmt::Prepare(db, "PRAGMA user_version");
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  return *row ? static_cast<int>(stmt->Int(0)) : 0;
}

Status CheckOwnership(sqlite3* db) {
  auto version = UserVersion(db);
  if (!version) return tl::unexpected(version.error());
  if (*version != 0) return {};
  // A fresh file has no tables; anything else at version 0 is not ours.
  auto count = Stmt::Prepare(db, "SELECT count(*) FROM sqlite_schema");
  if (!count) return tl::unexpected(count.error());
  auto row = count->Step();
  if (!row) return tl::unexpected(row.error());
  if (*row && count->Int(0) > 0) {
    return MakeError(ErrorCode::kCorrupt, "not a sitrep store: tables but no schema version");
  }
  return {};
}

Status MigrateTo(sqlite3* db, int target) {
  auto version = UserVersion(db);
  if (!version) return tl::unexpected(version.error());
  if (*version > target) {
    return MakeError(ErrorCode::kUnsupported,
                     "store schema version " + std::to_string(*version) +
                         " is newer than this sitrep reads (" + std::to_string(target) + ")");
  }
  if (auto s = CheckOwnership(db); !s) return s;
  for (int next = *version + 1; next <= target; ++next) {
    if (auto s = ApplyMigration(db, next); !s) return s;
  }
  return {};
}

double LatPadDegrees(double radius_km) { return radius_km / 110.5; }

double LonPadDegrees(double lat, double radius_km) {
  const double edge = std::min(89.0, std::fabs(lat) + LatPadDegrees(radius_km));
  const double km_per_degree = 111.32 * std::cos(edge * 3.14159265358979323846 / 180.0);
  return std::min(360.0, radius_km / std::max(km_per_degree, 1e-3));
}

namespace {

constexpr double kUnplaced = 500.0;  // the sentinel box's corner: off the globe

RtreeBox AroundPoint(double day_min, double day_max, double lat, double lon, double pad_km) {
  return RtreeBox{day_min, day_max, lat - LatPadDegrees(pad_km), lat + LatPadDegrees(pad_km),
                  lon - LonPadDegrees(lat, pad_km), lon + LonPadDegrees(lat, pad_km)};
}

}  // namespace

RtreeBox StoredReportBox(int64_t first_day, int64_t last_day, std::optional<double> lat,
                         std::optional<double> lon, int geo_precision,
                         const MergeOptions& options) {
  const double day_min = static_cast<double>(first_day), day_max = static_cast<double>(last_day);
  if (!lat || !lon) return RtreeBox{day_min, day_max, kUnplaced, kUnplaced, kUnplaced, kUnplaced};
  const double pad = geo_precision >= 3 ? options.radius_region_max_km : options.radius_near_km;
  return AroundPoint(day_min, day_max, *lat, *lon, pad);
}

std::vector<RtreeBox> CandidateBoxes(int64_t first_day, int64_t last_day, std::optional<double> lat,
                                     std::optional<double> lon, int geo_precision,
                                     const MergeOptions& options) {
  const double day_min = static_cast<double>(first_day - options.date_slack_days);
  const double day_max = static_cast<double>(last_day + options.date_slack_days);
  if (!lat || !lon) return {RtreeBox{day_min, day_max, -1000, 1000, -1000, 1000}};
  // The stored boxes are padded too; padding the query by the full radius
  // covers any stored pad.
  const double pad = geo_precision >= 3
                         ? options.radius_region_max_km
                         : std::max(options.radius_near_km, options.radius_place_km);
  return {AroundPoint(day_min, day_max, *lat, *lon, pad),
          RtreeBox{day_min, day_max, kUnplaced, kUnplaced, kUnplaced, kUnplaced}};
}

}  // namespace sitrep::store
