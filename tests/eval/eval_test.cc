#include "sitrep/eval.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

GoldArticle OneGold() {
  auto g = ParseGoldLine(
      R"({"id":"t1","lang":"en","pub_date":"2024-01-03","title":"T","text":"Body.",)"
      R"("events":[{"event_type":"Explosions/Remote violence","sub_event_type":"Air/drone strike",)"
      R"("event_date":"2024-01-02","location":{"name":"Kharkiv","lat":49.98,"lon":36.25,"geo_precision":1},)"
      R"("actor1":"Military Forces of Russia","fatalities":{"low":5,"high":7},)"
      R"("injured":{"low":10,"high":10},"incident":"k1"},)"
      R"({"event_type":"Battles","sub_event_type":"Armed clash","event_date":"2024-01-02",)"
      R"("location":{"name":"Chuhuiv","lat":49.84,"lon":36.69},"actor1":"Military Forces of Ukraine",)"
      R"("fatalities":{"low":0,"high":0}}]})",
      "gold:1");
  EXPECT_TRUE(g.has_value());
  return *g;
}

Event SystemEvent(double lat, double lon, Date date, int64_t killed) {
  Event e;
  e.event_type = "Explosions/Remote violence";
  e.sub_event_type = "Shelling/artillery/missile attack";
  e.event_date = date;
  e.location.name = "Somewhere";
  e.location.lat = lat;
  e.location.lon = lon;
  e.actor1 = "Military Forces of Russia (2000-)";
  e.fatalities = CountRange{killed, killed, killed};
  return e;
}

TEST(ParseGoldLine, ReadsTitleThenTextAndEvents) {
  const GoldArticle g = OneGold();
  EXPECT_EQ(g.article.raw_text, "T\n\nBody.");
  EXPECT_EQ(g.article.pub_date, (Date{2024, 1, 3}));
  ASSERT_EQ(g.events.size(), 2u);
  EXPECT_TRUE(g.events[0].has_injured);
  EXPECT_FALSE(g.events[1].has_injured);
  EXPECT_EQ(g.events[0].fatalities_high, 7);
}

TEST(ParseGoldLine, BrokenLineIsAnErrorNamingTheLine) {
  auto g = ParseGoldLine("{\"id\": ", "dev.jsonl:9");
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().message.rfind("dev.jsonl:9", 0), 0u);
}

TEST(Evaluate, MatchesNearbyEventAndScoresFields) {
  std::vector<GoldArticle> gold = {OneGold()};
  // 8 km from the gold Kharkiv point, a day late, toll 6 inside 5..7.
  std::vector<std::vector<Event>> system = {{SystemEvent(50.05, 36.25, Date{2024, 1, 3}, 6)}};
  const EvalReport r = Evaluate(gold, system);
  EXPECT_EQ(r.overall.matched, 1);
  EXPECT_DOUBLE_EQ(r.overall.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(r.overall.Recall(), 0.5);
  EXPECT_EQ(r.overall.type.correct, 1);
  EXPECT_EQ(r.overall.sub_type.correct, 0);
  EXPECT_EQ(r.overall.date.correct, 0);      // one day off
  EXPECT_EQ(r.overall.location.correct, 1);  // within 10 km
  EXPECT_EQ(r.overall.killed.correct, 1);
  EXPECT_EQ(r.overall.injured.total, 1);     // gold states injuries
  EXPECT_EQ(r.overall.injured.correct, 0);   // system gave none
  EXPECT_EQ(r.overall.actor1.correct, 1);    // year suffix ignored
}

TEST(Evaluate, FarOrLateEventsDoNotMatch) {
  std::vector<GoldArticle> gold = {OneGold()};
  std::vector<std::vector<Event>> system = {
      {SystemEvent(46.48, 30.72, Date{2024, 1, 2}, 6),    // Odesa: too far
       SystemEvent(49.98, 36.25, Date{2024, 1, 9}, 6)}};  // a week late
  const EvalReport r = Evaluate(gold, system);
  EXPECT_EQ(r.overall.matched, 0);
  EXPECT_EQ(r.overall.system_events, 2);
}

TEST(Evaluate, GreedyPairsSameTypeFirst) {
  std::vector<GoldArticle> gold = {OneGold()};
  Event battle = SystemEvent(49.98, 36.25, Date{2024, 1, 2}, 0);
  battle.event_type = "Battles";
  Event strike = SystemEvent(49.84, 36.69, Date{2024, 1, 2}, 6);  // at Chuhuiv
  // Kharkiv and Chuhuiv are 35 km apart: each system event may match either
  // gold event, and same-type pairs are taken before nearer ones.
  const EvalReport r = Evaluate(gold, {{battle, strike}});
  EXPECT_EQ(r.overall.matched, 2);
  EXPECT_EQ(r.overall.type.correct, 2);
}

TEST(StripYearSuffix, OnlyDropsYearBrackets) {
  EXPECT_EQ(StripYearSuffix("Military Forces of Russia (2000-)"), "Military Forces of Russia");
  EXPECT_EQ(StripYearSuffix("Civilians (Ukraine)"), "Civilians (Ukraine)");
}

}  // namespace
}  // namespace sitrep
