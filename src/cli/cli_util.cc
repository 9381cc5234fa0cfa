#include "cli/cli_util.h"

#include <sstream>

namespace sitrep::cli {

void PipelineFlags::AddTo(CLI::App& command) {
  command.add_option("--data-dir", data_dir, "Folder with lang/ packs and gazetteer/ (default: built-in)");
  command.add_option("--gazetteer", gazetteer, "Gazetteer index (.gaz); default: data/gazetteer/default.gaz");
  command.add_option("--pub-date", pub_date, "Publication date YYYY-MM-DD for every article (overrides)");
  command.add_option("--lang", languages, "Only these language packs, comma-separated (e.g. en,fr)");
  command.add_flag("--no-geocode", no_geocode, "Keep place mentions without coordinates");
}

bool PipelineFlags::ToOptions(PipelineOptions& options) const {
  options.data_dir = data_dir;
  options.gazetteer_path = gazetteer;
  options.geocode = !no_geocode;
  options.languages = SplitList(languages);
  if (!pub_date.empty()) {
    options.pub_date_override = ParseIsoDate(pub_date);
    if (!options.pub_date_override) {
      std::cerr << "sitrep: --pub-date must be YYYY-MM-DD, got '" << pub_date << "'\n";
      return false;
    }
  }
  return true;
}

void PrintDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    std::cerr << "sitrep: " << d.where << ": " << d.message << "\n";
  }
}

std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace sitrep::cli
