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
// digits found directly. Sorted by span.begin, non-overlapping. Pure and
// thread-safe; mentions out of range of the pack or the text are ignored.
//
// How counts read:
// - Exact figures: low = best = high. A vague word (kRange) gives its
//   low..high, and its midpoint as best when the range is narrow (high at
//   most 1.5 x low: "une trentaine" 25/30/35; "dozens" 12/-/99).
// - "at least N": low = best = N. "more than N": low = N+1. "up to N":
//   high = N. "about N": N exactly, approximate. On a vague count these use
//   its best, else its nearer bound ("more than a dozen": low 13).
// - "between N and M", "N to M", "N-M" (digits): low N, high M, no best;
//   only when N < M and not two years ("1939-1945" stays two numbers).
// - A decimal ("2,5") is not a count and is not reported, unless a
//   multiplier word follows ("2,5 millions" = 2 500 000).
// - Not counts: dates and times ("25/09/2022", "16:30"), digits glued to
//   letters or '%' ("25th", "10km", "20%", "MH17"), codes ("T-72") and
//   compound adjectives ("20-year-old").
// - A number word of value 0 in the pack ("and", "et") only joins written
//   numbers ("vingt et un"); a kAnother word may also follow its number
//   ("deux autres").
std::vector<Quantity> ParseQuantities(const NormalizedText& text,
                                      const std::vector<Mention>& mentions,
                                      const LanguagePack& pack);

}  // namespace sitrep
