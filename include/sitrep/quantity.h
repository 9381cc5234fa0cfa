// Numbers and counts: digits with local separators ("1 200", "1,200",
// "1.200"), written numbers from the pack ("vingt-trois", "twenty-three",
// "quatre-vingt-dix"), and vague quantities as ranges ("une trentaine"
// 25-35, "dozens" 12-99, "at least 20" -> low 20, "more than 20" -> low 21,
// "up to 20" -> high 20, "including 10 children" -> a sub-count).
//
//   auto q = ParseQuantities(norm, mentions, pack);
//   // "au moins 20 personnes" -> {span "au moins 20", count {20, 20, -}}
#pragma once

#include <optional>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/lang_pack.h"
#include "sitrep/normalize.h"
#include "sitrep/recognize.h"
#include "sitrep/text.h"

namespace sitrep {

struct Quantity {
  Span span;         // the whole phrase, modifier included ("au moins 20")
  Span number_span;  // the number itself ("20"); equals span for "une trentaine"
  CountRange count;  // "at least 20": low 20, best 20, high unset
  bool approximate = false;  // came from a vague word or "about"
  bool sub_count = false;    // introduced by "including"/"dont"
  bool another = false;      // "another two": adds to an earlier count
  bool written = false;      // spelled out in words, not digits
  bool is_year_like = false; // a bare 4-digit number 1900..2100 with no modifier
};

// Finds every quantity in `text` using the pack's number words and
// quantifiers found by the recogniser (`mentions`, sorted by begin) and
// digits found directly. Sorted by span.begin, non-overlapping. Pure.
std::vector<Quantity> ParseQuantities(const NormalizedText& text,
                                      const std::vector<Mention>& mentions,
                                      const LanguagePack& pack);

}  // namespace sitrep
