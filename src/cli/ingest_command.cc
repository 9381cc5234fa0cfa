// sitrep ingest: articles in, merged into a store (SQLite, WAL).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "sitrep/pipeline.h"
#include "sitrep/read.h"
#include "sitrep/store.h"

namespace sitrep::cli {
namespace {

struct IngestFlags {
  std::vector<std::string> inputs;
  std::string db = "sitrep.db";
  PipelineFlags pipeline;
};

struct Tally {
  size_t read = 0;
  size_t stored = 0;
  size_t duplicates = 0;
  size_t reports = 0;
  size_t new_events = 0;
  size_t merged = 0;
  std::map<std::string, size_t> skipped;  // reason -> count
  size_t skipped_total() const {
    size_t n = 0;
    for (const auto& [reason, count] : skipped) n += count;
    return n;
  }
};

// One line, redrawn in place, at most ten times a second; only on a terminal.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled), start_(Clock::now()), last_(start_) {}
  void Update(const Tally& t, bool force = false) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(t.read) / seconds : 0.0;
    std::fprintf(stderr, "\r\033[K[%s] %zu articles  %.1f articles/s  %zu reports  %zu new events  %zu merged",
                 Bar(t.read).c_str(), t.read, rate, t.reports, t.new_events, t.merged);
    std::fflush(stderr);
  }
  void Finish() {
    if (enabled_) std::fprintf(stderr, "\r\033[K");
  }
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  using Clock = std::chrono::steady_clock;
  // The total is unknown while folders and streams are read: a spinner-like bar.
  static std::string Bar(size_t n) {
    std::string bar(20, ' ');
    bar[n / 4 % 20] = '#';
    return bar;
  }
  bool enabled_;
  Clock::time_point start_;
  Clock::time_point last_;
};

int RunIngest(const IngestFlags& flags) {
  PipelineOptions options;
  if (!flags.pipeline.ToOptions(options)) return kExitError;
  CollectingSink sink;
  auto pipeline = Pipeline::Create(options, sink);
  PrintDiagnostics(sink.Take());
  if (!pipeline) {
    std::cerr << "sitrep: " << pipeline.error().message << "\n";
    return kExitError;
  }
  auto store = Store::Open(flags.db);
  if (!store) {
    std::cerr << "sitrep: " << store.error().message << "\n";
    return kExitError;
  }
  const bool terminal = isatty(STDERR_FILENO) == 1;
  Progress progress(terminal);
  Tally tally;
  bool fatal = false;
  auto report_skips = [&] {
    const auto diagnostics = sink.Take();
    for (const Diagnostic& d : diagnostics) {
      if (d.severity == Diagnostic::Severity::kSkipped) ++tally.skipped["unreadable record"];
    }
    if (!diagnostics.empty()) {
      progress.Finish();
      PrintDiagnostics(diagnostics);
    }
  };
  for (const std::string& input : flags.inputs) {
    if (fatal) break;
    auto status = ReadPath(input, ReadOptions{}, sink, [&](Article article) {
      if (fatal) return;
      ++tally.read;
      const std::string where = article.origin.empty() ? article.id : article.origin;
      auto result = pipeline->Extract(article);
      if (!result) {
        ++tally.skipped[std::string("extract: ") + ErrorCodeName(result.error().code)];
        sink.Report({Diagnostic::Severity::kWarning, where, result.error().message});
        return;
      }
      auto outcome = store->Ingest(StoredArticleFrom(article, *result), result->events);
      if (!outcome) {
        progress.Finish();
        std::cerr << "sitrep: " << where << ": " << outcome.error().message << "\n";
        fatal = true;  // the store refused a write: stop, nothing half-written stays
        return;
      }
      if (outcome->duplicate) {
        ++tally.duplicates;
      } else {
        ++tally.stored;
        tally.reports += outcome->report_count;
        tally.new_events += outcome->new_event_count;
        tally.merged += outcome->merged_report_count;
      }
      report_skips();
      progress.Update(tally);
    });
    report_skips();
    if (!status) {
      progress.Finish();
      std::cerr << "sitrep: " << status.error().message << "\n";
      ++tally.skipped["input not readable"];
    }
  }
  progress.Finish();
  std::string reasons;
  for (const auto& [reason, count] : tally.skipped) {
    reasons += (reasons.empty() ? " (" : ", ") + std::to_string(count) + " " + reason;
  }
  if (!reasons.empty()) reasons += ")";
  const double seconds = progress.Seconds();
  std::fprintf(stderr,
               "sitrep: %zu articles read, %zu stored, %zu skipped%s, %zu duplicates; "
               "%zu reports, %zu new events, %zu reports merged into existing events "
               "(%.1f articles/s) into %s\n",
               tally.read, tally.stored, tally.skipped_total(), reasons.c_str(), tally.duplicates,
               tally.reports, tally.new_events, tally.merged,
               seconds > 0 ? static_cast<double>(tally.read) / seconds : 0.0, flags.db.c_str());
  if (fatal) return kExitError;
  return tally.skipped_total() > 0 ? kExitSkipped : kExitOk;
}

void AddIngest(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Extract events from articles and merge them into a store (idempotent)");
  cmd->add_option("inputs", flags->inputs, "Files, folders or '-'")->required();
  cmd->add_option("--db", flags->db, "Store file (SQLite; created when missing)")
      ->capture_default_str();
  flags->pipeline.AddTo(*cmd);
  cmd->callback([flags, &exit_code] { exit_code = RunIngest(*flags); });
}

}  // namespace

SITREP_REGISTER_COMMAND(50, AddIngest);

}  // namespace sitrep::cli
