#include "sitrep/date.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(Date, DaysRoundTripAcrossLeapYears) {
  for (int64_t days = -800000; days <= 800000; days += 997) {
    EXPECT_EQ(ToDays(FromDays(days)), days);
  }
  EXPECT_EQ(ToDays(Date{1970, 1, 1}), 0);
  EXPECT_EQ(FromDays(ToDays(Date{2024, 2, 28}) + 1), (Date{2024, 2, 29}));
  EXPECT_EQ(FromDays(ToDays(Date{2023, 2, 28}) + 1), (Date{2023, 3, 1}));
}

TEST(Date, IsoWeekdayOfKnownDays) {
  EXPECT_EQ(IsoWeekday(Date{2022, 10, 1}), 6);  // a Saturday
  EXPECT_EQ(IsoWeekday(Date{2022, 9, 29}), 4);  // a Thursday
  EXPECT_EQ(IsoWeekday(Date{2024, 10, 27}), 7); // a Sunday
}

TEST(Date, ParseIsoDateAcceptsTimestampsAndRejectsNonsense) {
  EXPECT_EQ(ParseIsoDate("2022-09-25"), (Date{2022, 9, 25}));
  EXPECT_EQ(ParseIsoDate("2022-10-01T08:30:00Z"), (Date{2022, 10, 1}));
  EXPECT_FALSE(ParseIsoDate("2022-02-30"));
  EXPECT_FALSE(ParseIsoDate("2022/10/01"));
  EXPECT_FALSE(ParseIsoDate("2022-10-011"));
  EXPECT_EQ(FormatIsoDate(Date{987, 3, 4}), "0987-03-04");
}

}  // namespace
}  // namespace sitrep
