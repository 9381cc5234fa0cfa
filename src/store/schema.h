// The store's schema and its migrations (docs/store.md). Internal.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "sitrep/error.h"
#include "sitrep/merge.h"

namespace sitrep::store {

// Reads PRAGMA user_version.
Result<int> UserVersion(sqlite3* db);

// Fails with kCorrupt when the file holds tables but no schema version: a
// database that is not a sitrep store, which must not be touched.
Status CheckOwnership(sqlite3* db);

// Brings the schema from its current user_version up to `target`, one
// migration per version, each in its own transaction with the version bump.
// Fails with kUnsupported when the file is newer than `target`, kCorrupt when
// it holds tables but no sitrep schema.
Status MigrateTo(sqlite3* db, int target);

// Pads (in degrees) of a point's box in the report R*Tree: a box around the
// point wide enough that two points within `radius_km` have overlapping boxes.
double LatPadDegrees(double radius_km);
double LonPadDegrees(double lat, double radius_km);

// A box in report_rtree / event_rtree: days, then latitude, then longitude.
struct RtreeBox {
  double day_min, day_max, lat_min, lat_max, lon_min, lon_max;
};

// The box a report occupies in report_rtree: its window of days and a box
// around its point, padded by the near radius (geo_precision 3: by
// radius_region_max_km). A report without coordinates sits in a sentinel box
// outside the globe, so that it never widens the tree's boxes.
RtreeBox StoredReportBox(int64_t first_day, int64_t last_day, std::optional<double> lat,
                         std::optional<double> lon, int geo_precision,
                         const MergeOptions& options);

// The boxes a candidate search for such a report reads: its window widened
// by the date slack, around its point padded by the merge radius (region:
// radius_region_max_km), and the sentinel box; the whole plane when it has
// no coordinates. Any report CanMerge accepts lies in one of them.
std::vector<RtreeBox> CandidateBoxes(int64_t first_day, int64_t last_day, std::optional<double> lat,
                                     std::optional<double> lon, int geo_precision,
                                     const MergeOptions& options);

}  // namespace sitrep::store
