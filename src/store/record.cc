#include "store/record.h"

#include <nlohmann/json.hpp>

namespace sitrep::store {
namespace {

using nlohmann::json;

json OptInt(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }
json OptDate(const std::optional<Date>& d) { return d ? json(FormatIsoDate(*d)) : json(nullptr); }
json Count(const CountRange& c) { return json::array({OptInt(c.low), OptInt(c.best), OptInt(c.high)}); }
json SpanJson(const Span& s) { return json::array({s.begin, s.end}); }

std::optional<int64_t> ReadOptInt(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<int64_t>();
}
std::optional<Date> ReadOptDate(const json& j) {
  if (j.is_null()) return std::nullopt;
  return ParseIsoDate(j.get<std::string>());
}
CountRange ReadCount(const json& j) {
  return CountRange{ReadOptInt(j.at(0)), ReadOptInt(j.at(1)), ReadOptInt(j.at(2))};
}
Span ReadSpan(const json& j) { return Span{j.at(0).get<uint32_t>(), j.at(1).get<uint32_t>()}; }

json EvidenceJson(const std::map<std::string, std::vector<Span>>& evidence) {
  json out = json::object();
  for (const auto& [field, spans] : evidence) {
    json list = json::array();
    for (const Span& s : spans) list.push_back(SpanJson(s));
    out[field] = std::move(list);
  }
  return out;
}

Stance ReadStance(const std::string& name) {
  if (name == "denies") return Stance::kDenies;
  if (name == "blames_other") return Stance::kBlamesOther;
  return Stance::kAsserts;
}

DatePrecision ReadPrecision(const std::string& name) {
  if (name == "day") return DatePrecision::kDay;
  if (name == "week") return DatePrecision::kWeek;
  if (name == "month") return DatePrecision::kMonth;
  return DatePrecision::kUnknown;
}

}  // namespace

std::string EncodeEvidence(const std::map<std::string, std::vector<Span>>& evidence) {
  return EvidenceJson(evidence).dump();
}

std::string EncodeRecord(const Event& e) {
  json j;
  j["v"] = 1;
  j["event_id"] = e.event_id;
  j["article_id"] = e.article_id;
  j["event_type"] = e.event_type;
  j["sub_event_type"] = e.sub_event_type;
  j["event_date"] = OptDate(e.event_date);
  j["date_precision"] = DatePrecisionName(e.date_precision);
  j["date_earliest"] = OptDate(e.date_earliest);
  j["date_latest"] = OptDate(e.date_latest);
  const Location& l = e.location;
  j["location"] = {{"name", l.name},       {"mention", l.mention},
                   {"admin1", l.admin1},   {"admin2", l.admin2},
                   {"country", l.country}, {"lat", l.lat ? json(*l.lat) : json(nullptr)},
                   {"lon", l.lon ? json(*l.lon) : json(nullptr)},
                   {"geonames_id", l.geonames_id},
                   {"geo_precision", l.geo_precision},
                   {"note", l.note}};
  j["actor1"] = e.actor1;
  j["actor2"] = e.actor2;
  j["fatalities"] = Count(e.fatalities);
  j["fatalities_children"] = OptInt(e.fatalities_children);
  j["injured"] = Count(e.injured);
  j["weapon"] = e.weapon;
  json reports = json::array();
  for (const Report& r : e.reports) {
    reports.push_back({{"article_id", r.article_id},
                       {"source", r.source},
                       {"stance", StanceName(r.stance)},
                       {"fatalities", OptInt(r.fatalities)},
                       {"injured", OptInt(r.injured)},
                       {"span", SpanJson(r.span)}});
  }
  j["reports"] = std::move(reports);
  j["evidence"] = EvidenceJson(e.evidence);
  j["lang"] = e.lang;
  j["tone"] = e.tone;
  j["confidence"] = e.confidence;
  j["notes"] = e.notes;
  // Invalid UTF-8 cannot reach here (the pipeline checks), but never throw.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Event> DecodeRecord(const std::string& text) {
  try {
    const json j = json::parse(text);
    if (j.value("v", 0) != 1) return MakeError(ErrorCode::kCorrupt, "unknown record version");
    Event e;
    e.event_id = j.at("event_id").get<std::string>();
    e.article_id = j.at("article_id").get<std::string>();
    e.event_type = j.at("event_type").get<std::string>();
    e.sub_event_type = j.at("sub_event_type").get<std::string>();
    e.event_date = ReadOptDate(j.at("event_date"));
    e.date_precision = ReadPrecision(j.at("date_precision").get<std::string>());
    e.date_earliest = ReadOptDate(j.at("date_earliest"));
    e.date_latest = ReadOptDate(j.at("date_latest"));
    const json& l = j.at("location");
    e.location.name = l.at("name").get<std::string>();
    e.location.mention = l.at("mention").get<std::string>();
    e.location.admin1 = l.at("admin1").get<std::string>();
    e.location.admin2 = l.at("admin2").get<std::string>();
    e.location.country = l.at("country").get<std::string>();
    if (!l.at("lat").is_null()) e.location.lat = l.at("lat").get<double>();
    if (!l.at("lon").is_null()) e.location.lon = l.at("lon").get<double>();
    e.location.geonames_id = l.at("geonames_id").get<int64_t>();
    e.location.geo_precision = l.at("geo_precision").get<int>();
    e.location.note = l.at("note").get<std::string>();
    e.actor1 = j.at("actor1").get<std::string>();
    e.actor2 = j.at("actor2").get<std::string>();
    e.fatalities = ReadCount(j.at("fatalities"));
    e.fatalities_children = ReadOptInt(j.at("fatalities_children"));
    e.injured = ReadCount(j.at("injured"));
    e.weapon = j.at("weapon").get<std::string>();
    for (const json& r : j.at("reports")) {
      Report report;
      report.article_id = r.at("article_id").get<std::string>();
      report.source = r.at("source").get<std::string>();
      report.stance = ReadStance(r.at("stance").get<std::string>());
      report.fatalities = ReadOptInt(r.at("fatalities"));
      report.injured = ReadOptInt(r.at("injured"));
      report.span = ReadSpan(r.at("span"));
      e.reports.push_back(std::move(report));
    }
    for (const auto& [field, spans] : j.at("evidence").items()) {
      std::vector<Span>& list = e.evidence[field];
      for (const json& s : spans) list.push_back(ReadSpan(s));
    }
    e.lang = j.at("lang").get<std::string>();
    e.tone = j.at("tone").get<double>();
    e.confidence = j.at("confidence").get<double>();
    e.notes = j.at("notes").get<std::vector<std::string>>();
    return e;
  } catch (const std::exception& ex) {
    return MakeError(ErrorCode::kCorrupt, std::string("bad stored record: ") + ex.what());
  }
}

}  // namespace sitrep::store
