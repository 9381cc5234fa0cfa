// Fuzzes the .gaz opener: any bytes must be refused with kCorrupt or
// kUnsupported, or open into an index whose lookups stay inside the
// mapping (every record access is bounds-checked; ASan would see a miss).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sitrep/gazetteer.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // A valid header plus a few sections fits in 1 MiB; bigger inputs only
  // copy more bytes.
  if (size > (1u << 20)) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto gaz = sitrep::Gazetteer::OpenBytes(bytes);
  if (!gaz) {
    const auto code = gaz.error().code;
    Check(code == sitrep::ErrorCode::kCorrupt || code == sitrep::ErrorCode::kUnsupported);
    Check(gaz.error().message.rfind("<memory>: ", 0) == 0);
    return 0;
  }
  // Opened: exercise every reader on it.
  for (const char* name : {"Kharkiv", "Харків", "Lougansk", "a", "Zaporizhzhia"}) {
    for (const auto& c : gaz->Lookup(name)) Check(!c.key.empty());
  }
  for (int64_t id : {int64_t{0}, int64_t{703610}, int64_t{-1}}) (void)gaz->FindById(id);
  (void)gaz->CountryName("UA");
  return 0;
}
