// Fuzzes the admin1CodesASCII/admin2Codes and countryInfo loaders (the
// first input byte picks which): rows or reported skips.
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
  // Linear parsers; 256 KiB is plenty of rows per run.
  if (size == 0 || size > (256u << 10)) return 0;
  const bool country_info = (data[0] & 1) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  sitrep::CollectingSink sink;
  size_t rows = 0;
  sitrep::LoadStats stats;
  if (country_info) {
    stats = sitrep::ParseCountryInfo(text, "countryInfo.txt", sink,
                                     [&](sitrep::CountryInfoRow&& row) {
                                       ++rows;
                                       Check(row.iso2.size() == 2 && row.iso3.size() == 3);
                                       Check(!row.name.empty());
                                     });
  } else {
    stats = sitrep::ParseAdminCodes(text, "admin.txt", sink, [&](sitrep::AdminCodeRow&& row) {
      ++rows;
      Check(row.code.size() >= 4 && row.code[2] == '.');
      Check(!row.name.empty() && sitrep::IsValidUtf8(row.name));
      Check(row.geonameid >= 0);
    });
  }
  Check(stats.rows == rows);
  Check(stats.skipped == sink.skipped_count());
  return 0;
}
