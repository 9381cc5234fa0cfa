// Small geographic helpers shared by assembly, merge and eval.
#pragma once

namespace sitrep {

// Great-circle distance in kilometres between two WGS84 points (haversine,
// mean Earth radius). Thread-safe.
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace sitrep
