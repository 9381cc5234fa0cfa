// Small helpers the subcommands share: printing diagnostics, building the
// pipeline from common flags.
#pragma once

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sitrep/date.h"
#include "sitrep/error.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {

// Flags every command that runs the pipeline takes.
struct PipelineFlags {
  std::string data_dir;
  std::string gazetteer;
  std::string pub_date;
  std::string languages;  // "en,fr"
  bool no_geocode = false;

  void AddTo(CLI::App& command);
  // Builds options; false (with a message on stderr) on a bad flag.
  bool ToOptions(PipelineOptions& options) const;
};

// Prints each diagnostic as "sitrep: where: message" on stderr.
void PrintDiagnostics(const std::vector<Diagnostic>& diagnostics);

std::vector<std::string> SplitList(const std::string& list);

}  // namespace sitrep::cli
