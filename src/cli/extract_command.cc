// sitrep extract: articles in (files, folders, "-"), events out.
#include <iostream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "sitrep/output.h"
#include "sitrep/pipeline.h"
#include "sitrep/read.h"

namespace sitrep::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  bool trace = false;
  PipelineFlags pipeline;
};

int RunExtract(const ExtractFlags& flags) {
  OutputFormat format;
  if (!ParseOutputFormat(flags.format, &format)) {
    std::cerr << "sitrep: unknown --format '" << flags.format << "' (jsonl, json, csv, geojson)\n";
    return kExitError;
  }
  PipelineOptions options;
  if (!flags.pipeline.ToOptions(options)) return kExitError;
  options.trace = flags.trace;
  CollectingSink sink;
  auto pipeline = Pipeline::Create(options, sink);
  PrintDiagnostics(sink.Take());
  if (!pipeline) {
    std::cerr << "sitrep: " << pipeline.error().message << "\n";
    return kExitError;
  }
  EventWriter writer(std::cout, format);
  writer.Begin();
  size_t articles = 0, events = 0, failed = 0;
  for (const std::string& input : flags.inputs) {
    auto status = ReadPath(input, ReadOptions{}, sink, [&](Article article) {
      ++articles;
      auto result = pipeline->Extract(article);
      if (!result) {
        ++failed;
        sink.Report(Diagnostic{Diagnostic::Severity::kSkipped,
                               article.origin.empty() ? article.id : article.origin,
                               result.error().message});
        return;
      }
      if (flags.trace) std::cerr << "== " << result->article_id << "\n" << result->trace;
      for (const Event& e : result->events) {
        writer.Write(e);
        ++events;
      }
    });
    PrintDiagnostics(sink.Take());
    if (!status) {
      std::cerr << "sitrep: " << status.error().message << "\n";
      ++failed;
    }
  }
  writer.End();
  const size_t skipped = sink.skipped_count();
  if (skipped || failed) {
    std::cerr << "sitrep: " << articles << " articles, " << events << " events, " << skipped
              << " records skipped\n";
    return kExitSkipped;
  }
  return kExitOk;
}

void AddExtract(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* cmd = app.add_subcommand("extract", "Extract events from articles (txt, jsonl, html; '-' for stdin)");
  cmd->add_option("inputs", flags->inputs, "Files, folders or '-'")->required();
  cmd->add_option("--format,-f", flags->format, "jsonl (default), json, csv (ACLED columns), geojson");
  cmd->add_flag("--trace", flags->trace, "Print what each sentence holds (mentions, counts, dates, places) on stderr");
  flags->pipeline.AddTo(*cmd);
  cmd->callback([flags, &exit_code] { exit_code = RunExtract(*flags); });
}

}  // namespace

SITREP_REGISTER_COMMAND(10, AddExtract);

}  // namespace sitrep::cli
