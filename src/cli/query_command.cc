// sitrep query and sitrep export: merged events out of a store.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "sitrep/gazetteer.h"
#include "sitrep/output.h"
#include "sitrep/store.h"

namespace sitrep::cli {
namespace {

struct QueryFlags {
  std::string db = "sitrep.db";
  std::string from, to, type, sub_type, actor, country, admin1, near, radius = "30km", bbox,
      lang, source, text, format, gazetteer;
  std::optional<int64_t> min_killed, min_injured;
  std::optional<size_t> limit;
};

bool ParseNumber(const std::string& text, double* out) {
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size();
}

// "30km", "30 km", "30", "800m" -> kilometres.
bool ParseRadius(std::string text, double* km) {
  double scale = 1.0;
  if (text.size() > 2 && text.compare(text.size() - 2, 2, "km") == 0) {
    text.resize(text.size() - 2);
  } else if (text.size() > 1 && text.back() == 'm') {
    text.pop_back();
    scale = 0.001;
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (!ParseNumber(text, km) || *km <= 0) return false;
  *km *= scale;
  return true;
}

bool ParseDateFlag(const std::string& name, const std::string& value, std::optional<Date>* out) {
  if (value.empty()) return true;
  *out = ParseIsoDate(value);
  if (!*out) std::cerr << "sitrep: " << name << " must be YYYY-MM-DD, got '" << value << "'\n";
  return out->has_value();
}

// --near: "LAT,LON", or a place name looked up in the gazetteer.
bool ResolveNear(const QueryFlags& flags, EventQuery::Near* near) {
  const auto parts = SplitList(flags.near);
  if (parts.size() == 2 && ParseNumber(parts[0], &near->lat) && ParseNumber(parts[1], &near->lon)) {
    return true;
  }
  std::string path = flags.gazetteer;
  if (path.empty()) {
    const char* env = std::getenv("SITREP_GAZETTEER");
    path = env != nullptr && *env != '\0' ? env : DefaultGazetteerPath();
  }
  auto gazetteer = Gazetteer::Open(path);
  if (!gazetteer) {
    std::cerr << "sitrep: --near '" << flags.near << "' is not LAT,LON and the gazetteer cannot be opened: "
              << gazetteer.error().message << "\n";
    return false;
  }
  for (const GazetteerCandidate& c : gazetteer->Lookup(flags.near)) {
    if (c.place.lat && c.place.lon) {
      near->lat = *c.place.lat;
      near->lon = *c.place.lon;
      std::cerr << "sitrep: --near " << c.place.name << " (" << c.place.admin1 << ", "
                << c.place.country << ") at " << near->lat << "," << near->lon << "\n";
      return true;
    }
  }
  std::cerr << "sitrep: --near: no place named '" << flags.near << "' in " << path << "\n";
  return false;
}

bool BuildQuery(const QueryFlags& flags, EventQuery* q) {
  if (!ParseDateFlag("--from", flags.from, &q->from) || !ParseDateFlag("--to", flags.to, &q->to))
    return false;
  q->event_type = flags.type;
  q->sub_event_type = flags.sub_type;
  q->actor = flags.actor;
  q->country = flags.country;
  q->admin1 = flags.admin1;
  q->lang = flags.lang;
  q->source = flags.source;
  q->text = flags.text;
  q->min_killed = flags.min_killed;
  q->min_injured = flags.min_injured;
  q->limit = flags.limit;
  if (!flags.near.empty()) {
    EventQuery::Near near;
    if (!ParseRadius(flags.radius, &near.radius_km)) {
      std::cerr << "sitrep: --radius must be like 30km or 800m, got '" << flags.radius << "'\n";
      return false;
    }
    if (!ResolveNear(flags, &near)) return false;
    q->near = near;
  }
  if (!flags.bbox.empty()) {
    const auto parts = SplitList(flags.bbox);
    EventQuery::BoundingBox box;
    if (parts.size() != 4 || !ParseNumber(parts[0], &box.min_lon) ||
        !ParseNumber(parts[1], &box.min_lat) || !ParseNumber(parts[2], &box.max_lon) ||
        !ParseNumber(parts[3], &box.max_lat) || box.min_lon > box.max_lon ||
        box.min_lat > box.max_lat) {
      std::cerr << "sitrep: --bbox must be minlon,minlat,maxlon,maxlat, got '" << flags.bbox << "'\n";
      return false;
    }
    q->bbox = box;
  }
  return true;
}

Result<Store> OpenForReading(const std::string& db) {
  StoreOptions options;
  options.read_only = true;
  return Store::Open(db, options);
}

std::string Count(const CountRange& c) {
  if (!c.known()) return "-";
  auto f = [](const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string("?"); };
  if (c.low && c.high && c.low == c.high) return std::to_string(*c.low);
  return f(c.low) + ".." + f(c.high) + (c.best ? " (" + std::to_string(*c.best) + ")" : "");
}

// Cuts `text` to `width` code points, marking the cut.
std::string Fit(const std::string& text, size_t width) {
  size_t points = 0, i = 0;
  while (i < text.size()) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (points == width) return text.substr(0, i - 1) + "…";
      ++points;
    }
    ++i;
  }
  return text + std::string(width - points, ' ');
}

void PrintTableRow(const Event& e) {
  std::string place = e.location.name;
  if (!e.location.admin1.empty() && e.location.admin1 != place) place += ", " + e.location.admin1;
  if (!e.location.country.empty()) place += " " + e.location.country;
  std::cout << Fit(e.event_id, 19) << "  " << Fit(e.event_date ? FormatIsoDate(*e.event_date) : "?", 10)
            << "  " << Fit(e.event_type, 26) << "  " << Fit(place, 30) << "  " << Fit(e.actor1, 28)
            << "  " << Fit(Count(e.fatalities), 12) << "  " << e.reports.size() << "\n";
}

int RunQuery(const QueryFlags& flags, bool export_all) {
  EventQuery query;
  if (!export_all && !BuildQuery(flags, &query)) return kExitError;
  const bool table = flags.format.empty() ? (!export_all && isatty(STDOUT_FILENO) == 1)
                                          : flags.format == "table";
  OutputFormat format = OutputFormat::kJsonl;
  if (!table && !flags.format.empty() && !ParseOutputFormat(flags.format, &format)) {
    std::cerr << "sitrep: unknown --format '" << flags.format << "' (table, jsonl, json, csv, geojson)\n";
    return kExitError;
  }
  auto store = OpenForReading(flags.db);
  if (!store) {
    std::cerr << "sitrep: " << store.error().message << "\n";
    return kExitError;
  }
  size_t count = 0;
  Status status;
  if (table) {
    std::cout << Fit("event_id", 19) << "  " << Fit("date", 10) << "  " << Fit("type", 26) << "  "
              << Fit("place", 30) << "  " << Fit("actor1", 28) << "  " << Fit("killed", 12)
              << "  reports\n";
    status = store->ForEachEvent(query, [&](const Event& e) {
      PrintTableRow(e);
      ++count;
      return true;
    });
    if (status) std::cout << count << " events\n";
  } else {
    EventWriter writer(std::cout, format);
    writer.Begin();
    status = store->ForEachEvent(query, [&](const Event& e) {
      writer.Write(e);
      ++count;
      return true;
    });
    writer.End();
  }
  std::cout.flush();
  if (!status) {
    std::cerr << "sitrep: " << status.error().message << "\n";
    return kExitError;
  }
  return kExitOk;
}

void AddQuery(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<QueryFlags>();
  CLI::App* cmd = app.add_subcommand("query", "Filter the merged events of a store");
  cmd->add_option("--db", flags->db, "Store file")->capture_default_str();
  cmd->add_option("--from", flags->from, "Events on or after YYYY-MM-DD");
  cmd->add_option("--to", flags->to, "Events on or before YYYY-MM-DD");
  cmd->add_option("--type", flags->type, "ACLED event type, e.g. 'Battles'");
  cmd->add_option("--sub-type", flags->sub_type, "ACLED sub-event type");
  cmd->add_option("--actor", flags->actor, "Text in actor1 or actor2 (case-insensitive)");
  cmd->add_option("--country", flags->country, "ISO 3166-1 alpha-2 code");
  cmd->add_option("--admin1", flags->admin1, "First-order division, e.g. Kharkiv");
  cmd->add_option("--near", flags->near, "A place name (gazetteer) or LAT,LON");
  cmd->add_option("--radius", flags->radius, "Radius around --near, e.g. 30km, 800m")->capture_default_str();
  cmd->add_option("--bbox", flags->bbox, "minlon,minlat,maxlon,maxlat");
  cmd->add_option("--min-killed", flags->min_killed, "At least N killed (best, else low)");
  cmd->add_option("--min-injured", flags->min_injured, "At least N injured");
  cmd->add_option("--lang", flags->lang, "A report's article in this language");
  cmd->add_option("--source", flags->source, "Text in a report's source or outlet");
  cmd->add_option("--text", flags->text, "Full-text query (SQLite FTS5) over the articles");
  cmd->add_option("--format,-f", flags->format, "table (default on a terminal), jsonl (default otherwise), json, csv, geojson");
  cmd->add_option("--limit", flags->limit, "At most N events");
  cmd->add_option("--gazetteer", flags->gazetteer, "Gazetteer index for --near place names");
  cmd->callback([flags, &exit_code] { exit_code = RunQuery(*flags, false); });
}

void AddExport(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<QueryFlags>();
  CLI::App* cmd = app.add_subcommand("export", "Write every merged event of a store");
  cmd->add_option("--db", flags->db, "Store file")->capture_default_str();
  cmd->add_option("--format,-f", flags->format, "jsonl (default), json, csv (ACLED columns), geojson");
  cmd->callback([flags, &exit_code] {
    if (flags->format.empty()) flags->format = "jsonl";
    if (flags->format == "table") {
      std::cerr << "sitrep: export writes jsonl, json, csv or geojson\n";
      exit_code = kExitError;
      return;
    }
    exit_code = RunQuery(*flags, true);
  });
}

}  // namespace

SITREP_REGISTER_COMMAND(60, AddQuery);
SITREP_REGISTER_COMMAND(70, AddExport);

}  // namespace sitrep::cli
