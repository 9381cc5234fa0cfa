#include "sitrep/temporal.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/char_scan.h"

namespace sitrep {
namespace {

// ---------------------------------------------------------------------------
// Characters: punctuation and space classes, not words of any language.

using scan::At;
using scan::Before;
using scan::Cp;
using scan::IsDashCp;
using scan::IsDigitCp;
using scan::IsSpaceCp;
using scan::IsWordCp;
using scan::SkipDigits;

size_t SkipSpaces(std::string_view s, size_t pos) {
  while (pos < s.size()) {
    const Cp cp = At(s, pos);
    if (!IsSpaceCp(cp.c)) break;
    pos += cp.len;
  }
  return pos;
}

size_t SkipSpacesBack(std::string_view s, size_t pos) {
  while (pos > 0) {
    const Cp cp = Before(s, pos);
    if (!IsSpaceCp(cp.c)) break;
    pos -= cp.len;
  }
  return pos;
}

int DigitsValue(std::string_view s, size_t begin, size_t end) {
  int v = 0;
  for (size_t pos = begin; pos < end && pos < begin + 9; ++pos) v = v * 10 + (s[pos] - '0');
  return v;
}

// Ordinal letters glued to a day ("25th", "1er", "1ᵉʳ"): at most four
// letters, then a non-letter. Returns the end, or nullopt when the letters
// run on (a word, not a suffix).
std::optional<size_t> SkipOrdinalSuffix(std::string_view s, size_t pos) {
  for (int count = 0; count <= 4; ++count) {
    const Cp cp = At(s, pos);
    if (cp.len == 0 || !IsWordCp(cp.c)) return pos;
    if (IsDigitCp(cp.c) || count == 4) return std::nullopt;
    pos += cp.len;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Calendar helpers.

constexpr int kMinYear = 1900;  // a bare four-digit year is read in this range
constexpr int kMaxYear = 2100;
constexpr int kMaxOffset = 1000;  // larger pack offsets are ignored

std::optional<Date> MakeDate(int year, int month, int day) {
  if (!IsValidDate(year, month, day)) return std::nullopt;
  return Date{year, month, day};
}

// Month `month` of `year` shifted by `delta` months.
std::pair<int, int> AddMonths(int year, int month, int delta) {
  const int index = year * 12 + (month - 1) + delta;
  const int y = index >= 0 ? index / 12 : (index - 11) / 12;
  return {y, index - y * 12 + 1};
}

DateMention MonthWindow(Span span, int year, int month) {
  DateMention d;
  d.span = span;
  d.precision = DatePrecision::kMonth;
  d.date = MakeDate(year, month, 1);
  d.earliest = d.date;
  d.latest = MakeDate(year, month, DaysInMonth(year, month));
  return d;
}

DateMention DayDate(Span span, Date date) {
  DateMention d;
  d.span = span;
  d.precision = DatePrecision::kDay;
  d.date = date;
  d.earliest = date;
  d.latest = date;
  return d;
}

DateMention Unresolved(Span span, DatePrecision precision) {
  DateMention d;
  d.span = span;
  d.precision = precision;
  d.relative = true;
  d.unresolved = true;
  return d;
}

int TwoDigitYear(int yy, std::optional<Date> pub) {
  // With a publication date, the latest century not after next year; else
  // POSIX's pivot (69..99 -> 1900s).
  if (pub) return 2000 + yy <= pub->year + 1 ? 2000 + yy : 1900 + yy;
  return yy < 69 ? 2000 + yy : 1900 + yy;
}

// "25/09/2022", "09/25/2022", "25.09.22", "2022-09-25": three digit groups
// joined by the same one of '/', '-', '.'.
void FindNumericDates(std::string_view s, const LanguagePack& pack, std::optional<Date> pub,
                      std::vector<DateMention>& out) {
  const bool month_first = pack.date_order == "mdy";
  size_t pos = 0;
  while (pos < s.size()) {
    if (s[pos] < '0' || s[pos] > '9') {
      ++pos;
      continue;
    }
    const size_t a_begin = pos;
    const size_t a_end = SkipDigits(s, pos);
    pos = a_end;
    const Cp prev = Before(s, a_begin);
    if (prev.len != 0 && IsWordCp(prev.c)) continue;
    if (prev.len != 0 && (prev.c == '.' || prev.c == '/' || prev.c == '-' || prev.c == ':' || prev.c == ',')) {
      const Cp prev2 = Before(s, a_begin - 1);
      if (prev2.len != 0 && IsDigitCp(prev2.c)) continue;
    }
    if (a_end >= s.size()) break;
    const char sep = s[a_end];
    if (sep != '/' && sep != '-' && sep != '.') continue;
    const size_t b_begin = a_end + 1;
    const size_t b_end = SkipDigits(s, b_begin);
    if (b_end == b_begin || b_end - b_begin > 2 || b_end >= s.size() || s[b_end] != sep) continue;
    const size_t c_begin = b_end + 1;
    const size_t c_end = SkipDigits(s, c_begin);
    if (c_end == c_begin) continue;
    pos = c_end;
    const Cp next = At(s, c_end);
    if (next.len != 0 && IsWordCp(next.c)) continue;
    if (next.len != 0 && (next.c == '.' || next.c == '/' || next.c == '-' || next.c == ':') &&
        c_end + 1 < s.size() && IsDigitCp(static_cast<unsigned char>(s[c_end + 1]))) {
      continue;  // "1.2.3.4": a version or an address, not a date
    }
    const size_t a_len = a_end - a_begin, c_len = c_end - c_begin;
    const int a = DigitsValue(s, a_begin, a_end);
    const int b = DigitsValue(s, b_begin, b_end);
    const int c = DigitsValue(s, c_begin, c_end);
    std::optional<Date> date;
    if (a_len == 4 && c_len <= 2) {
      date = MakeDate(a, b, c);  // ISO order
    } else if (a_len <= 2 && (c_len == 2 || c_len == 4)) {
      const int year = c_len == 4 ? c : TwoDigitYear(c, pub);
      int month = month_first ? a : b;
      int day = month_first ? b : a;
      if (a > 12 && b <= 12) {  // a field over 12 can only be the day
        day = a, month = b;
      } else if (b > 12 && a <= 12) {
        day = b, month = a;
      }
      date = MakeDate(year, month, day);
    }
    if (date) out.push_back(DayDate(Span{uint32_t(a_begin), uint32_t(c_end)}, *date));
  }
}

// A day number (1..31) written just before `pos` ("25 septembre",
// "1er septembre", "25. September"), with at least one space between.
std::optional<std::pair<size_t, int>> DayBefore(std::string_view s, size_t pos) {
  size_t q = SkipSpacesBack(s, pos);
  if (q == pos) return std::nullopt;
  if (q > 0 && s[q - 1] == '.') --q;
  size_t r = q;
  for (int count = 0; count < 5; ++count) {  // ordinal suffix, read backwards
    const Cp cp = Before(s, r);
    if (cp.len == 0 || !IsWordCp(cp.c) || IsDigitCp(cp.c)) break;
    if (count == 4) return std::nullopt;
    r -= cp.len;
  }
  size_t d = r;
  while (d > 0 && r - d < 3 && s[d - 1] >= '0' && s[d - 1] <= '9') --d;
  if (d == r || r - d > 2) return std::nullopt;
  const Cp prev = Before(s, d);
  if (prev.len != 0 && IsWordCp(prev.c)) return std::nullopt;
  if (prev.len != 0 && (prev.c == '.' || prev.c == ',' || prev.c == ':' || prev.c == '/')) {
    const Cp prev2 = Before(s, d - 1);
    if (prev2.len != 0 && IsDigitCp(prev2.c)) return std::nullopt;
  }
  const int day = DigitsValue(s, d, r);
  if (day < 1 || day > 31) return std::nullopt;
  return std::make_pair(d, day);
}

// A day number just after a month name ("Sept. 25", "September 25th").
// Returns (end, day).
std::optional<std::pair<size_t, int>> DayAfter(std::string_view s, size_t pos) {
  if (pos < s.size() && s[pos] == '.') ++pos;
  const size_t q = SkipSpaces(s, pos);
  if (q == pos) return std::nullopt;
  const size_t end = SkipDigits(s, q);
  if (end == q || end - q > 2) return std::nullopt;
  const Cp next = At(s, end);
  if (next.len != 0 && (next.c == ':' || next.c == '/' || next.c == '.' || next.c == ',') &&
      end + 1 < s.size() && IsDigitCp(static_cast<unsigned char>(s[end + 1]))) {
    return std::nullopt;  // a time or a figure, not a day
  }
  const auto suffix_end = SkipOrdinalSuffix(s, end);
  if (!suffix_end) return std::nullopt;
  const int day = DigitsValue(s, q, end);
  if (day < 1 || day > 31) return std::nullopt;
  return std::make_pair(*suffix_end, day);
}

// A four-digit year after `pos` (", 2022" or " 2022"). Returns (end, year).
std::optional<std::pair<size_t, int>> YearAfter(std::string_view s, size_t pos) {
  size_t q = pos;
  if (q < s.size() && s[q] == ',') ++q;
  q = SkipSpaces(s, q);
  if (q == pos) return std::nullopt;
  const size_t end = SkipDigits(s, q);
  if (end - q != 4) return std::nullopt;
  const Cp next = At(s, end);
  if (next.len != 0 && IsWordCp(next.c)) return std::nullopt;
  if (next.len != 0 && (next.c == ',' || next.c == '.' || next.c == ' ') && end + 1 < s.size() &&
      IsDigitCp(static_cast<unsigned char>(s[end + 1]))) {
    return std::nullopt;  // "2 022" style figure
  }
  const int year = DigitsValue(s, q, end);
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  return std::make_pair(end, year);
}

struct Word {
  Span span;
  DateWordKind kind = DateWordKind::kMonth;
  int value = 0;
  bool used = false;
  bool needs_day = false;
};

}  // namespace

std::vector<DateMention> ResolveDates(const NormalizedText& text, const std::vector<Mention>& mentions,
                                      const LanguagePack& pack, std::optional<Date> pub_date) {
  const std::string_view s = text.text;
  if (pub_date && !IsValidDate(pub_date->year, pub_date->month, pub_date->day)) pub_date.reset();
  std::vector<DateMention> out;

  std::vector<Word> words;
  for (const Mention& m : mentions) {
    if (m.kind != MentionKind::kDateWord || m.entry >= pack.date_words.size()) continue;
    if (m.span.begin >= m.span.end || m.span.end > s.size() || !IsUtf8Boundary(s, m.span.begin) ||
        !IsUtf8Boundary(s, m.span.end)) {
      continue;
    }
    const DateWordEntry& e = pack.date_words[m.entry];
    words.push_back(Word{m.span, e.kind, e.value, false, e.needs_day});
  }
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  {
    size_t kept = 0;
    for (size_t idx = 0; idx < words.size(); ++idx) {
      if (kept > 0 && words[kept - 1].span.end > words[idx].span.begin) continue;
      words[kept++] = words[idx];
    }
    words.resize(kept);
  }
  // The date word of `kind` ending just before `pos` (only spaces, and
  // `comma` allows one comma, between), or nullptr.
  auto word_before = [&](size_t pos, DateWordKind kind, bool comma) -> Word* {
    size_t q = SkipSpacesBack(s, pos);
    if (comma && q > 0 && s[q - 1] == ',') q = SkipSpacesBack(s, q - 1);
    auto it = std::lower_bound(words.begin(), words.end(), q,
                               [](const Word& w, size_t p) { return w.span.end < p; });
    if (it == words.end() || it->span.end != q || it->kind != kind || it->used) return nullptr;
    return &*it;
  };
  auto word_after = [&](size_t pos, DateWordKind kind) -> Word* {
    const size_t q = SkipSpaces(s, pos);
    auto it = std::lower_bound(words.begin(), words.end(), q,
                               [](const Word& w, size_t p) { return w.span.begin < p; });
    if (it == words.end() || it->span.begin != q || it->kind != kind || it->used) return nullptr;
    return &*it;
  };
  // The weekday, or the "last" word, that goes with a weekday or month.
  auto past_word = [&](const Word& w) -> Word* {
    if (Word* p = word_before(w.span.begin, DateWordKind::kPast, false); p && p->span.end < w.span.begin) return p;
    if (Word* p = word_after(w.span.end, DateWordKind::kPast); p && p->span.begin > w.span.end) return p;
    return nullptr;
  };

  FindNumericDates(s, pack, pub_date, out);

  // Month names, with the day and year around them.
  for (Word& w : words) {
    if (w.kind != DateWordKind::kMonth || w.used) continue;
    w.used = true;
    const int month = w.value;
    Span span = w.span;
    std::optional<int> day;
    std::optional<int> year;
    if (auto before = DayBefore(s, w.span.begin)) {
      span.begin = static_cast<uint32_t>(before->first);
      day = before->second;
      if (auto y = YearAfter(s, w.span.end)) {
        span.end = static_cast<uint32_t>(y->first);
        year = y->second;
      }
    } else if (auto y = YearAfter(s, w.span.end)) {  // "septembre 2022"
      span.end = static_cast<uint32_t>(y->first);
      year = y->second;
    } else if (auto after = pack.date_order == "mdy" ? DayAfter(s, w.span.end)
                                                     : std::optional<std::pair<size_t, int>>{}) {
      span.end = static_cast<uint32_t>(after->first);
      day = after->second;
      if (auto y2 = YearAfter(s, after->first)) {
        span.end = static_cast<uint32_t>(y2->first);
        year = y2->second;
      }
    }
    if (day && year && !IsValidDate(*year, month, *day)) day.reset();
    if (day) {  // "jeudi 29 septembre": the weekday is part of the date
      if (Word* weekday = word_before(span.begin, DateWordKind::kWeekday, true)) {
        weekday->used = true;
        span.begin = weekday->span.begin;
      }
    }
    Word* past = day || year ? nullptr : past_word(w);
    if (past) {
      past->used = true;
      span.begin = std::min(span.begin, past->span.begin);
      span.end = std::max(span.end, past->span.end);
    }

    if (w.needs_day && !day && !year) continue;  // "may" the verb, not May
    if (year) {
      if (day) {
        out.push_back(DayDate(span, Date{*year, month, *day}));
      } else {
        out.push_back(MonthWindow(span, *year, month));
      }
      continue;
    }
    if (!pub_date) {
      out.push_back(Unresolved(span, day ? DatePrecision::kDay : DatePrecision::kMonth));
      continue;
    }
    if (day) {
      // The latest year that puts the day on or before the publication date;
      // a dateline may run up to two days ahead of it.
      const Date limit = AddDays(*pub_date, 2);
      std::optional<Date> found;
      for (int back = -1; back <= 8 && !found; ++back) {  // -1: a dateline in the new year
        auto d = MakeDate(pub_date->year - back, month, *day);
        if (d && *d <= limit) found = d;
      }
      if (!found) continue;  // "31 février": no such day
      DateMention d = DayDate(span, *found);
      d.relative = true;
      out.push_back(d);
      continue;
    }
    // A month alone: this year's, unless it has not begun yet ("last" makes
    // the current month mean last year's).
    const bool not_yet = past ? month >= pub_date->month : month > pub_date->month;
    DateMention d = MonthWindow(span, pub_date->year - (not_yet ? 1 : 0), month);
    d.relative = true;
    if (d.date) out.push_back(d);
  }

  for (Word& w : words) {
    if (w.used) continue;
    switch (w.kind) {
      case DateWordKind::kWeekday: {
        if (w.value < 1 || w.value > 7) break;
        w.used = true;
        Span span = w.span;
        Word* past = past_word(w);
        if (past) {
          past->used = true;
          span.begin = std::min(span.begin, past->span.begin);
          span.end = std::max(span.end, past->span.end);
        }
        if (!pub_date) {
          out.push_back(Unresolved(span, DatePrecision::kDay));
          break;
        }
        // The latest such day on or before the publication date; strictly
        // before it with "last".
        int back = (IsoWeekday(*pub_date) - w.value + 7) % 7;
        if (past && back == 0) back = 7;
        DateMention d = DayDate(span, AddDays(*pub_date, -back));
        d.relative = true;
        out.push_back(d);
        break;
      }
      case DateWordKind::kDayOffset:
      case DateWordKind::kWeekOffset:
      case DateWordKind::kMonthOffset:
      case DateWordKind::kYearOffset: {
        if (w.value < -kMaxOffset || w.value > kMaxOffset) break;
        w.used = true;
        const DatePrecision precision = w.kind == DateWordKind::kDayOffset    ? DatePrecision::kDay
                                        : w.kind == DateWordKind::kWeekOffset ? DatePrecision::kWeek
                                        : w.kind == DateWordKind::kMonthOffset ? DatePrecision::kMonth
                                                                               : DatePrecision::kUnknown;
        if (!pub_date) {
          out.push_back(Unresolved(w.span, precision));
          break;
        }
        DateMention d;
        if (w.kind == DateWordKind::kDayOffset) {
          d = DayDate(w.span, AddDays(*pub_date, w.value));
        } else if (w.kind == DateWordKind::kWeekOffset) {
          const Date monday = AddDays(*pub_date, 1 - IsoWeekday(*pub_date) + 7 * int64_t{w.value});
          d.span = w.span;
          d.precision = DatePrecision::kWeek;
          d.date = monday;
          d.earliest = monday;
          d.latest = AddDays(monday, 6);
        } else if (w.kind == DateWordKind::kMonthOffset) {
          const auto [y, m] = AddMonths(pub_date->year, pub_date->month, w.value);
          d = MonthWindow(w.span, y, m);
        } else {
          // A year has no precision of its own: the window says it all.
          const int y = pub_date->year + w.value;
          d.span = w.span;
          d.precision = DatePrecision::kUnknown;
          d.earliest = MakeDate(y, 1, 1);
          d.latest = MakeDate(y, 12, 31);
        }
        d.relative = true;
        const auto valid = [](const std::optional<Date>& x) {
          return !x || IsValidDate(x->year, x->month, x->day);
        };
        if (valid(d.date) && valid(d.earliest) && valid(d.latest) && d.earliest && d.latest) out.push_back(d);
        break;
      }
      default:
        break;
    }
  }

  std::sort(out.begin(), out.end(), [](const DateMention& a, const DateMention& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  size_t kept = 0;
  for (size_t idx = 0; idx < out.size(); ++idx) {
    if (kept > 0 && out[kept - 1].span.end > out[idx].span.begin) continue;
    out[kept++] = std::move(out[idx]);
  }
  out.resize(kept);
  return out;
}

}  // namespace sitrep
