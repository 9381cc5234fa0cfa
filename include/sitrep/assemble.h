// Assembly: turns one article's recognised mentions, counts, dates and
// places into event records, one per real-world incident it reports.
//
// A sentence with an event word (or a casualty count tied to a weapon or an
// armed actor) makes a frame; a frame takes its type from the trigger and
// the first-named weapon, its toll from the counts tied to casualty words,
// its actor from the nearest armed actor, its place and date from its own
// sentence. Frames that tell the same incident (compatible type, place and
// date, close in the text) become one event whose evidence lists every
// sentence. Background ("since the invasion began"), threats, plans,
// negated and intercepted attacks make no events; opinion words move `tone`
// only. A sentence that lists several places, each with its own toll, makes
// one frame per place.
//
//   std::vector<Event> events = AssembleEvents(input, AssembleOptions{});
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/date.h"
#include "sitrep/event.h"
#include "sitrep/geocode.h"
#include "sitrep/lang_pack.h"
#include "sitrep/normalize.h"
#include "sitrep/quantity.h"
#include "sitrep/recognize.h"
#include "sitrep/segment.h"
#include "sitrep/temporal.h"

namespace sitrep {

// One sentence and everything found in it. Mentions, quantities and dates
// are those of `pack`, the pack of the sentence's paragraph language.
struct SentenceAnalysis {
  Sentence sentence;
  const LanguagePack* pack = nullptr;
  std::vector<Token> tokens;
  std::vector<Mention> mentions;
  std::vector<Quantity> quantities;
  std::vector<DateMention> dates;
  std::vector<PlaceMention> places;
  bool is_title = false;
};

struct ArticleAnalysis {
  std::string article_id;
  std::string source;  // the outlet, for reports without a named speaker
  std::string lang;
  const NormalizedText* text = nullptr;  // must outlive the call
  std::optional<Date> pub_date;
  std::vector<SentenceAnalysis> sentences;
};

struct AssembleOptions {
  // ISO 3166 alpha-2 -> English country name ("UA" -> "Ukraine"), for
  // actor names such as "Civilians (Ukraine)". Empty: codes are used.
  std::function<std::string(const std::string&)> country_name;
  // Incidents dated more than this many days before publication are
  // history, not news of the article.
  int max_days_before_pub = 400;
};

// Builds the events of one article. Pure: same input, same output.
std::vector<Event> AssembleEvents(const ArticleAnalysis& article, const AssembleOptions& options);

}  // namespace sitrep
