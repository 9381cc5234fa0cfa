// Internal to assembly: what one sentence states, read off its mentions
// (casualty counts tied to their numbers, the event words that count, the
// actor, the attribution), before frames and incidents are built.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/assemble.h"

namespace sitrep::assemble_internal {

// A count tied to a casualty word: "au moins 20 personnes ... tuées".
struct CasualtyFact {
  CasualtyKind kind = CasualtyKind::kKilled;
  CountRange count;
  std::optional<int64_t> children;  // "including 10 children"
  Span span;                        // from the number to the casualty word
  bool negated = false;             // "no one was killed"
};

struct ActorPick {
  std::string actor;  // canonical, may hold "{country}"
  Span span;
  int strength = 0;  // 3 strong before trigger, 2 strong, 1 weak; 0 none
};

struct Speaker {
  std::string name;
  Span span;
};

// Everything assembly reads off one sentence.
struct SentenceFacts {
  size_t index = 0;  // in ArticleAnalysis::sentences
  std::vector<CasualtyFact> facts;
  // Event words that survive negation and hedges, in text order.
  std::vector<Mention> triggers;
  bool has_strong_trigger = false;
  std::vector<Mention> weapons;     // in text order
  std::vector<VictimCategory> victims;
  ActorPick actor;
  bool background = false;    // history, not news
  bool unreal = false;        // threat, plan, future, conditional before the event word
  bool intercepted = false;   // weapons shot down
  bool hedged = false;        // "reportedly", "allegedly"
  std::optional<DenialStance> denial;
  std::optional<Speaker> speaker;  // who says it
  std::vector<Span> attribution_spans;
  double opinion = 0.0;  // sum of opinion polarities
  int opinion_count = 0;
};

// Reads one sentence. `text` is the article's NFC text.
SentenceFacts ReadSentence(std::string_view text, const SentenceAnalysis& sentence, size_t index);

// Number of word tokens lying between spans `a` and `b` (in either order).
int TokensBetween(const std::vector<Token>& tokens, Span a, Span b);

// True when the text between `a` and `b` holds a clause break (, ; : or a
// dash between spaces, or a parenthesis).
bool ClauseBreakBetween(std::string_view text, Span a, Span b);

}  // namespace sitrep::assemble_internal
