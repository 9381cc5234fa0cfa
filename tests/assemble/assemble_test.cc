// Assembly through the whole pipeline, on sentences we wrote, with the
// shipped English and French packs and the default gazetteer.
#include "sitrep/assemble.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

const std::string kGazetteer = std::string(SITREP_DATA_DIR) + "/gazetteer/default.gaz";

class Assemble : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kGazetteer)) return;
    CollectingSink sink;
    PipelineOptions options;
    options.data_dir = SITREP_DATA_DIR;
    options.gazetteer_path = kGazetteer;
    auto p = Pipeline::Create(options, sink);
    ASSERT_TRUE(p.has_value()) << p.error().message;
    pipeline_ = new Pipeline(std::move(*p));
  }
  void SetUp() override {
    if (!pipeline_) GTEST_SKIP() << "no default gazetteer: run scripts/build-gazetteer";
  }
  std::vector<Event> Extract(const std::string& text, const std::string& lang, Date pub) {
    Article a;
    a.id = "t";
    a.lang = lang;
    a.raw_text = text;
    a.pub_date = pub;
    auto r = pipeline_->Extract(a);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
    text_ = r ? r->text : "";
    return r ? r->events : std::vector<Event>{};
  }
  std::string text_;
  static Pipeline* pipeline_;
};
Pipeline* Assemble::pipeline_ = nullptr;

// 2024-10-31 is a Thursday.
constexpr Date kThursday{2024, 10, 31};

TEST_F(Assemble, ShellingWithTollDateAndActor) {
  auto events = Extract(
      "Russian shelling killed three civilians and injured five others in Kherson on Tuesday, "
      "the regional governor said.",
      "en", kThursday);
  ASSERT_EQ(events.size(), 1u);
  const Event& e = events[0];
  EXPECT_EQ(e.event_type, "Explosions/Remote violence");
  EXPECT_EQ(e.sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_EQ(e.event_date, (Date{2024, 10, 29}));
  EXPECT_EQ(e.fatalities.Point(), 3);
  EXPECT_EQ(e.injured.Point(), 5);
  EXPECT_EQ(e.actor1, "Military Forces of Russia");
  EXPECT_EQ(e.actor2, "Civilians (Ukraine)");
  EXPECT_EQ(e.location.name, "Kherson");
  ASSERT_FALSE(e.evidence.at("fatalities").empty());
  EXPECT_NE(std::string(Slice(text_, e.evidence.at("fatalities")[0])).find("killed three"),
            std::string::npos);
}

TEST_F(Assemble, TollsOfTwoPlacesInOneSentenceAreTwoEvents) {
  auto events = Extract(
      "Russian drones killed two people in Sumy, and in Kharkiv four people were injured.", "en",
      kThursday);
  ASSERT_EQ(events.size(), 2u);
  for (const Event& e : events) {
    EXPECT_EQ(e.sub_event_type, "Air/drone strike");
    if (e.location.name == "Sumy") {
      EXPECT_EQ(e.fatalities.Point(), 2);
    } else {
      EXPECT_EQ(e.location.name, "Kharkiv");
      EXPECT_EQ(e.injured.Point(), 4);
      EXPECT_EQ(e.fatalities.Point(), 0);
    }
  }
}

TEST_F(Assemble, ThreatsPlansAndBackgroundAreNotEvents) {
  EXPECT_TRUE(Extract("Moscow threatened to strike government buildings in Kyiv.", "en", kThursday)
                  .empty());
  EXPECT_TRUE(Extract("Since the start of the invasion, more than 500 children have been killed "
                      "in Ukraine.",
                      "en", kThursday)
                  .empty());
  EXPECT_TRUE(Extract("Air defence units shot down 20 drones over the Kyiv region overnight.", "en",
                      kThursday)
                  .empty());
}

TEST_F(Assemble, FrenchDroneStrikeWithWrittenToll) {
  auto events = Extract("Jeudi, une frappe de drone russe a fait deux morts à Kherson.", "fr",
                        Date{2024, 11, 2});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].sub_event_type, "Air/drone strike");
  EXPECT_EQ(events[0].fatalities.Point(), 2);
  EXPECT_EQ(events[0].event_date, (Date{2024, 10, 31}));
  EXPECT_EQ(events[0].actor1, "Military Forces of Russia");
}

TEST_F(Assemble, RepeatedTollIsOneEventWithEverySentenceAsEvidence) {
  auto events = Extract(
      "A missile strike on Dnipro killed 12 people on Saturday.\n\n"
      "Rescuers searched the rubble through the night.\n\n"
      "The strike on Dnipro killed 12 people, including two children, officials said.",
      "en", Date{2024, 11, 3});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].fatalities.Point(), 12);
  EXPECT_EQ(events[0].fatalities_children, 2);
  EXPECT_EQ(events[0].evidence.at("event").size(), 2u);
}

TEST_F(Assemble, DenialBecomesAReportWithItsStance) {
  auto events = Extract(
      "A missile hit a market in Kostiantynivka on Wednesday, killing 16 people. "
      "Moscow denied responsibility for the strike and blamed Ukrainian air defence.",
      "en", kThursday);
  ASSERT_EQ(events.size(), 1u);
  bool blames = false;
  for (const Report& r : events[0].reports) blames |= r.stance == Stance::kBlamesOther;
  EXPECT_TRUE(blames);
}

TEST_F(Assemble, DirectAttackWithGunsIsViolenceAgainstCivilians) {
  auto events = Extract("Gunmen shot dead seven villagers in Kachia on Sunday.", "en",
                        Date{2024, 11, 5});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event_type, "Violence against civilians");
  EXPECT_EQ(events[0].sub_event_type, "Attack");
  EXPECT_EQ(events[0].fatalities.Point(), 7);
  EXPECT_EQ(events[0].actor1, "Unidentified Armed Group (Nigeria)");
}

TEST_F(Assemble, NoPublicationDateLeavesRelativeDatesUnresolved) {
  Article a;
  a.id = "t";
  a.lang = "en";
  a.raw_text = "Russian shelling killed two people in Kherson on Tuesday.";
  auto r = pipeline_->Extract(a);
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->events.size(), 1u);
  EXPECT_FALSE(r->events[0].event_date.has_value());
  EXPECT_EQ(r->events[0].date_precision, DatePrecision::kUnknown);
  EXPECT_FALSE(r->notes.empty());
}

}  // namespace
}  // namespace sitrep
