// sitrep gazetteer build|lookup|fetch: compiles GeoNames dumps into a .gaz
// index, looks names up in one, and downloads a country's dump to build one.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "sitrep/gazetteer.h"

namespace sitrep::cli {
namespace {

struct BuildFlags {
  std::vector<std::string> files;
  std::string admin1;
  std::string admin2;
  std::string country_info;
  std::vector<std::string> alternate_names;
  std::string rules;
  std::string admin_names;
  std::string source;
  std::string output;
};

struct LookupFlags {
  std::string name;
  std::string gazetteer;
  size_t limit = 20;
  bool exact_only = false;
};

struct FetchFlags {
  std::string country;
  std::string output;
  std::string base_url = "https://download.geonames.org/export/dump";
  std::string data_dir;
  bool no_alternate_names = false;
};

void PrintBuildStats(const GazetteerBuildStats& stats, const std::string& output) {
  std::fprintf(stderr,
               "sitrep: wrote %s: %zu places, %zu keys, %zu postings, %.1f MB in %.2f s"
               " (%zu rows skipped)\n",
               output.c_str(), stats.place_count, stats.key_count, stats.posting_count,
               static_cast<double>(stats.file_bytes) / 1e6, stats.seconds, stats.skipped_rows);
}

int RunBuild(const BuildFlags& flags) {
  GazetteerBuildOptions options;
  options.geonames_files = flags.files;
  options.admin1_file = flags.admin1;
  options.admin2_file = flags.admin2;
  options.country_info_file = flags.country_info;
  options.alternate_names_files = flags.alternate_names;
  options.skeleton_rules_file = flags.rules;
  options.admin_names_file = flags.admin_names;
  options.source_description = flags.source;
  CollectingSink sink;
  auto stats = BuildGazetteer(options, flags.output, sink);
  PrintDiagnostics(sink.Take());
  if (!stats) {
    std::cerr << "sitrep: " << stats.error().message << "\n";
    return kExitError;
  }
  PrintBuildStats(*stats, flags.output);
  return stats->skipped_rows > 0 ? kExitSkipped : kExitOk;
}

std::string Coordinates(const GazetteerPlace& p) {
  if (!p.lat || !p.lon) return "-";
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.5f,%.5f", *p.lat, *p.lon);
  return buf;
}

int RunLookup(const LookupFlags& flags) {
  std::string path = flags.gazetteer;
  if (path.empty()) {
    const char* env = std::getenv("SITREP_GAZETTEER");
    path = env != nullptr && *env != '\0' ? env : DefaultGazetteerPath();
  }
  auto gaz = Gazetteer::Open(path);
  if (!gaz) {
    std::cerr << "sitrep: " << gaz.error().message << "\n";
    return kExitError;
  }
  LookupOptions options;
  options.skeleton = !flags.exact_only;
  options.max_candidates = flags.limit;
  const auto candidates = gaz->Lookup(flags.name, options);
  if (candidates.empty()) {
    std::printf("no match for \"%s\" (keys:", flags.name.c_str());
    for (const auto& k : gaz->KeysFor(flags.name)) std::printf(" %s", k.c_str());
    std::printf(")\n");
    return kExitError;
  }
  std::printf("%-10s %-24s %-2s %-22s %-20s %11s %-6s %s\n", "id", "name", "cc", "admin1",
              "lat,lon", "population", "code", "why");
  for (const auto& c : candidates) {
    const auto& p = c.place;
    std::printf("%-10lld %-24s %-2s %-22s %-20s %11lld %-6s %s %s key \"%s\"\n",
                static_cast<long long>(p.geonames_id), p.name.c_str(), p.country.c_str(),
                (p.admin1.empty() ? p.admin1_code : p.admin1).c_str(), Coordinates(p).c_str(),
                static_cast<long long>(p.population),
                (std::string(1, p.feature_class ? p.feature_class : '-') + "." + p.feature_code).c_str(),
                MatchKindName(c.match), NameSourceName(c.source), c.key.substr(1).c_str());
  }
  return kExitOk;
}

int RunFetch(const FetchFlags& flags) {
  FetchOptions options;
  options.country_code = flags.country;
  options.base_url = flags.base_url;
  options.alternate_names = !flags.no_alternate_names;
  const std::string dir =
      flags.data_dir.empty()
          ? std::filesystem::path(DefaultGazetteerPath()).parent_path().string()
          : flags.data_dir + "/gazetteer";
  options.build.admin1_file = dir + "/admin1CodesASCII.txt";
  options.build.admin2_file = dir + "/admin2Codes.txt";
  options.build.country_info_file = dir + "/countryInfo.txt";
  options.build.skeleton_rules_file = dir + "/skeleton.tsv";
  options.build.admin_names_file = dir + "/admin-names.tsv";
  CollectingSink sink;
  auto stats = FetchGeoNamesCountry(options, flags.output, sink);
  PrintDiagnostics(sink.Take());
  if (!stats) {
    std::cerr << "sitrep: " << stats.error().message << "\n";
    return kExitError;
  }
  PrintBuildStats(*stats, flags.output);
  return stats->skipped_rows > 0 ? kExitSkipped : kExitOk;
}

void AddGazetteerCommand(CLI::App& app, int& exit_code) {
  CLI::App* gaz = app.add_subcommand("gazetteer", "Build, query or download GeoNames indexes (.gaz)");
  gaz->require_subcommand(1);

  auto build = std::make_shared<BuildFlags>();
  CLI::App* b = gaz->add_subcommand("build", "Compile GeoNames tables into a .gaz index");
  b->add_option("files", build->files, "geoname tables (cities500.txt, UA.txt, allCountries.txt)")
      ->required()
      ->check(CLI::ExistingFile);
  b->add_option("--admin1", build->admin1, "admin1CodesASCII.txt")->check(CLI::ExistingFile);
  b->add_option("--admin2", build->admin2, "admin2Codes.txt")->check(CLI::ExistingFile);
  b->add_option("--country-info", build->country_info, "countryInfo.txt")->check(CLI::ExistingFile);
  b->add_option("--alternate-names", build->alternate_names, "alternateNamesV2 files")
      ->check(CLI::ExistingFile);
  b->add_option("--rules", build->rules, "skeleton rules (default: data/gazetteer/skeleton.tsv)");
  b->add_option("--admin-names", build->admin_names,
                "admin common names (default: data/gazetteer/admin-names.tsv)");
  b->add_option("--source", build->source, "source description stored in the header");
  b->add_option("-o,--output", build->output, "output .gaz")->required();
  b->callback([build, &exit_code] { exit_code = RunBuild(*build); });

  auto lookup = std::make_shared<LookupFlags>();
  CLI::App* l = gaz->add_subcommand("lookup", "Print the candidates for a place name");
  l->add_option("name", lookup->name, "place name, any script")->required();
  l->add_option("--gazetteer", lookup->gazetteer, "index (default: $SITREP_GAZETTEER or data/gazetteer/default.gaz)");
  l->add_option("--limit", lookup->limit, "at most this many candidates (default 20)");
  l->add_flag("--exact", lookup->exact_only, "only exact (folded) name matches");
  l->callback([lookup, &exit_code] { exit_code = RunLookup(*lookup); });

  auto fetch = std::make_shared<FetchFlags>();
  CLI::App* f = gaz->add_subcommand("fetch", "Download a country's GeoNames dump and build an index");
  f->add_option("country", fetch->country, "ISO 3166 alpha-2 code, e.g. UA")->required();
  f->add_option("-o,--output", fetch->output, "output .gaz")->required();
  f->add_option("--base-url", fetch->base_url, "dump base URL (default: https://download.geonames.org/export/dump)");
  f->add_option("--data-dir", fetch->data_dir, "folder with gazetteer/ admin tables (default: built-in)");
  f->add_flag("--no-alternate-names", fetch->no_alternate_names, "skip alternatenames/CC.zip");
  f->callback([fetch, &exit_code] { exit_code = RunFetch(*fetch); });
}

}  // namespace

SITREP_REGISTER_COMMAND(40, AddGazetteerCommand);

}  // namespace sitrep::cli
