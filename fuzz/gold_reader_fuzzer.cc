// Fuzzes the gold reader (ParseGoldLine) and scores what it reads against
// itself. Invariants: a parsed article has an id; evaluating gold events
// turned into system events matches each one at most once, and precision
// and recall stay within [0, 1].
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sitrep/eval.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Gold lines are a few KB; longer inputs only slow the JSON parser down.
  if (size > 64 * 1024) return 0;
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  auto gold = sitrep::ParseGoldLine(line, "fuzz:1");
  if (!gold) {
    if (gold.error().message.rfind("fuzz:1", 0) != 0) __builtin_trap();
    return 0;
  }
  if (gold->article.id.empty()) __builtin_trap();
  std::vector<sitrep::Event> system;
  for (const auto& g : gold->events) {
    sitrep::Event e;
    e.event_type = g.event_type;
    e.event_date = g.event_date;
    e.location.name = g.location_name;
    e.location.lat = g.lat;
    e.location.lon = g.lon;
    system.push_back(e);
  }
  const auto report = sitrep::Evaluate({*gold}, {system});
  const auto& s = report.overall;
  if (s.matched > s.gold_events || s.matched > s.system_events) __builtin_trap();
  if (s.Precision() < 0 || s.Precision() > 1 || s.Recall() < 0 || s.Recall() > 1) __builtin_trap();
  return 0;
}
