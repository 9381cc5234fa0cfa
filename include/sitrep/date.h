// A civil (proleptic Gregorian) calendar date, with the arithmetic that date
// resolution, merging and queries need. No time zones: news dates are days.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Days since 1970-01-01 (negative before).
int64_t ToDays(Date date);
Date FromDays(int64_t days);
inline Date AddDays(Date date, int64_t n) { return FromDays(ToDays(date) + n); }

// ISO weekday: 1 = Monday ... 7 = Sunday.
int IsoWeekday(Date date);

// Days in `month` of `year`.
int DaysInMonth(int year, int month);

// True when year/month/day name a real day.
bool IsValidDate(int year, int month, int day);

// Parses "YYYY-MM-DD", also the date part of an ISO 8601 timestamp
// ("2022-10-01T08:30:00Z"). Returns nullopt on anything else.
std::optional<Date> ParseIsoDate(std::string_view text);

// "YYYY-MM-DD".
std::string FormatIsoDate(Date date);

}  // namespace sitrep
