#include "sitrep/merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace sitrep {
namespace {

constexpr const char* kExplosions = "Explosions/Remote violence";
constexpr const char* kBattles = "Battles";
constexpr const char* kCivilianViolence = "Violence against civilians";
constexpr const char* kRussia = "Military Forces of Russia";
constexpr const char* kUkraine = "Military Forces of Ukraine";
constexpr const char* kCivilians = "Civilians (Ukraine)";

// Kharkiv oblast places (GeoNames coordinates, rounded).
constexpr double kKupianskLat = 49.7100, kKupianskLon = 37.6158;
constexpr double kKurylivkaLat = 49.6568, kKurylivkaLon = 37.7476;  // 11.2 km from Kupiansk
constexpr double kKharkivLat = 49.9808, kKharkivLon = 36.2527;       // 102 km from Kupiansk

Event MakeEvent(const std::string& place, double lat, double lon, Date date, int precision = 1,
                const std::string& type = kExplosions, const std::string& actor1 = kRussia,
                const std::string& actor2 = kCivilians) {
  Event e;
  e.event_type = type;
  e.sub_event_type = type == std::string(kBattles) ? "Armed clash" : "Shelling/artillery/missile attack";
  e.event_date = date;
  e.date_precision = DatePrecision::kDay;
  e.location.name = place;
  e.location.admin1 = "Kharkiv";
  e.location.country = "UA";
  e.location.lat = lat;
  e.location.lon = lon;
  e.location.geo_precision = precision;
  e.actor1 = actor1;
  e.actor2 = actor2;
  return e;
}

// Moves a point `km` kilometres north.
Event North(Event e, double km) {
  *e.location.lat += km / 111.2;
  return e;
}

TEST(DistanceKm, MatchesKnownDistance) {
  // Kupiansk - Kharkiv and Kupiansk - Kurylivka, great circle.
  EXPECT_NEAR(HaversineKm(kKupianskLat, kKupianskLon, kKharkivLat, kKharkivLon), 102.27, 0.01);
  EXPECT_NEAR(HaversineKm(kKupianskLat, kKupianskLon, kKurylivkaLat, kKurylivkaLon), 11.18, 0.01);
  EXPECT_NEAR(HaversineKm(0, 0, 0, 1), 111.19, 0.01);
  EXPECT_EQ(HaversineKm(10, 20, 10, 20), 0.0);
}

TEST(EventDayWindow, WidensByPrecision) {
  Event e = MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, {2022, 9, 25});
  const int64_t day = ToDays({2022, 9, 25});
  EXPECT_EQ(EventDayWindow(e), (DayWindow{day, day}));
  e.date_precision = DatePrecision::kWeek;
  EXPECT_EQ(EventDayWindow(e), (DayWindow{day - 6, day + 6}));
  e.date_precision = DatePrecision::kMonth;
  EXPECT_EQ(EventDayWindow(e), (DayWindow{day - 15, day + 15}));
  e.date_earliest = Date{2022, 9, 20};
  e.date_latest = Date{2022, 9, 22};
  EXPECT_EQ(EventDayWindow(e), (DayWindow{day - 5, day - 3}));
  Event undated;
  EXPECT_EQ(EventDayWindow(undated), std::nullopt);
}

struct CanMergeCase {
  const char* name;
  Event a;
  Event b;
  MergeVerdict expected;
};

