// Fuzzes the geoname-table loader (19 tab-separated columns): any bytes are
// either rows or skipped lines, every skipped line is reported once, and
// the rows that come out hold what the loader promises.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sitrep/gazetteer.h"
#include "sitrep/text.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Parsing is linear in the input; 256 KiB holds many rows and keeps runs fast.
  if (size > (256u << 10)) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sitrep::CollectingSink sink;
  size_t rows = 0;
  const sitrep::LoadStats stats =
      sitrep::ParseGeoNames(text, "fuzz.txt", sink, [&](sitrep::GeoNameRow&& row) {
        ++rows;
        Check(row.geonameid > 0);
        Check(!row.name.empty() && sitrep::IsValidUtf8(row.name));
        Check(std::isfinite(row.latitude) && row.latitude >= -90 && row.latitude <= 90);
        Check(std::isfinite(row.longitude) && row.longitude >= -180 && row.longitude <= 180);
        Check(row.population >= 0);
        Check(row.country_code.empty() || row.country_code.size() == 2);
        for (const auto& alt : row.alternate_names) Check(!alt.empty());
      });
  Check(stats.rows == rows);
  Check(stats.skipped == sink.skipped_count());
  for (const auto& d : sink.Take()) Check(d.where.rfind("fuzz.txt:", 0) == 0);
  return 0;
}
