#include "sitrep/eval.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sitrep/normalize.h"

namespace sitrep {
namespace {

using nlohmann::json;

constexpr int kMaxDaysApart = 3;
constexpr double kMaxMatchKm = 50.0;
constexpr double kLocationOkKm = 10.0;

std::optional<int64_t> IntOrNull(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<int64_t>();
}

std::optional<double> DoubleOrNull(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::string StringOr(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int64_t DaysApart(const std::optional<Date>& a, const std::optional<Date>& b) {
  if (!a || !b) return 0;
  return std::llabs(ToDays(*a) - ToDays(*b));
}

bool SameName(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  const std::string fa = FoldForMatch(a), fb = FoldForMatch(b);
  return fa == fb || fa.find(fb) != std::string::npos || fb.find(fa) != std::string::npos;
}

double Distance(const Event& s, const GoldEvent& g) {
  if (!s.location.has_coordinates() || !g.lat || !g.lon) return INFINITY;
  return HaversineKm(*s.location.lat, *s.location.lon, *g.lat, *g.lon);
}

bool InRange(const CountRange& system, std::optional<int64_t> low, std::optional<int64_t> high) {
  const auto v = system.Point();
  if (!v) return false;
  return (!low || *v >= *low) && (!high || *v <= *high);
}

std::string Describe(const GoldEvent& g) {
  std::ostringstream out;
  out << g.event_type << " / " << g.sub_event_type << " @ " << g.location_name << " "
      << (g.event_date ? FormatIsoDate(*g.event_date) : "?") << " killed "
      << (g.fatalities_low ? std::to_string(*g.fatalities_low) : "?") << "-"
      << (g.fatalities_high ? std::to_string(*g.fatalities_high) : "?") << " by " << g.actor1;
  return out.str();
}

std::string Describe(const Event& e) {
  std::ostringstream out;
  out << e.event_type << " / " << e.sub_event_type << " @ " << e.location.name << " "
      << (e.event_date ? FormatIsoDate(*e.event_date) : "?") << " killed "
      << (e.fatalities.Point() ? std::to_string(*e.fatalities.Point()) : "?") << " by "
      << e.actor1;
  return out.str();
}

void Add(EvalScores& into, const EvalScores& from) {
  into.articles += from.articles;
  into.gold_events += from.gold_events;
  into.system_events += from.system_events;
  into.matched += from.matched;
  for (auto [a, b] : {std::pair{&into.type, &from.type}, {&into.sub_type, &from.sub_type},
                      {&into.date, &from.date}, {&into.location, &from.location},
                      {&into.killed, &from.killed}, {&into.injured, &from.injured},
                      {&into.actor1, &from.actor1}}) {
    a->correct += b->correct;
    a->total += b->total;
  }
}

}  // namespace

std::string StripYearSuffix(std::string_view actor) {
  std::string s(actor);
  // A trailing "(2000-)" or "(1991-2022)": digits and dashes in brackets.
  const size_t open = s.rfind(" (");
  if (open != std::string::npos && s.back() == ')') {
    const std::string inside = s.substr(open + 2, s.size() - open - 3);
    if (!inside.empty() && std::all_of(inside.begin(), inside.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c)) || c == '-';
        })) {
      s.resize(open);
    }
  }
  return s;
}

Result<GoldArticle> ParseGoldLine(std::string_view line, const std::string& where) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return MakeError(ErrorCode::kInvalidInput, where + ": not a JSON object");
  }
  GoldArticle out;
  Article& a = out.article;
  a.id = StringOr(j, "id");
  if (a.id.empty()) return MakeError(ErrorCode::kInvalidInput, where + ": no id");
  a.url = StringOr(j, "url");
  a.source = StringOr(j, "source");
  a.title = StringOr(j, "title");
  a.lang = StringOr(j, "lang");
  a.pub_date = ParseIsoDate(StringOr(j, "pub_date"));
  const std::string text = StringOr(j, "text");
  a.raw_text = a.title.empty() ? text : a.title + "\n\n" + text;
  a.origin = where;
  auto events = j.find("events");
  if (events != j.end() && events->is_array()) {
    for (const json& e : *events) {
      if (!e.is_object()) continue;
      GoldEvent g;
      g.event_type = StringOr(e, "event_type");
      g.sub_event_type = StringOr(e, "sub_event_type");
      g.event_date = ParseIsoDate(StringOr(e, "event_date"));
      if (auto loc = e.find("location"); loc != e.end() && loc->is_object()) {
        g.location_name = StringOr(*loc, "name");
        g.lat = DoubleOrNull(*loc, "lat");
        g.lon = DoubleOrNull(*loc, "lon");
        g.geo_precision = static_cast<int>(IntOrNull(*loc, "geo_precision").value_or(0));
      }
      g.actor1 = StringOr(e, "actor1");
      g.actor2 = StringOr(e, "actor2");
      if (auto f = e.find("fatalities"); f != e.end() && f->is_object()) {
        g.fatalities_low = IntOrNull(*f, "low");
        g.fatalities_high = IntOrNull(*f, "high");
      }
      if (auto f = e.find("injured"); f != e.end() && f->is_object()) {
        g.has_injured = true;
        g.injured_low = IntOrNull(*f, "low");
        g.injured_high = IntOrNull(*f, "high");
      }
      g.incident = StringOr(e, "incident");
      g.evidence = StringOr(e, "evidence");
      out.events.push_back(std::move(g));
    }
  }
  return out;
}

