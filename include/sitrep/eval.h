// Eval: scores extracted events against a gold file (the format of
// ../shared/gold/README.md): event precision, recall and F1, and on matched
// events the share with the right type, sub-type, exact date, place within
// 10 km, toll and injured inside the gold range, and actor1.
//
// Matching, per article: a system and a gold event may match when their
// dates are at most 3 days apart (or either has none) and their places are
// at most 50 km apart, or carry the same name, or the system event has no
// coordinates and the same type. Pairs are taken greedily: same type first,
// then nearest in space and time; each event matches once.
//
//   CollectingSink sink;
//   auto gold = ReadGoldFile("dev.jsonl", sink);
//   std::vector<std::vector<Event>> system = ...;  // one list per gold article
//   EvalReport report = Evaluate(*gold, system);
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/error.h"
#include "sitrep/event.h"
#include "sitrep/geo.h"

namespace sitrep {

struct GoldEvent {
  std::string event_type;
  std::string sub_event_type;
  std::optional<Date> event_date;
  std::string location_name;
  std::optional<double> lat;
  std::optional<double> lon;
  int geo_precision = 0;
  std::string actor1;
  std::string actor2;
  std::optional<int64_t> fatalities_low, fatalities_high;
  bool has_injured = false;
  std::optional<int64_t> injured_low, injured_high;
  std::string incident;
  std::string evidence;
};

struct GoldArticle {
  Article article;
  std::vector<GoldEvent> events;
};

// Parses one gold line; `where` names it in errors ("dev.jsonl:17").
[[nodiscard]] Result<GoldArticle> ParseGoldLine(std::string_view line, const std::string& where);

// Reads a gold file; bad lines go to `sink` and are skipped. Fails only
// when the file cannot be read.
[[nodiscard]] Result<std::vector<GoldArticle>> ReadGoldFile(const std::string& path,
                                                            DiagnosticSink& sink);

struct FieldScore {
  int correct = 0;
  int total = 0;
  double Rate() const { return total ? static_cast<double>(correct) / total : 0.0; }
};

struct EvalScores {
  int articles = 0;
  int gold_events = 0;
  int system_events = 0;
  int matched = 0;
  FieldScore type, sub_type, date, location, killed, injured, actor1;
  double Precision() const { return system_events ? double(matched) / system_events : 0.0; }
  double Recall() const { return gold_events ? double(matched) / gold_events : 0.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// One miss, for --show: which article, what kind, what was expected.
struct EvalMiss {
  std::string kind;  // "missed", "spurious", "type", "date", "location", "killed", ...
  std::string article_id;
  std::string detail;
};

// How a system event and a gold event were paired (for merge scoring).
struct EvalPair {
  size_t article = 0;
  size_t system = 0;
  size_t gold = 0;
};

struct EvalReport {
  std::map<std::string, EvalScores> by_lang;
  EvalScores overall;
  std::vector<EvalMiss> misses;
  std::vector<EvalPair> pairs;
};

// Scores `system[i]` against `gold[i]` for every article. Pure.
EvalReport Evaluate(const std::vector<GoldArticle>& gold,
                    const std::vector<std::vector<Event>>& system);

// "Military Forces of Russia (2000-)" -> "Military Forces of Russia".
std::string StripYearSuffix(std::string_view actor);

}  // namespace sitrep