std::vector<CanMergeCase> CanMergeCases() {
  const Date d{2022, 9, 25};
  const Date next{2022, 9, 26};
  const Date two_later{2022, 9, 27};
  const Event kup = MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d);
  std::vector<CanMergeCase> cases;
  cases.push_back({"same strike 5 km apart next day", kup,
                   North(MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, next), 5),
                   MergeVerdict::kMerge});
  cases.push_back({"two days apart", kup, MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, two_later),
                   MergeVerdict::kDateApart});
  {
    Event week = MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, {2022, 9, 30});
    week.date_precision = DatePrecision::kWeek;
    cases.push_back({"week precision reaches 5 days back", kup, week, MergeVerdict::kMerge});
  }
  cases.push_back({"different type", kup,
                   MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 1, kBattles),
                   MergeVerdict::kTypeMismatch});
  cases.push_back({"explosion vs attack on civilians", kup,
                   MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 1, kCivilianViolence),
                   MergeVerdict::kMerge});
  cases.push_back({"explosion vs attack, no civilians named",
                   MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 1, kExplosions, kRussia, kUkraine),
                   MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 1, kCivilianViolence, kRussia, kUkraine),
                   MergeVerdict::kTypeMismatch});
  cases.push_back({"precision 1 vs 1, 15 km", kup, North(kup, 15), MergeVerdict::kPlaceApart});
  cases.push_back({"precision 1 vs 1, 9 km", kup, North(kup, 9), MergeVerdict::kMerge});
  cases.push_back({"precision 1 vs 2, 11 km (Kupiansk, near Kurylivka)", kup,
                   MakeEvent("Kurylivka", kKurylivkaLat, kKurylivkaLon, d, 2), MergeVerdict::kMerge});
  cases.push_back({"precision 2 vs 2, 30 km", MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 2),
                   North(MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 2), 30),
                   MergeVerdict::kPlaceApart});
  cases.push_back({"precision 3 region vs precision 1 in the same admin1, 100 km",
                   MakeEvent("Kharkiv Oblast", kKharkivLat, kKharkivLon, d, 3), kup,
                   MergeVerdict::kMerge});
  {
    Event donetsk = MakeEvent("Donetsk Oblast", 48.0, 37.8, d, 3);
    donetsk.location.admin1 = "Donetsk";
    cases.push_back({"precision 3 region vs precision 1 in another admin1", donetsk, kup,
                     MergeVerdict::kPlaceApart});
  }
  {
    // A huge admin1 (a Siberian krai): region-only reports stay within 500 km.
    Event region = MakeEvent("Kharkiv Oblast", kKupianskLat, kKupianskLon, d, 3);
    cases.push_back({"precision 3 in the same admin1 but 600 km away", region, North(kup, 600),
                     MergeVerdict::kPlaceApart});
  }
  {
    Event elsewhere = kup;
    elsewhere.location.country = "RU";
    cases.push_back({"country mismatch", kup, elsewhere, MergeVerdict::kCountryMismatch});
  }
  {
    Event a = kup, b = kup;
    a.location.lat.reset();
    b.location.lon.reset();
    cases.push_back({"no coordinates, same name", a, b, MergeVerdict::kMerge});
    b.location.name = "Kurylivka";
    cases.push_back({"no coordinates, another name", a, b, MergeVerdict::kNoPlace});
  }
  cases.push_back({"identified actors differ",
                   MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 1, kBattles, kRussia, "Wagner Group"),
                   MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 1, kBattles, kUkraine, "Wagner Group"),
                   MergeVerdict::kActorMismatch});
  cases.push_back({"battle coded from the other side",
                   MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 1, kBattles, kRussia, kUkraine),
                   MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 1, kBattles, kUkraine, kRussia),
                   MergeVerdict::kMerge});
  cases.push_back({"unidentified actor", kup,
                   MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 1, kExplosions,
                             "Unidentified Armed Group (Ukraine)"),
                   MergeVerdict::kMerge});
  cases.push_back({"year suffix ignored", kup,
                   MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 1, kExplosions,
                             "Military Forces of Russia (2000-)"),
                   MergeVerdict::kMerge});
  {
    Event a = MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 1, kBattles, kRussia, "Wagner Group");
    Event b = MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 1, kBattles, kUkraine, "Wagner Group");
    Report denial;
    denial.stance = Stance::kBlamesOther;
    b.reports.push_back(denial);
    cases.push_back({"counter-accusation makes actor1 disputed", a, b, MergeVerdict::kMerge});
  }
  cases.push_back({"sides blame each other for one attack on civilians", kup,
                   MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, d, 1, kExplosions, kUkraine),
                   MergeVerdict::kMerge});
  {
    Event undated = kup;
    undated.event_date.reset();
    cases.push_back({"no date", kup, undated, MergeVerdict::kNoDate});
  }
  return cases;
}

TEST(CanMerge, RuleTable) {
  for (const CanMergeCase& c : CanMergeCases()) {
    EXPECT_EQ(MergeVerdictName(CanMerge(c.a, c.b).verdict), std::string(MergeVerdictName(c.expected)))
        << c.name;
    EXPECT_EQ(CanMerge(c.b, c.a).verdict, c.expected) << c.name << " (swapped)";
  }
}

TEST(CanMerge, ReportsDistanceAndGap) {
  const Event a = MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, {2022, 9, 25});
  const Event b = North(MakeEvent("Kupiansk", kKupianskLat, kKupianskLon, {2022, 9, 26}), 5);
  const MergeDecision decision = CanMerge(a, b);
  EXPECT_NEAR(decision.distance_km, 5.0, 0.05);
  EXPECT_EQ(decision.day_gap, 1);
}

TEST(MergeCounts, RangeAcrossReportsAndLaterLargerBest) {
  // "5 killed" and "at least 3 killed" on 1 Oct, "the toll rose to 7" on 2 Oct.
  const std::vector<DatedCount> counts = {
      {CountRange{5, 5, 5}, Date{2022, 10, 1}},
      {CountRange{3, 3, std::nullopt}, Date{2022, 10, 1}},
      {CountRange{7, 7, 7}, Date{2022, 10, 2}},
  };
  EXPECT_EQ(MergeCounts(counts), (CountRange{3, 7, 7}));
}

