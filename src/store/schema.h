// The store's schema and its migrations (docs/store.md). Internal.
#pragma once

#include <sqlite3.h>

#include "sitrep/error.h"

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

}  // namespace sitrep::store
