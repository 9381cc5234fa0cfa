// Dates: absolute (a day and a month name from the pack, "25/09/2022",
// "2022-09-25") and relative to the publication date (a weekday, "on
// Thursday", "yesterday", "le mois dernier"), each with a precision and an
// earliest/latest window. Without a publication date a relative date stays
// unresolved and says so.
//
//   auto d = ResolveDates(norm, mentions, pack, Date{2022, 10, 1});
//   // the French pack's Thursday -> 2022-09-29, precision day
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
  Span span;                   // the words: a weekday, or a day and month
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
// span.begin, non-overlapping. Pure and thread-safe; mentions out of range
// of the pack or the text, and an impossible `pub_date`, are ignored.
//
// Details:
// - A day and month without a year may fall up to 2 days after `pub_date`
//   (datelines run ahead); its year came from `pub_date`, so relative = true.
// - A month alone (a month name with no day) is that month of the publication year,
//   or of the year before when it has not begun; precision month, window the
//   whole month, date its 1st. A month with a "past" word is strictly before the
//   publication month.
// - A weekday with a kPast word next to it ("jeudi dernier", "last
//   Saturday") is strictly before `pub_date`.
// - Week offsets: precision week, window Monday..Sunday, date the Monday.
//   Month offsets: precision month, date the 1st. Year offsets: precision
//   unknown, window the whole year, date unset.
// - Numeric dates need three fields ("25/09" alone is not read); the
//   manifest's date_order decides unless one field is over 12. A two-digit
//   year is the latest century not after pub_date's year + 1 (without a
//   publication date, 00-68 are 20xx).
// - Without `pub_date`, relative dates are returned with unresolved = true
//   and no date or window; absolute dates still resolve.
std::vector<DateMention> ResolveDates(const NormalizedText& text,
                                      const std::vector<Mention>& mentions,
                                      const LanguagePack& pack,
                                      std::optional<Date> pub_date);

}  // namespace sitrep
