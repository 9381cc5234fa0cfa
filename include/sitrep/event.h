// The event record: the contract every output format, the store and the
// eval are drawn from (see DESIGN.md, "Event record"). Field names follow
// ACLED where ACLED has one.
//
// Every field is auditable: `evidence` maps a field name to the byte spans
// of the article's normalised text that support it. Uncertainty is a value:
// counts are ranges, dates have a precision and a window, places a
// geo_precision, the whole record a confidence.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/date.h"
#include "sitrep/text.h"

namespace sitrep {

// A count that may be vague: "at least 20" is {20, 20, nullopt},
// "une trentaine" is {25, 30, 35}, "dozens" is {12, nullopt, 99}.
struct CountRange {
  std::optional<int64_t> low;
  std::optional<int64_t> best;
  std::optional<int64_t> high;

  bool known() const { return low || best || high; }
  // The figure ACLED-style exports take: best, else low, else high.
  std::optional<int64_t> Point() const { return best ? best : (low ? low : high); }
  friend bool operator==(const CountRange&, const CountRange&) = default;
};

enum class DatePrecision { kDay, kWeek, kMonth, kUnknown };
const char* DatePrecisionName(DatePrecision precision);  // "day", "week", ...

struct Location {
  std::string name;      // as the gazetteer names it ("Kurylivka"), or as written
  std::string mention;   // the words in the text ("près du village de Kurylivka")
  std::string admin1;    // common English name of the first-order division
  std::string admin2;
  std::string country;   // ISO 3166-1 alpha-2, may be empty
  std::optional<double> lat;
  std::optional<double> lon;
  int64_t geonames_id = 0;  // 0 when not geocoded
  int geo_precision = 0;    // 1 place, 2 near/part of, 3 region only; 0 unknown
  std::string note;         // why this place, or what stayed ambiguous

  bool has_coordinates() const { return lat.has_value() && lon.has_value(); }
};

enum class Stance { kAsserts, kDenies, kBlamesOther };
const char* StanceName(Stance stance);  // "asserts", "denies", "blames_other"

// One source's account of the event inside one article.
struct Report {
  std::string article_id;
  std::string source;  // who says it: "Vasyl Malyuk (SBU)", or the outlet
  Stance stance = Stance::kAsserts;
  std::optional<int64_t> fatalities;
  std::optional<int64_t> injured;
  Span span;  // the sentence that carries the claim
};

struct Event {
  std::string event_id;  // stable: derived from article id and evidence
  std::string article_id;
  std::string event_type;      // ACLED type, e.g. "Explosions/Remote violence"
  std::string sub_event_type;  // ACLED sub-event type
  std::optional<Date> event_date;
  DatePrecision date_precision = DatePrecision::kUnknown;
  std::optional<Date> date_earliest;
  std::optional<Date> date_latest;
  Location location;
  std::string actor1;
  std::string actor2;
  CountRange fatalities;
  std::optional<int64_t> fatalities_children;  // "including 10 children"
  CountRange injured;
  std::string weapon;
  std::vector<Report> reports;
  // Field name ("event", "fatalities", "injured", "date", "location",
  // "actor1", "actor2", "weapon") -> supporting spans.
  std::map<std::string, std::vector<Span>> evidence;
  std::string lang;
  double tone = 0.0;        // -1 (hostile wording) .. 1; never changes facts
  double confidence = 0.0;  // 0..1
  std::vector<std::string> notes;  // doubts the engine states, in words
};

}  // namespace sitrep