Result<std::vector<GoldArticle>> ReadGoldFile(const std::string& path, DiagnosticSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kNotFound, path + ": cannot open gold file");
  std::vector<GoldArticle> out;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(line_no);
    auto article = ParseGoldLine(line, where);
    if (!article) {
      sink.Report(Diagnostic{Diagnostic::Severity::kSkipped, where, article.error().message});
      continue;
    }
    out.push_back(std::move(*article));
  }
  return out;
}

EvalReport Evaluate(const std::vector<GoldArticle>& gold,
                    const std::vector<std::vector<Event>>& system) {
  EvalReport report;
  for (size_t a = 0; a < gold.size(); ++a) {
    const GoldArticle& ga = gold[a];
    const std::vector<Event> empty;
    const std::vector<Event>& sys = a < system.size() ? system[a] : empty;
    EvalScores scores;
    scores.articles = 1;
    scores.gold_events = static_cast<int>(ga.events.size());
    scores.system_events = static_cast<int>(sys.size());

    struct Candidate {
      bool same_type;
      double km;
      int64_t days;
      size_t s, g;
    };
    std::vector<Candidate> candidates;
    for (size_t s = 0; s < sys.size(); ++s) {
      for (size_t g = 0; g < ga.events.size(); ++g) {
        const Event& se = sys[s];
        const GoldEvent& ge = ga.events[g];
        const int64_t days = DaysApart(se.event_date, ge.event_date);
        if (days > kMaxDaysApart) continue;
        const double km = Distance(se, ge);
        const bool same_type = se.event_type == ge.event_type;
        const bool place_ok = km <= kMaxMatchKm || SameName(se.location.name, ge.location_name) ||
                              (!se.location.has_coordinates() && same_type);
        if (!place_ok) continue;
        candidates.push_back({same_type, km, days, s, g});
      }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
      if (x.same_type != y.same_type) return x.same_type;
      if (x.km != y.km) return x.km < y.km;
      if (x.days != y.days) return x.days < y.days;
      return std::tie(x.s, x.g) < std::tie(y.s, y.g);
    });
    std::vector<bool> s_used(sys.size()), g_used(ga.events.size());
    for (const Candidate& c : candidates) {
      if (s_used[c.s] || g_used[c.g]) continue;
      s_used[c.s] = g_used[c.g] = true;
      report.pairs.push_back({a, c.s, c.g});
      ++scores.matched;
      const Event& se = sys[c.s];
      const GoldEvent& ge = ga.events[c.g];
      auto score = [&](FieldScore& f, bool ok, const char* kind, const std::string& detail) {
        ++f.total;
        if (ok) {
          ++f.correct;
        } else {
          report.misses.push_back({kind, ga.article.id, detail});
        }
      };
      score(scores.type, se.event_type == ge.event_type, "type",
            "gold " + ge.event_type + ", got " + se.event_type);
      score(scores.sub_type, se.sub_event_type == ge.sub_event_type, "sub_type",
            "gold " + ge.sub_event_type + ", got " + se.sub_event_type);
      score(scores.date, se.event_date && ge.event_date && *se.event_date == *ge.event_date,
            "date",
            "gold " + (ge.event_date ? FormatIsoDate(*ge.event_date) : "?") + ", got " +
                (se.event_date ? FormatIsoDate(*se.event_date) : "none") + " (" + Describe(ge) +
                ")");
      const double km = Distance(se, ge);
      score(scores.location, km <= kLocationOkKm, "location",
            "gold " + ge.location_name + ", got " + se.location.name + " (" +
                (std::isinf(km) ? std::string("no coordinates")
                                : std::to_string(static_cast<int>(km)) + " km") + ")");
      score(scores.killed, InRange(se.fatalities, ge.fatalities_low, ge.fatalities_high), "killed",
            "gold " + std::to_string(ge.fatalities_low.value_or(-1)) + "-" +
                std::to_string(ge.fatalities_high.value_or(-1)) + ", got " +
                (se.fatalities.Point() ? std::to_string(*se.fatalities.Point()) : "none") + " (" +
                Describe(ge) + ")");
      if (ge.has_injured) {
        score(scores.injured, InRange(se.injured, ge.injured_low, ge.injured_high), "injured",
              "gold " + std::to_string(ge.injured_low.value_or(-1)) + "-" +
                  std::to_string(ge.injured_high.value_or(-1)) + ", got " +
                  (se.injured.Point() ? std::to_string(*se.injured.Point()) : "none"));
      }
      score(scores.actor1, StripYearSuffix(se.actor1) == StripYearSuffix(ge.actor1), "actor1",
            "gold " + ge.actor1 + ", got " + se.actor1);
    }
    for (size_t g = 0; g < ga.events.size(); ++g) {
      if (!g_used[g]) report.misses.push_back({"missed", ga.article.id, Describe(ga.events[g])});
    }
    for (size_t s = 0; s < sys.size(); ++s) {
      if (!s_used[s]) report.misses.push_back({"spurious", ga.article.id, Describe(sys[s])});
    }
    Add(report.by_lang[ga.article.lang], scores);
    Add(report.overall, scores);
  }
  return report;
}

}  // namespace sitrep
