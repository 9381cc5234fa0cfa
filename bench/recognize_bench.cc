// Recogniser speed: compiling a pack's phrases into one vectorscan database,
// and scanning text with it. The pack is synthetic (made-up words built from
// syllables, a mix of single words, multi-word phrases and stems across the
// tables) so the numbers do not move when the real packs grow; the text is
// a few sentences written here, repeated, with some pack words inside.
//
//   build/bench/recognize_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "sitrep/lang_pack.h"
#include "sitrep/normalize.h"
#include "sitrep/recognize.h"

namespace sitrep {
namespace {

constexpr const char* kSyllables[] = {"ka", "lo", "mi", "ru", "te", "vo", "zé", "ny",
                                      "pa", "ši", "do", "fu", "ga", "hé", "jo", "bu"};

// A made-up word of three syllables from `n`.
std::string Word(size_t n) {
  std::string w;
  for (int i = 0; i < 3; ++i) {
    w += kSyllables[n % 16];
    n /= 16;
  }
  return w;
}

// `count` phrases spread over the tables: every third has two words, every
// fifth is a stem.
LanguagePack SyntheticPack(size_t count) {
  LanguagePack pack;
  pack.code = "bench";
  for (size_t i = 0; i < count; ++i) {
    std::string phrase = Word(i * 7 + 1);
    if (i % 3 == 0) phrase += " " + Word(i * 11 + 5);
    if (i % 5 == 0) phrase += "*";
    switch (i % 6) {
      case 0:
        pack.triggers.push_back(
            {phrase, "Explosions/Remote violence", "Shelling/artillery/missile attack", false});
        break;
      case 1:
        pack.casualties.push_back({phrase, CasualtyKind::kKilled});
        break;
      case 2:
        pack.actors.push_back({phrase, "Actor", ActorRole::kArmed, false});
        break;
      case 3:
        pack.victims.push_back({phrase, VictimCategory::kCivilians});
        break;
      case 4:
        pack.numbers.push_back({phrase, static_cast<int64_t>(i), NumberKind::kUnit});
        break;
      default:
        pack.hedges.push_back({phrase, HedgeKind::kHedge});
        break;
    }
  }
  return pack;
}

// About `bytes` of text: sentences written for this bench, with one pack
// phrase in every other sentence.
std::string SyntheticText(const LanguagePack& pack, size_t bytes) {
  const char* sentences[] = {
      "The convoy was stopped near the bridge on Thursday morning, witnesses said.",
      "Au moins vingt personnes ont été blessées lors de l'attaque contre le marché.",
      "Officials in the regional administration denied any involvement in the incident.",
      "Вчора ввечері було чути вибухи в центрі міста, повідомили мешканці.",
      "Les secours sont arrivés sur place deux heures plus tard, selon la mairie.",
  };
  std::string text;
  size_t i = 0;
  while (text.size() < bytes) {
    text += sentences[i % 5];
    if (i % 2 == 0) {
      text += " ";
      text += pack.triggers[i % pack.triggers.size()].phrase;
      if (text.back() == '*') text.back() = 's';
      text += ".";
    }
    text += (i % 7 == 6) ? "\n" : " ";
    ++i;
  }
  return text;
}

void BM_Compile(benchmark::State& state) {
  const LanguagePack pack = SyntheticPack(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto recognizer = Recognizer::Create(pack);
    if (!recognizer) state.SkipWithError(recognizer.error().message.c_str());
    benchmark::DoNotOptimize(recognizer);
  }
  state.counters["phrases"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_Compile)->Arg(300)->Arg(3000)->Unit(benchmark::kMillisecond);

// Compiles every pack shipped under data/lang, as `sitrep` does at start-up.
void BM_CompileDataPacks(benchmark::State& state) {
  CollectingSink sink;
  const auto packs = LoadLanguagePacks(SITREP_DATA_DIR "/lang", sink);
  if (!packs || packs->empty()) {
    state.SkipWithError("no packs under " SITREP_DATA_DIR "/lang");
    return;
  }
  size_t phrases = 0;
  for (const LanguagePack& pack : *packs) {
    for (int k = 0; k < static_cast<int>(MentionKind::kCount); ++k) {
      phrases += pack.EntryCount(static_cast<MentionKind>(k));
    }
  }
  for (auto _ : state) {
    for (const LanguagePack& pack : *packs) {
      auto recognizer = Recognizer::Create(pack);
      if (!recognizer) state.SkipWithError(recognizer.error().message.c_str());
      benchmark::DoNotOptimize(recognizer);
    }
  }
  state.counters["packs"] = static_cast<double>(packs->size());
  state.counters["phrases"] = static_cast<double>(phrases);
}
BENCHMARK(BM_CompileDataPacks)->Unit(benchmark::kMillisecond);

// Scans `range(1)` bytes of text in one Find, with a pack of `range(0)` phrases.
void BM_Find(benchmark::State& state) {
  const LanguagePack pack = SyntheticPack(static_cast<size_t>(state.range(0)));
  const auto recognizer = Recognizer::Create(pack);
  if (!recognizer) {
    state.SkipWithError(recognizer.error().message.c_str());
    return;
  }
  auto scratch = recognizer->MakeScratch();
  const auto text = Normalize(SyntheticText(pack, static_cast<size_t>(state.range(1))));
  if (!text || !scratch) {
    state.SkipWithError("setup failed");
    return;
  }
  // Checked once outside the loop, so a broken fast path cannot look fast.
  const size_t expected = recognizer->Find(*text, *scratch).size();
  if (expected == 0) state.SkipWithError("no mentions found");
  size_t found = 0;
  for (auto _ : state) {
    const auto mentions = recognizer->Find(*text, *scratch);
    found = mentions.size();
    benchmark::DoNotOptimize(mentions.data());
  }
  if (found != expected) state.SkipWithError("mention count changed");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text->text.size()));
  state.counters["mentions"] = static_cast<double>(found);
}
BENCHMARK(BM_Find)
    ->Args({300, 4 << 20})
    ->Args({3000, 4 << 20})
    ->Args({300, 4 << 10})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
