// sitrep eval: scores the extractor against a gold file.
#include <cstdio>
#include <iostream>
#include <map>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "sitrep/eval.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {
namespace {

struct EvalFlags {
  std::string gold;
  int show = 0;
  std::vector<std::string> floors;  // "f1=0.7"
  bool merge = false;
  PipelineFlags pipeline;
};

void PrintRow(const std::string& name, const EvalScores& s) {
  std::printf("%-6s %4d %5d %6d %7d  %5.2f %5.2f %5.2f  %5.2f %5.2f %5.2f %5.2f %5.2f %5.2f %5.2f\n",
              name.c_str(), s.articles, s.gold_events, s.system_events, s.matched, s.Precision(),
              s.Recall(), s.F1(), s.type.Rate(), s.sub_type.Rate(), s.date.Rate(),
              s.location.Rate(), s.killed.Rate(), s.injured.Rate(), s.actor1.Rate());
}

double Metric(const EvalScores& s, const std::string& name, bool* known) {
  *known = true;
  if (name == "precision") return s.Precision();
  if (name == "recall") return s.Recall();
  if (name == "f1") return s.F1();
  if (name == "type") return s.type.Rate();
  if (name == "sub_type") return s.sub_type.Rate();
  if (name == "date") return s.date.Rate();
  if (name == "location") return s.location.Rate();
  if (name == "killed") return s.killed.Rate();
  if (name == "injured") return s.injured.Rate();
  if (name == "actor1") return s.actor1.Rate();
  *known = false;
  return 0;
}

int RunEval(const EvalFlags& flags) {
  PipelineOptions options;
  if (!flags.pipeline.ToOptions(options)) return kExitError;
  CollectingSink sink;
  auto gold = ReadGoldFile(flags.gold, sink);
  PrintDiagnostics(sink.Take());
  if (!gold) {
    std::cerr << "sitrep: " << gold.error().message << "\n";
    return kExitError;
  }
  const std::vector<std::string> langs = SplitList(flags.pipeline.languages);
  std::vector<GoldArticle> selected;
  for (auto& g : *gold) {
    if (langs.empty() || std::find(langs.begin(), langs.end(), g.article.lang) != langs.end()) {
      selected.push_back(std::move(g));
    }
  }
  auto pipeline = Pipeline::Create(options, sink);
  PrintDiagnostics(sink.Take());
  if (!pipeline) {
    std::cerr << "sitrep: " << pipeline.error().message << "\n";
    return kExitError;
  }
  std::vector<std::vector<Event>> system(selected.size());
  for (size_t i = 0; i < selected.size(); ++i) {
    auto result = pipeline->Extract(selected[i].article);
    if (!result) {
      std::cerr << "sitrep: " << selected[i].article.id << ": " << result.error().message << "\n";
      continue;
    }
    system[i] = std::move(result->events);
  }
  const EvalReport report = Evaluate(selected, system);
  if (flags.show > 0) {
    std::map<std::string, int> shown;
    for (const EvalMiss& m : report.misses) {
      if (shown[m.kind]++ < flags.show) {
        std::printf("%-9s %-10s %s\n", m.kind.c_str(), m.article_id.c_str(), m.detail.c_str());
      }
    }
    std::printf("\n");
  }
  std::printf("%-6s %4s %5s %6s %7s  %5s %5s %5s  %5s %5s %5s %5s %5s %5s %5s\n", "lang", "art",
              "gold", "system", "matched", "P", "R", "F1", "type", "sub", "date", "loc10",
              "killed", "injur", "actor1");
  for (const auto& [lang, scores] : report.by_lang) PrintRow(lang, scores);
  PrintRow("all", report.overall);

  int status = kExitOk;
  for (const std::string& floor : flags.floors) {
    // "f1=0.7" for the overall figure, "fr:f1=0.7" for one language.
    const size_t eq = floor.find('=');
    if (eq == std::string::npos) {
      std::cerr << "sitrep: --floor takes [lang:]metric=value, got '" << floor << "'\n";
      return kExitError;
    }
    std::string metric = floor.substr(0, eq);
    std::string lang;
    if (const size_t colon = metric.find(':'); colon != std::string::npos) {
      lang = metric.substr(0, colon);
      metric = metric.substr(colon + 1);
    }
    const double want = std::atof(floor.c_str() + eq + 1);
    const EvalScores* scores = &report.overall;
    if (!lang.empty()) {
      auto it = report.by_lang.find(lang);
      if (it == report.by_lang.end()) {
        std::cerr << "sitrep: floor " << floor << ": no articles in " << lang << "\n";
        status = kExitError;
        continue;
      }
      scores = &it->second;
    }
    bool known = false;
    const double got = Metric(*scores, metric, &known);
    if (!known) {
      std::cerr << "sitrep: unknown metric in --floor " << floor << "\n";
      return kExitError;
    }
    if (got + 1e-9 < want) {
      std::fprintf(stderr, "sitrep: below floor: %s is %.3f, floor %.3f\n", floor.c_str(), got, want);
      status = kExitError;
    }
  }
  return status;
}

void AddEval(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<EvalFlags>();
  CLI::App* cmd = app.add_subcommand("eval", "Score extraction against a gold file");
  cmd->add_option("--gold", flags->gold, "Gold JSON Lines (../shared/gold/dev.jsonl)")->required();
  cmd->add_option("--show", flags->show, "Print up to N misses of each kind");
  cmd->add_option("--floor", flags->floors,
                  "Fail when [lang:]metric falls below a value, e.g. f1=0.7 or fr:recall=0.75");
  cmd->add_flag("--merge", flags->merge, "Also score the cross-article merge");
  flags->pipeline.AddTo(*cmd);
  cmd->callback([flags, &exit_code] { exit_code = RunEval(*flags); });
}

}  // namespace

SITREP_REGISTER_COMMAND(20, AddEval);

}  // namespace sitrep::cli