TEST(MergeCounts, SameDayTiesGoToNarrowestThenHighest) {
  EXPECT_EQ(MergeCounts(std::vector<DatedCount>{{CountRange{4, 6, 9}, Date{2022, 10, 1}},
                                                {CountRange{5, 5, 5}, Date{2022, 10, 1}}}),
            (CountRange{4, 5, 9}));
  EXPECT_EQ(MergeCounts(std::vector<DatedCount>{{CountRange{5, 5, 5}, Date{2022, 10, 1}},
                                                {CountRange{8, 8, 8}, Date{2022, 10, 1}}}),
            (CountRange{5, 8, 8}));
  // An undated report never beats a dated one.
  EXPECT_EQ(MergeCounts(std::vector<DatedCount>{{CountRange{9, 9, 9}, std::nullopt},
                                                {CountRange{2, 2, 2}, Date{2022, 1, 1}}}),
            (CountRange{2, 2, 9}));
}

TEST(MergeCounts, OpenHighStaysOpenUntilAReportBoundsIt) {
  EXPECT_EQ(MergeCounts(std::vector<DatedCount>{{CountRange{20, 20, std::nullopt}, Date{2022, 10, 1}},
                                                {CountRange{24, 24, std::nullopt}, Date{2022, 10, 2}}}),
            (CountRange{20, 24, std::nullopt}));
  // "dozens" (12..99, no best) and an exact 30: the range spans both.
  EXPECT_EQ(MergeCounts(std::vector<DatedCount>{{CountRange{12, std::nullopt, 99}, Date{2022, 10, 2}},
                                                {CountRange{30, 30, 30}, Date{2022, 10, 1}}}),
            (CountRange{12, 30, 99}));
  EXPECT_EQ(MergeCounts(std::vector<DatedCount>{{CountRange{}, Date{2022, 10, 2}}}), CountRange{});
}

MergeItem Item(Event e, const std::string& hash, uint32_t index, Date pub, const std::string& outlet) {
  MergeItem item;
  e.article_id = "art-" + hash;
  item.event = std::move(e);
  item.content_hash = hash;
  item.report_index = index;
  item.pub_date = pub;
  item.article_source = outlet;
  return item;
}

TEST(MergeCluster, ThreeReportsKeepEveryClaim) {
  const Date d{2022, 9, 30};
  Event first = MakeEvent("Zaporizhzhia", 47.8517, 35.1171, d);
  first.fatalities = CountRange{23, 23, 23};
  Event second = North(MakeEvent("Zaporizhzhia", 47.8517, 35.1171, d, 2), 3);
  second.fatalities = CountRange{25, 30, 35};
  Report asserts{"", "Governor", Stance::kAsserts, 30, std::nullopt, Span{10, 20}};
  Report blames{"", "Installed official", Stance::kBlamesOther, std::nullopt, std::nullopt, Span{30, 40}};
  second.reports = {asserts, blames};
  Event third = MakeEvent("Zaporizhzhia", 47.8517, 35.1171, d, 1, kExplosions, kUkraine);
  third.fatalities = CountRange{32, 32, 32};
  std::vector<MergeItem> items = {Item(first, "aaa", 0, {2022, 9, 30}, "outlet-a"),
                                  Item(second, "bbb", 0, {2022, 10, 1}, "outlet-b"),
                                  Item(third, "ccc", 2, {2022, 10, 8}, "outlet-c")};
  const auto groups = ClusterReports(items);
  ASSERT_EQ(groups.size(), 1u);
  ASSERT_EQ(groups[0], (std::vector<size_t>{0, 1, 2}));
  const Event merged = MergeCluster(items, groups[0]);
  EXPECT_EQ(merged.event_id, MergedEventId(items[0]));
  EXPECT_EQ(merged.fatalities, (CountRange{23, 32, 35}));
  EXPECT_EQ(merged.actor1, kRussia);  // two reports to one
  EXPECT_EQ(merged.location.geo_precision, 1);
  EXPECT_EQ(merged.article_id, "art-aaa");
  ASSERT_EQ(merged.reports.size(), 4u);
  EXPECT_EQ(merged.reports[0].source, "outlet-a");
  EXPECT_EQ(merged.reports[0].fatalities, 23);
  EXPECT_EQ(merged.reports[1].article_id, "art-bbb");
  EXPECT_EQ(merged.reports[2].stance, Stance::kBlamesOther);
  EXPECT_EQ(merged.reports[2].source, "Installed official");
  EXPECT_EQ(merged.reports[3].fatalities, 32);
  EXPECT_NE(std::find(merged.notes.begin(), merged.notes.end(),
                      "reports disagree on actor1: [Military Forces of Russia] [Military Forces of Ukraine]"),
            merged.notes.end());
}

