// Output: the event record as JSON (DESIGN.md's shape), JSON Lines, CSV in
// ACLED's column names, and GeoJSON. The library writes to a std::ostream;
// only the CLI decides where that goes.
//
//   WriteJsonl(std::cout, result.events);
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "sitrep/event.h"

namespace sitrep {

enum class OutputFormat { kJsonl, kJson, kCsv, kGeoJson };

// Parses "jsonl", "json", "csv", "geojson".
bool ParseOutputFormat(const std::string& name, OutputFormat* format);

// One event as a compact JSON object (DESIGN.md's record). Thread-safe.
std::string EventToJson(const Event& event);

// ACLED's column names, in order, for the CSV header.
const std::vector<std::string>& AcledCsvColumns();
// One event as a CSV row (RFC 4180 quoting) of AcledCsvColumns().
std::string EventToCsvRow(const Event& event);

// Streams events in a format: JSON Lines writes one a line as they come;
// JSON and GeoJSON write one document, so call Begin, Write..., End.
class EventWriter {
 public:
  EventWriter(std::ostream& out, OutputFormat format);
  void Begin();
  void Write(const Event& event);
  void End();

 private:
  std::ostream& out_;
  OutputFormat format_;
  size_t written_ = 0;
};

}  // namespace sitrep
