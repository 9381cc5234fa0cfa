// Normalize throughput on ASCII, French and Cyrillic text, in MB/s.
//   build-*/bench/normalize_bench --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <string>

#include "sitrep/normalize.h"

namespace {

// About 1 MB made of one paragraph we wrote, repeated.
std::string Repeat(const std::string& paragraph) {
  std::string text;
  while (text.size() < (1u << 20)) text += paragraph;
  return text;
}

const std::string& Ascii() {
  static const std::string text = Repeat(
      "Officials said at least 20 people were killed when a convoy of seven cars was "
      "shot at near the village on Thursday morning, according to the regional governor.\n");
  return text;
}

const std::string& French() {
  static const std::string text = Repeat(
      "Au moins vingt personnes ont été tuées jeudi près du village, a déclaré le "
      "gouverneur régional, qui accuse un groupe armé d’avoir ouvert le feu.\n");
  return text;
}

const std::string& Cyrillic() {
  static const std::string text = Repeat(
      "Щонайменше двадцять людей загинули в четвер поблизу села, повідомив голова "
      "обласної адміністрації. Ещё пять человек были ранены, сообщили в полиции.\n");
  return text;
}

void Run(benchmark::State& state, const std::string& text) {
  // Check the output once so a broken fast path cannot look fast.
  auto check = sitrep::Normalize(text);
  if (!check || check->folded_to_text.size() != check->folded.size() + 1) {
    state.SkipWithError("Normalize failed");
    return;
  }
  for (auto _ : state) {
    auto n = sitrep::Normalize(text);
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

void BM_NormalizeAscii(benchmark::State& state) { Run(state, Ascii()); }
void BM_NormalizeFrench(benchmark::State& state) { Run(state, French()); }
void BM_NormalizeCyrillic(benchmark::State& state) { Run(state, Cyrillic()); }

void BM_NormalizeNfdFrench(benchmark::State& state) {
  // Every "é" decomposed: the slow path through ICU's normaliser.
  std::string nfd;
  for (char c : French()) nfd += c;
  std::string out;
  for (size_t i = 0; i < nfd.size(); ++i) {
    if (nfd.compare(i, 2, "\xC3\xA9") == 0) {
      out += "e\xCC\x81";
      ++i;
    } else {
      out += nfd[i];
    }
  }
  Run(state, out);
}

void BM_FoldForMatchCyrillic(benchmark::State& state) {
  const std::string& text = Cyrillic();
  for (auto _ : state) {
    std::string f = sitrep::FoldForMatch(text);
    benchmark::DoNotOptimize(f);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

BENCHMARK(BM_NormalizeAscii);
BENCHMARK(BM_NormalizeFrench);
BENCHMARK(BM_NormalizeCyrillic);
BENCHMARK(BM_NormalizeNfdFrench);
BENCHMARK(BM_FoldForMatchCyrillic);

}  // namespace

BENCHMARK_MAIN();
