#include "sitrep/output.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace sitrep {
namespace {

Event SampleEvent() {
  Event e;
  e.event_id = "abc";
  e.article_id = "a1";
  e.event_type = "Violence against civilians";
  e.sub_event_type = "Attack";
  e.event_date = Date{2022, 9, 25};
  e.date_precision = DatePrecision::kDay;
  e.location.name = "Kurylivka";
  e.location.country = "UA";
  e.location.lat = 49.66;
  e.location.lon = 37.70;
  e.location.geo_precision = 1;
  e.actor1 = "Military Forces of Russia";
  e.actor2 = "Civilians (Ukraine)";
  e.fatalities = CountRange{20, 20, std::nullopt};
  e.fatalities_children = 10;
  e.reports.push_back(Report{"a1", "SBU, \"head\"", Stance::kDenies, 20, std::nullopt, Span{3, 9}});
  e.evidence["fatalities"] = {Span{3, 9}, Span{40, 52}};
  return e;
}

TEST(EventToJson, CarriesTheRecordFieldsAndSpans) {
  const auto j = nlohmann::json::parse(EventToJson(SampleEvent()));
  EXPECT_EQ(j["event_date"], "2022-09-25");
  EXPECT_EQ(j["date_precision"], "day");
  EXPECT_EQ(j["fatalities"]["low"], 20);
  EXPECT_TRUE(j["fatalities"]["high"].is_null());
  EXPECT_EQ(j["fatalities"]["children"], 10);
  EXPECT_TRUE(j["injured"]["best"].is_null());
  EXPECT_EQ(j["reports"][0]["stance"], "denies");
  EXPECT_EQ(j["evidence"]["fatalities"][1][0], 40);
  EXPECT_EQ(j["evidence"]["fatalities"][1][1], 52);
  EXPECT_DOUBLE_EQ(j["location"]["lat"].get<double>(), 49.66);
}

TEST(EventToCsvRow, QuotesCellsAndTakesTheConservativeToll) {
  Event e = SampleEvent();
  e.fatalities = CountRange{25, 30, 35};
  const std::string row = EventToCsvRow(e);
  // The source holds a comma and quotes: RFC 4180 quoting.
  EXPECT_NE(row.find("\"SBU, \"\"head\"\"\""), std::string::npos) << row;
  const auto& columns = AcledCsvColumns();
  const size_t fatalities_col =
      std::find(columns.begin(), columns.end(), "fatalities") - columns.begin();
  // Split the row naively: the quoted cell is the only one with commas.
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (char c : row) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) {
      cells.push_back(cell);
      cell.clear();
    } else {
      cell += c;
    }
  }
  cells.push_back(cell);
  ASSERT_EQ(cells.size(), columns.size());
  EXPECT_EQ(cells[fatalities_col], "25");
  EXPECT_EQ(cells[1], "2022-09-25");
}

TEST(EventWriter, GeoJsonIsOneFeatureCollectionWithLonLat) {
  std::ostringstream out;
  EventWriter writer(out, OutputFormat::kGeoJson);
  writer.Begin();
  writer.Write(SampleEvent());
  Event no_place = SampleEvent();
  no_place.location.lat.reset();
  writer.Write(no_place);
  writer.End();
  const auto j = nlohmann::json::parse(out.str());
  ASSERT_EQ(j["features"].size(), 2u);
  EXPECT_DOUBLE_EQ(j["features"][0]["geometry"]["coordinates"][0].get<double>(), 37.70);
  EXPECT_TRUE(j["features"][1]["geometry"].is_null());
}

TEST(EventWriter, JsonIsOneArray) {
  std::ostringstream out;
  EventWriter writer(out, OutputFormat::kJson);
  writer.Begin();
  writer.Write(SampleEvent());
  writer.Write(SampleEvent());
  writer.End();
  EXPECT_EQ(nlohmann::json::parse(out.str()).size(), 2u);
}

}  // namespace
}  // namespace sitrep
