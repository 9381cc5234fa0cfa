// Dates: absolute ("le 25 septembre", "Sept. 25", "25/09/2022",
// "2022-09-25") and relative to the publication date ("jeudi", "on
// Thursday", "yesterday", "le mois dernier"), each with a precision and an
// earliest/latest window. Without a publication date a relative date stays
// unresolved and says so.
//
//   auto d = ResolveDates(norm, mentions, pack, Date{2022, 10, 1});
//   // "jeudi" -> 2022-09-29, precision day
#pragma once

#include <optional>
#include <vector>

#include "sitrep/date.h"
#include "sitrep/event.h"
#include "sitrep/lang_pack.h"
#include "sitrep/normalize.h"
#include "sitrep/recognize.h"
#include "sitrep/text.h"

namespace sitrep {

struct DateMention {
  Span span;                   // the words ("vendredi", "le 25 septembre")
  std::optional<Date> date;    // best day; unset when unresolved
  std::optional<Date> earliest;
  std::optional<Date> latest;
  DatePrecision precision = DatePrecision::kUnknown;
  bool relative = false;       // resolved against the publication date
  bool unresolved = false;     // relative, but no publication date given
};

// Finds and resolves the dates of `text`. A weekday means the latest such day
// on or before `pub_date` (news reports the past); a day and month without a
// year take the year that puts them on or before `pub_date`. Sorted by
// span.begin. Pure.
std::vector<DateMention> ResolveDates(const NormalizedText& text,
                                      const std::vector<Mention>& mentions,
                                      const LanguagePack& pack,
                                      std::optional<Date> pub_date);

}  // namespace sitrep