TEST(ClusterReports, SameArticleNeverMerged) {
  const Date d{2022, 9, 30};
  std::vector<MergeItem> items = {
      Item(MakeEvent("A", 47.85, 35.11, d), "aaa", 0, d, "x"),
      Item(MakeEvent("A", 47.85, 35.11, d), "aaa", 1, d, "x"),
      Item(MakeEvent("A", 47.85, 35.11, d), "bbb", 0, d, "y"),
  };
  const auto groups = ClusterReports(items);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], (std::vector<size_t>{0, 2}));
  EXPECT_EQ(groups[1], (std::vector<size_t>{1}));
}

TEST(ClusterReports, PrefersTheGroupWithTheSamePlaceName) {
  // Two villages reported at one coordinate by article aaa; article bbb's
  // reports each join their own village.
  const Date d{2025, 10, 17};
  std::vector<MergeItem> items = {
      Item(MakeEvent("Glotovo", 50.4767, 35.6773, d, 2), "aaa", 0, d, "x"),
      Item(MakeEvent("Graivoron", 50.4767, 35.6773, d, 1), "aaa", 1, d, "x"),
      Item(MakeEvent("Graivoron", 50.4767, 35.6773, d, 1), "bbb", 0, d, "y"),
      Item(MakeEvent("Glotovo", 50.4767, 35.6773, d, 2), "bbb", 1, d, "y"),
  };
  const auto groups = ClusterReports(items);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], (std::vector<size_t>{0, 3}));
  EXPECT_EQ(groups[1], (std::vector<size_t>{1, 2}));
}

TEST(ClusterReports, CompleteLinkStopsDrift) {
  // Day 1, day 2, day 3 at one place: 1-2 and 2-3 may merge, 1-3 may not.
  std::vector<MergeItem> items = {
      Item(MakeEvent("K", 50.0, 36.2, {2024, 1, 1}), "a", 0, {2024, 1, 1}, "x"),
      Item(MakeEvent("K", 50.0, 36.2, {2024, 1, 2}), "b", 0, {2024, 1, 2}, "x"),
      Item(MakeEvent("K", 50.0, 36.2, {2024, 1, 3}), "c", 0, {2024, 1, 3}, "x"),
  };
  const auto groups = ClusterReports(items);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], (std::vector<size_t>{0, 1}));
  EXPECT_EQ(groups[1], (std::vector<size_t>{2}));
}

// The groups as sets of (article, report index): comparable across orders.
std::set<std::set<std::pair<std::string, uint32_t>>> GroupKeys(
    const std::vector<MergeItem>& items, const std::vector<std::vector<size_t>>& groups) {
  std::set<std::set<std::pair<std::string, uint32_t>>> out;
  for (const auto& group : groups) {
    std::set<std::pair<std::string, uint32_t>> keys;
    for (size_t m : group) keys.insert({items[m].content_hash, items[m].report_index});
    out.insert(keys);
  }
  return out;
}

TEST(ClusterReports, EveryInputOrderGivesTheSameGroups) {
  std::vector<MergeItem> items = {
      Item(MakeEvent("K", 50.00, 36.20, {2024, 1, 1}), "d", 0, {2024, 1, 1}, "x"),
      Item(MakeEvent("K", 50.03, 36.20, {2024, 1, 2}), "b", 0, {2024, 1, 2}, "x"),
      Item(MakeEvent("K", 50.06, 36.20, {2024, 1, 2}), "a", 0, {2024, 1, 3}, "x"),
      Item(MakeEvent("K", 50.00, 36.25, {2024, 1, 3}), "c", 0, {2024, 1, 3}, "x"),
      Item(MakeEvent("Oblast", 49.5, 36.0, {2024, 1, 2}, 3), "e", 0, {2024, 1, 3}, "x"),
  };
  const auto expected = GroupKeys(items, ClusterReports(items));
  std::vector<size_t> perm = {0, 1, 2, 3, 4};
  size_t orders = 0;
  do {
    std::vector<MergeItem> shuffled;
    for (size_t p : perm) shuffled.push_back(items[p]);
    EXPECT_EQ(GroupKeys(shuffled, ClusterReports(shuffled)), expected);
    ++orders;
  } while (std::next_permutation(perm.begin(), perm.end()));
  EXPECT_EQ(orders, 120u);
  EXPECT_LT(expected.size(), items.size());  // something merged
}

}  // namespace
}  // namespace sitrep
