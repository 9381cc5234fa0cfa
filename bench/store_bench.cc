// The store: ingest throughput (articles/s through Store::Ingest with
// synthetic reports, merging included), store size per 1,000 articles, and
// the latency of a radius-and-date query on a store of at least 1 million
// merged events.
//
//   scripts/bench store_bench
//   build/bench/store_bench --benchmark_repetitions=3
//
// The large store is built once (SITREP_STORE_BENCH_EVENTS, default
// 1000000 events) at $SITREP_STORE_BENCH_DB (default
// /tmp/sitrep-store-bench.db) and reused by later runs.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "sitrep/store.h"
#include "store/synthetic.h"

namespace sitrep {
namespace {

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

void RemoveStore(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ec);
}

// A world-wide spread (few merges) or one region (many merges).
store::SyntheticOptions Spread(bool dense) {
  store::SyntheticOptions options;
  options.seed = 7;
  options.max_events_per_article = 3;
  options.text_bytes = 3000;
  if (dense) {
    options.town_count = 200;
    options.day_span = 365;
  } else {
    options.lat_min = -35;
    options.lat_max = 60;
    options.lon_min = -100;
    options.lon_max = 140;
    options.town_count = 20000;
    options.day_span = 3 * 365;
  }
  return options;
}

void BM_Ingest(benchmark::State& state) {
  const bool dense = state.range(1) != 0;
  store::SyntheticOptions options = Spread(dense);
  options.article_count = static_cast<size_t>(state.range(0));
  auto articles = store::SyntheticGenerator(options).MakeAll();
  // News arrives roughly in publication order; range(2) = 0 keeps the
  // generator's random order instead (a backfill: re-merges reach further).
  if (state.range(2) != 0) {
    std::stable_sort(articles.begin(), articles.end(), [](const auto& a, const auto& b) {
      return a.article.pub_date < b.article.pub_date;
    });
  }
  const std::string path = TempPath("sitrep-store-bench-ingest.db");
  size_t events = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    RemoveStore(path);
    auto store = Store::Open(path);
    if (!store) {
      state.SkipWithError(store.error().message.c_str());
      return;
    }
    state.ResumeTiming();
    for (const auto& a : articles) {
      auto outcome = store->Ingest(a.article, a.events);
      if (!outcome || outcome->duplicate) {
        state.SkipWithError("ingest failed");
        return;
      }
    }
    state.PauseTiming();
    const StoreStats stats = store->Stats().value();
    events = static_cast<size_t>(stats.event_count);
    if (stats.article_count != static_cast<int64_t>(articles.size())) state.SkipWithError("lost articles");
    store = MakeError(ErrorCode::kInternal, "closed");  // checkpoint on close
    std::error_code ec;
    bytes = static_cast<int64_t>(std::filesystem::file_size(path, ec));
    state.ResumeTiming();
  }
  RemoveStore(path);
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(articles.size()), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["events"] = static_cast<double>(events);
  state.counters["MB_per_1k_articles"] =
      static_cast<double>(bytes) / 1e6 / (static_cast<double>(articles.size()) / 1000.0);
  state.counters["peak_rss_MB"] = PeakRssMb();
}
// Args: articles, dense (one region, many merges), in publication order.
BENCHMARK(BM_Ingest)
    ->Args({5000, 0, 1})
    ->Args({5000, 1, 1})
    ->Args({2000, 1, 0})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The large store's articles: short texts, up to 5 events each.
store::SyntheticOptions LargeStoreSpread() {
  store::SyntheticOptions options = Spread(false);
  options.article_count = 1;
  options.text_bytes = 300;
  options.max_events_per_article = 5;
  return options;
}

// Builds (or reuses) the large store; returns its path.
std::string LargeStore(int64_t* event_count) {
  const char* env_path = std::getenv("SITREP_STORE_BENCH_DB");
  const char* env_events = std::getenv("SITREP_STORE_BENCH_EVENTS");
  const std::string path = env_path ? env_path : TempPath("sitrep-store-bench.db");
  const int64_t target = env_events ? std::atoll(env_events) : 1000000;
  auto store = Store::Open(path);
  if (!store) return {};
  StoreStats stats = store->Stats().value();
  const store::SyntheticGenerator generator(LargeStoreSpread());
  size_t next = static_cast<size_t>(stats.article_count);
  const auto start = std::chrono::steady_clock::now();
  while (stats.event_count < target) {
    for (int i = 0; i < 10000; ++i) {
      const auto a = generator.Make(next++);
      if (!store->Ingest(a.article, a.events)) return {};
    }
    stats = store->Stats().value();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "store_bench: building " << path << ": " << stats.event_count << " events, "
              << stats.article_count << " articles, " << static_cast<int64_t>(seconds) << " s\r";
  }
  std::cerr << "\n";
  *event_count = stats.event_count;
  return path;
}

void BM_QueryRadiusAndDate(benchmark::State& state) {
  int64_t event_count = 0;
  const std::string path = LargeStore(&event_count);
  if (path.empty()) {
    state.SkipWithError("cannot build the large store");
    return;
  }
  StoreOptions read_only;
  read_only.read_only = true;
  auto store = Store::Open(path, read_only);
  if (!store) {
    state.SkipWithError(store.error().message.c_str());
    return;
  }
  // Queries centred on places and days where events are.
  const store::SyntheticGenerator generator(LargeStoreSpread());
  std::mt19937_64 rng(11);
  std::vector<double> latencies_ms;
  size_t found = 0;
  for (auto _ : state) {
    const auto sample = generator.Make(rng() % 100000);
    const Event& at = sample.events.front();
    EventQuery q;
    q.near = EventQuery::Near{*at.location.lat, *at.location.lon, 30};
    q.from = AddDays(*at.event_date, -15);
    q.to = AddDays(*at.event_date, 15);
    const auto begin = std::chrono::steady_clock::now();
    size_t n = 0;
    auto status = store->ForEachEvent(q, [&](const Event&) {
      ++n;
      return true;
    });
    const auto end = std::chrono::steady_clock::now();
    if (!status) {
      state.SkipWithError(status.error().message.c_str());
      return;
    }
    found += n;
    latencies_ms.push_back(std::chrono::duration<double, std::milli>(end - begin).count());
  }
  std::sort(latencies_ms.begin(), latencies_ms.end());
  auto percentile = [&](double p) {
    return latencies_ms[std::min(latencies_ms.size() - 1,
                                 static_cast<size_t>(p * static_cast<double>(latencies_ms.size())))];
  };
  state.counters["store_events"] = static_cast<double>(event_count);
  state.counters["p50_ms"] = percentile(0.50);
  state.counters["p99_ms"] = percentile(0.99);
  state.counters["events_per_query"] =
      static_cast<double>(found) / static_cast<double>(latencies_ms.size());
  state.counters["peak_rss_MB"] = PeakRssMb();
  if (found == 0) state.SkipWithError("no query found an event: broken index?");
}
BENCHMARK(BM_QueryRadiusAndDate)->Iterations(2000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
