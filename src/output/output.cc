#include "sitrep/output.h"

#include <nlohmann/json.hpp>

namespace sitrep {
namespace {

using nlohmann::json;

json OptionalInt(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

json RangeToJson(const CountRange& c) {
  return json{{"low", OptionalInt(c.low)}, {"best", OptionalInt(c.best)}, {"high", OptionalInt(c.high)}};
}

json SpansToJson(const std::vector<Span>& spans) {
  json out = json::array();
  for (const Span& s : spans) out.push_back(json::array({s.begin, s.end}));
  return out;
}

json DateOrNull(const std::optional<Date>& d) { return d ? json(FormatIsoDate(*d)) : json(nullptr); }

json EventToJsonValue(const Event& e) {
  json location{{"name", e.location.name},
                {"mention", e.location.mention},
                {"admin1", e.location.admin1},
                {"admin2", e.location.admin2},
                {"country", e.location.country},
                {"lat", e.location.lat ? json(*e.location.lat) : json(nullptr)},
                {"lon", e.location.lon ? json(*e.location.lon) : json(nullptr)},
                {"geonames_id", e.location.geonames_id},
                {"geo_precision", e.location.geo_precision}};
  if (!e.location.note.empty()) location["note"] = e.location.note;
  json fatalities = RangeToJson(e.fatalities);
  fatalities["children"] = OptionalInt(e.fatalities_children);
  json reports = json::array();
  for (const Report& r : e.reports) {
    reports.push_back(json{{"article_id", r.article_id},
                           {"source", r.source},
                           {"stance", StanceName(r.stance)},
                           {"fatalities", OptionalInt(r.fatalities)},
                           {"injured", OptionalInt(r.injured)},
                           {"span", json::array({r.span.begin, r.span.end})}});
  }
  json evidence = json::object();
  for (const auto& [field, spans] : e.evidence) evidence[field] = SpansToJson(spans);
  json out{{"event_id", e.event_id},
           {"article_id", e.article_id},
           {"event_type", e.event_type},
           {"sub_event_type", e.sub_event_type},
           {"event_date", DateOrNull(e.event_date)},
           {"date_precision", DatePrecisionName(e.date_precision)},
           {"date_earliest", DateOrNull(e.date_earliest)},
           {"date_latest", DateOrNull(e.date_latest)},
           {"location", location},
           {"actor1", e.actor1},
           {"actor2", e.actor2},
           {"fatalities", fatalities},
           {"injured", RangeToJson(e.injured)},
           {"weapon", e.weapon},
           {"reports", reports},
           {"evidence", evidence},
           {"lang", e.lang},
           {"tone", e.tone},
           {"confidence", e.confidence}};
  if (!e.notes.empty()) out["notes"] = e.notes;
  return out;
}

std::string CsvQuote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

}  // namespace

bool ParseOutputFormat(const std::string& name, OutputFormat* format) {
  if (name == "jsonl") *format = OutputFormat::kJsonl;
  else if (name == "json") *format = OutputFormat::kJson;
  else if (name == "csv") *format = OutputFormat::kCsv;
  else if (name == "geojson") *format = OutputFormat::kGeoJson;
  else return false;
  return true;
}

std::string EventToJson(const Event& event) {
  return EventToJsonValue(event).dump(-1, ' ', false, json::error_handler_t::replace);
}

const std::vector<std::string>& AcledCsvColumns() {
  // ACLED's export columns that the record fills, then sitrep's own.
  static const std::vector<std::string> kColumns = {
      "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
      "actor1", "actor2", "civilian_targeting", "iso", "country", "admin1", "admin2",
      "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
      "injuries", "confidence", "article_id"};
  return kColumns;
}

std::string EventToCsvRow(const Event& e) {
  auto num = [](const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string(); };
  auto coord = [](const std::optional<double>& v) {
    if (!v) return std::string();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.5f", *v);
    return std::string(buf);
  };
  int time_precision = 0;
  switch (e.date_precision) {
    case DatePrecision::kDay: time_precision = 1; break;
    case DatePrecision::kWeek: time_precision = 2; break;
    case DatePrecision::kMonth: time_precision = 3; break;
    case DatePrecision::kUnknown: time_precision = 0; break;
  }
  std::vector<std::string> sources;
  for (const Report& r : e.reports) {
    if (!r.source.empty() &&
        std::find(sources.begin(), sources.end(), r.source) == sources.end()) {
      sources.push_back(r.source);
    }
  }
  char confidence[16];
  std::snprintf(confidence, sizeof confidence, "%.2f", e.confidence);
  // ACLED exports the most conservative toll.
  const auto fatalities = e.fatalities.low ? e.fatalities.low : e.fatalities.Point();
  const auto injuries = e.injured.low ? e.injured.low : e.injured.Point();
  std::vector<std::string> cells = {
      e.event_id,
      e.event_date ? FormatIsoDate(*e.event_date) : "",
      e.event_date ? std::to_string(e.event_date->year) : "",
      time_precision ? std::to_string(time_precision) : "",
      e.event_type,
      e.sub_event_type,
      e.actor1,
      e.actor2,
      e.actor2.rfind("Civilians", 0) == 0 ? "Civilian targeting" : "",
      e.location.country,
      e.location.country,
      e.location.admin1,
      e.location.admin2,
      e.location.name,
      coord(e.location.lat),
      coord(e.location.lon),
      e.location.geo_precision ? std::to_string(e.location.geo_precision) : "",
      Join(sources, "; "),
      Join(e.notes, "; "),
      num(fatalities),
      num(injuries),
      confidence,
      e.article_id};
  std::string row;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) row += ',';
    row += CsvQuote(cells[i]);
  }
  return row;
}

EventWriter::EventWriter(std::ostream& out, OutputFormat format) : out_(out), format_(format) {}

void EventWriter::Begin() {
  written_ = 0;
  switch (format_) {
    case OutputFormat::kJsonl: break;
    case OutputFormat::kJson: out_ << "["; break;
    case OutputFormat::kCsv: out_ << Join(AcledCsvColumns(), ",") << "\n"; break;
    case OutputFormat::kGeoJson: out_ << "{\"type\":\"FeatureCollection\",\"features\":["; break;
  }
}

void EventWriter::Write(const Event& event) {
  switch (format_) {
    case OutputFormat::kJsonl: out_ << EventToJson(event) << "\n"; break;
    case OutputFormat::kJson: out_ << (written_ ? ",\n" : "\n") << EventToJson(event); break;
    case OutputFormat::kCsv: out_ << EventToCsvRow(event) << "\n"; break;
    case OutputFormat::kGeoJson: {
      json feature{{"type", "Feature"}, {"properties", EventToJsonValue(event)}};
      if (event.location.has_coordinates()) {
        feature["geometry"] = json{{"type", "Point"},
                                   {"coordinates", json::array({*event.location.lon, *event.location.lat})}};
      } else {
        feature["geometry"] = nullptr;
      }
      out_ << (written_ ? ",\n" : "\n") << feature.dump(-1, ' ', false, json::error_handler_t::replace);
      break;
    }
  }
  ++written_;
}

void EventWriter::End() {
  switch (format_) {
    case OutputFormat::kJsonl:
    case OutputFormat::kCsv: break;
    case OutputFormat::kJson: out_ << "\n]\n"; break;
    case OutputFormat::kGeoJson: out_ << "\n]}\n"; break;
  }
  out_.flush();
}

}  // namespace sitrep
