// Extraction throughput on one core: the whole pipeline (normalise ... assemble,
// with and without geocoding) over the shared corpus and the gold texts.
// Reports MB/s, articles/s and peak RSS. Run with scripts/bench.
#include <sys/resource.h>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "sitrep/eval.h"
#include "sitrep/pipeline.h"
#include "sitrep/read.h"

namespace {

using namespace sitrep;

// Articles by language: the gold texts, and the corpus (French).
std::map<std::string, std::vector<Article>>& Inputs() {
  static auto* inputs = [] {
    auto* m = new std::map<std::string, std::vector<Article>>();
    CollectingSink sink;
    const std::string shared = SITREP_SHARED_DIR;
    if (auto gold = ReadGoldFile(shared + "/gold/dev.jsonl", sink)) {
      for (auto& g : *gold) {
        (*m)[g.article.lang].push_back(g.article);
        (*m)["all"].push_back(g.article);
      }
    }
    (void)ReadPath(shared + "/corpus", ReadOptions{}, sink, [&](Article a) {
      a.pub_date = Date{2022, 10, 1};
      a.lang = "fr";
      (*m)["all"].push_back(a);
      (*m)["fr"].push_back(std::move(a));
    });
    return m;
  }();
  return *inputs;
}

const Pipeline& GetPipeline(bool geocode) {
  static std::map<bool, std::unique_ptr<Pipeline>> pipelines;
  auto& p = pipelines[geocode];
  if (!p) {
    CollectingSink sink;
    PipelineOptions options;
    options.data_dir = SITREP_DATA_DIR;
    options.geocode = geocode;
    auto created = Pipeline::Create(options, sink);
    if (!created) {
      std::cerr << "extract_bench: " << created.error().message << "\n";
      std::exit(1);
    }
    p = std::make_unique<Pipeline>(std::move(*created));
  }
  return *p;
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

void BM_Extract(benchmark::State& state, std::string lang, bool geocode) {
  const auto& articles = Inputs()[lang];
  if (articles.empty()) {
    state.SkipWithError("no input articles (is ../shared there?)");
    return;
  }
  const Pipeline& pipeline = GetPipeline(geocode);
  size_t bytes = 0;
  for (const auto& a : articles) bytes += a.raw_text.size();
  size_t events = 0;
  for (auto _ : state) {
    events = 0;
    for (const auto& a : articles) {
      auto r = pipeline.Extract(a);
      if (r) events += r->events.size();
    }
    benchmark::DoNotOptimize(events);
  }
  // The output is checked once, so a broken fast path cannot look fast.
  if (events == 0) state.SkipWithError("no events extracted");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * articles.size()), benchmark::Counter::kIsRate);
  state.counters["events"] = static_cast<double>(events);
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}

BENCHMARK_CAPTURE(BM_Extract, all_geocode, std::string("all"), true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Extract, all_no_geocode, std::string("all"), false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Extract, en, std::string("en"), true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Extract, fr, std::string("fr"), true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Extract, uk, std::string("uk"), true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Extract, ru, std::string("ru"), true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Extract, es, std::string("es"), true)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
