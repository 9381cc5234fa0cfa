// Fuzzes the alternateNamesV2 loader: rows or reported skips, never more.
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
  // Linear parser; 256 KiB is plenty of rows per run.
  if (size > (256u << 10)) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sitrep::CollectingSink sink;
  size_t rows = 0;
  const sitrep::LoadStats stats = sitrep::ParseAlternateNames(
      text, "alt.txt", sink, [&](sitrep::AlternateNameRow&& row) {
        ++rows;
        Check(row.geonameid > 0);
        Check(!row.name.empty() && sitrep::IsValidUtf8(row.name));
      });
  Check(stats.rows == rows);
  Check(stats.skipped == sink.skipped_count());
  return 0;
}
