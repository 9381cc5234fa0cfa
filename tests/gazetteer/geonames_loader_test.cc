#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/gazetteer.h"

namespace sitrep {
namespace {

const std::string kTestData = std::string(SITREP_TESTDATA_DIR) + "/gazetteer/";

TEST(ParseGeoNames, BadRowsAreReportedWithFileLineAndSkipped) {
  CollectingSink sink;
  std::vector<GeoNameRow> rows;
  auto stats = LoadGeoNamesFile(kTestData + "bad_places.txt", sink,
                                [&](GeoNameRow&& r) { rows.push_back(std::move(r)); });
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(stats->rows, 1u);
  EXPECT_EQ(stats->skipped, 5u);
  EXPECT_EQ(sink.skipped_count(), 5u);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].geonameid, 706483);
  EXPECT_EQ(rows[0].name, "Kharkiv");
  EXPECT_EQ(rows[0].alternate_names,
            (std::vector<std::string>{"Kharkov", "Charkiw", "Харків", "Харьков"}));
  EXPECT_DOUBLE_EQ(rows[0].latitude, 49.98081);
  EXPECT_EQ(rows[0].feature_class, 'P');
  EXPECT_EQ(rows[0].feature_code, "PPLA");
  EXPECT_EQ(rows[0].admin1_code, "07");
  EXPECT_EQ(rows[0].admin2_code, "6312");
  EXPECT_EQ(rows[0].population, 1433886);

  const auto d = sink.Take();
  struct Expected {
    const char* where;
    const char* message;
  } expected[] = {
      {"bad_places.txt:2", "18 columns, expected 19"},
      {"bad_places.txt:3", "geonameid 'abc' is not a positive number"},
      {"bad_places.txt:4", "latitude '91.5' is not in -90..90"},
      {"bad_places.txt:6", "population 'many' is not a number"},
      {"bad_places.txt:7", "invalid UTF-8 at byte 8"},
  };
  ASSERT_EQ(d.size(), std::size(expected));
  for (size_t i = 0; i < d.size(); ++i) {
    EXPECT_EQ(d[i].severity, Diagnostic::Severity::kSkipped) << i;
    EXPECT_EQ(d[i].where, expected[i].where) << i;
    EXPECT_EQ(d[i].message, expected[i].message) << i;
  }
}

TEST(ParseGeoNames, MissingFileIsNotFound) {
  CollectingSink sink;
  auto stats = LoadGeoNamesFile(kTestData + "no-such-file.txt", sink, [](GeoNameRow&&) {});
  ASSERT_FALSE(stats);
  EXPECT_EQ(stats.error().code, ErrorCode::kNotFound);
}

TEST(ParseGeoNames, EmptyAndBinaryInputNeverCrash) {
  CollectingSink sink;
  size_t rows = 0;
  EXPECT_EQ(ParseGeoNames("", "empty", sink, [&](GeoNameRow&&) { ++rows; }).skipped, 0u);
  const std::string binary("\x00\x01\xff\t\t\n\x80", 7);
  const LoadStats stats = ParseGeoNames(binary, "bin", sink, [&](GeoNameRow&&) { ++rows; });
  EXPECT_EQ(rows, 0u);
  EXPECT_EQ(stats.skipped, 2u);
}

TEST(ParseAlternateNames, ReadsFlagsAndReportsBadRows) {
  const std::string text =
      "1\t703656\tuk\tКуп’янськ\t1\t\t\t\t\t\n"
      "2\t703656\tfr\tKoupiansk\t\t\t\t\t\t\n"
      "3\t713174\t\tArtemivsk\t\t\t\t1\t\t2016\n"
      "4\tx\tfr\tBad\t\t\t\t\t\t\n"
      "5\t703656\tfr\tBad\t2\t\t\t\t\t\n"
      "6\t703656\tfr\n";
  CollectingSink sink;
  std::vector<AlternateNameRow> rows;
  const LoadStats stats = ParseAlternateNames(text, "UA-alt.txt", sink,
                                              [&](AlternateNameRow&& r) { rows.push_back(r); });
  EXPECT_EQ(stats.rows, 3u);
  EXPECT_EQ(stats.skipped, 3u);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].name, "Куп’янськ");
  EXPECT_TRUE(rows[0].is_preferred);
  EXPECT_FALSE(rows[1].is_preferred);
  EXPECT_EQ(rows[1].isolanguage, "fr");
  EXPECT_TRUE(rows[2].is_historic);
  const auto d = sink.Take();
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].where, "UA-alt.txt:4");
  EXPECT_EQ(d[0].message, "geonameid 'x' is not a positive number");
  EXPECT_EQ(d[1].where, "UA-alt.txt:5");
  EXPECT_EQ(d[1].message, "flag column 5 is '2', expected 1 or empty");
  EXPECT_EQ(d[2].where, "UA-alt.txt:6");
  EXPECT_EQ(d[2].message, "3 columns, expected 10 (or 8)");
}

TEST(ParseAdminCodes, ReadsRowsAndReportsBadCodes) {
  const std::string text =
      "UA.07\tKharkivs’ka Oblast’\tKharkivs'ka Oblast'\t706482\n"
      "UA07\tNo dot\tNo dot\t1\n"
      "UA.14\tLuhansk\tLuhansk\n"
      "UA.07.6308\tKupianska Miskrada\tKupianska Miskrada\t9194084\n";
  CollectingSink sink;
  std::vector<AdminCodeRow> rows;
  const LoadStats stats =
      ParseAdminCodes(text, "admin.txt", sink, [&](AdminCodeRow&& r) { rows.push_back(r); });
  EXPECT_EQ(stats.rows, 2u);
  EXPECT_EQ(stats.skipped, 2u);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].code, "UA.07");
  EXPECT_EQ(rows[0].geonameid, 706482);
  EXPECT_EQ(rows[1].code, "UA.07.6308");
  const auto d = sink.Take();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].where, "admin.txt:2");
  EXPECT_EQ(d[0].message, "code 'UA07' is not CC.CODE");
  EXPECT_EQ(d[1].where, "admin.txt:3");
  EXPECT_EQ(d[1].message, "3 columns, expected 4");
}

TEST(ParseCountryInfo, SkipsCommentsAndReadsCountries) {
  CollectingSink sink;
  std::vector<CountryInfoRow> rows;
  auto stats = LoadCountryInfoFile(kTestData + "country_info.txt", sink,
                                   [&](CountryInfoRow&& r) { rows.push_back(r); });
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->skipped, 0u);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].iso2, "UA");
  EXPECT_EQ(rows[0].iso3, "UKR");
  EXPECT_EQ(rows[0].name, "Ukraine");
  EXPECT_EQ(rows[0].capital, "Kyiv");
  EXPECT_EQ(rows[0].geonameid, 690791);
}

TEST(ParseCountryInfo, RealFileHasAllCountries) {
  const std::string path = std::string(SITREP_SHARED_DIR) + "/gazetteer/countryInfo.txt";
  CollectingSink sink;
  size_t rows = 0;
  auto stats = LoadCountryInfoFile(path, sink, [&](CountryInfoRow&&) { ++rows; });
  if (!stats && stats.error().code == ErrorCode::kNotFound) GTEST_SKIP() << path << " missing";
  ASSERT_TRUE(stats);
  EXPECT_EQ(rows, 252u);
  EXPECT_EQ(stats->skipped, 0u);
}

}  // namespace
}  // namespace sitrep
