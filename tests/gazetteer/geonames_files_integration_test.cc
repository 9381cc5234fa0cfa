// The checks of ../shared/gazetteer/README.md ("Checks run") against an
// index built from the real GeoNames files there: cities500-sample.txt and
// UA.txt with the real admin tables.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "gazetteer/gazetteer_test_util.h"
#include "sitrep/gazetteer.h"

namespace sitrep {
namespace {

const std::string kShared = std::string(SITREP_SHARED_DIR) + "/gazetteer/";

class RealGeoNames : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kShared + "UA.txt")) return;
    GazetteerBuildOptions options;
    options.geonames_files = {kShared + "cities500-sample.txt", kShared + "UA.txt"};
    options.admin1_file = kShared + "admin1CodesASCII.txt";
    options.admin2_file = kShared + "admin2Codes.txt";
    options.country_info_file = kShared + "countryInfo.txt";
    options.skeleton_rules_file = std::string(SITREP_DATA_DIR) + "/gazetteer/skeleton.tsv";
    options.admin_names_file = std::string(SITREP_DATA_DIR) + "/gazetteer/admin-names.tsv";
    const std::string out = testing::TestGazDir() + "/real.gaz";
    CollectingSink sink;
    auto stats = BuildGazetteer(options, out, sink);
    ASSERT_TRUE(stats) << stats.error().message;
    skipped_ = stats->skipped_rows;
    auto g = Gazetteer::Open(out);
    ASSERT_TRUE(g) << g.error().message;
    gaz_ = new Gazetteer(std::move(*g));
  }
  static void TearDownTestSuite() {
    delete gaz_;
    gaz_ = nullptr;
  }
  void SetUp() override {
    if (gaz_ == nullptr) GTEST_SKIP() << kShared << " is missing";
  }
  static Gazetteer* gaz_;
  static size_t skipped_;
};
Gazetteer* RealGeoNames::gaz_ = nullptr;
size_t RealGeoNames::skipped_ = 0;

void CheckReadmeLookups(const Gazetteer* gaz_) {
  struct Case {
    const char* name;
    int64_t id;
    const char* country;
    const char* admin1_code;
    // Must be among the first `rank` candidates (by the lookup's own order,
    // before any context): the geocoder adds the context.
    size_t rank;
  } cases[] = {
      {"Kurylivka", 703610, "UA", "07", 1},   {"Kupiansk", 703656, "UA", "07", 2},
      {"Zaporizhzhia", 687700, "UA", "26", 2}, {"Bakhmut", 713174, "UA", "05", 1},
      {"Mogadishu", 53654, "SO", "02", 1},     {"El Fasher", 379555, "SD", "55", 1},
      {"Gaza City", 281133, "PS", "GZ", 1},    {"Kharkiv", 706483, "UA", "07", 1},
      {"Luhansk", 702658, "UA", "14", 1},      {"Svatove", 692118, "UA", "14", 1},
      {"Lyman", 704204, "UA", "05", 1},        {"Enerhodar", 709276, "UA", "26", 1},
      {"Orikhiv", 698428, "UA", "26", 1},      {"Goma", 216281, "CD", "11", 1},
      {"Куп'янськ", 703656, "UA", "07", 2},    {"Луганськ", 702658, "UA", "14", 1},
      {"Луганск", 702658, "UA", "14", 1},      {"Louhansk", 702658, "UA", "14", 1},
      {"Lougansk", 702658, "UA", "14", 2},     {"Харків", 706483, "UA", "07", 1},
  };
  for (const auto& c : cases) {
    const auto found = gaz_->Lookup(c.name);
    size_t at = found.size();
    for (size_t i = 0; i < found.size(); ++i) {
      if (found[i].place.geonames_id == c.id) {
        at = i;
        break;
      }
    }
    ASSERT_LT(at, found.size()) << c.name << ": " << c.id << " not found";
    EXPECT_LT(at, c.rank) << c.name << ": " << c.id << " is candidate " << at;
    EXPECT_EQ(found[at].place.country, c.country) << c.name;
    EXPECT_EQ(found[at].place.admin1_code, c.admin1_code) << c.name;
  }
}

void CheckKurylivka(const Gazetteer* gaz_) {
  const auto found = gaz_->Lookup("Kurylivka");
  // 9 populated places and a railway station (README), all exact.
  size_t exact = 0;
  for (const auto& f : found) exact += f.match == MatchKind::kExact ? 1 : 0;
  EXPECT_EQ(exact, 10u);
  auto k = gaz_->FindById(703610);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->admin1, "Kharkiv");
  EXPECT_EQ(k->admin2, "Kupiansk");
  EXPECT_EQ(k->admin2_code, "6308");
  ASSERT_TRUE(k->lat);
  EXPECT_NEAR(*k->lat, 49.66002, 1e-5);
}

void CheckFirstFileKeepsDisplayName(const Gazetteer* gaz_) {
  // 703656 is "Kupiansk" in cities500, "Kupyansk" in UA.txt.
  auto p = gaz_->FindById(703656);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name, "Kupiansk");
  bool found = false;
  for (const auto& c : gaz_->Lookup("Kupyansk")) found |= c.place.geonames_id == 703656;
  EXPECT_TRUE(found);
}

void CheckAdminRows(const Gazetteer* gaz_) {
  // UA.txt rows with legacy admin2 codes have no admin2 name, but load.
  auto oblast = gaz_->FindById(687699);  // Zaporizhzhia oblast, an ADM1 row of UA.txt
  ASSERT_TRUE(oblast);
  EXPECT_EQ(oblast->feature_code, "ADM1");
  EXPECT_FALSE(oblast->synthesized);
  EXPECT_EQ(oblast->seat_id, 687700);
}

// One test: each ctest process builds the index again (seconds), so the
// checks share one build.
TEST_F(RealGeoNames, ChecksRunOfTheReadmeHold) {
  EXPECT_EQ(skipped_, 0u);  // every row of the real files loads
  {
    SCOPED_TRACE("README lookups");
    CheckReadmeLookups(gaz_);
  }
  {
    SCOPED_TRACE("Kurylivka");
    CheckKurylivka(gaz_);
  }
  {
    SCOPED_TRACE("first file keeps display name");
    CheckFirstFileKeepsDisplayName(gaz_);
  }
  {
    SCOPED_TRACE("admin rows of UA.txt");
    CheckAdminRows(gaz_);
  }
}

}  // namespace
}  // namespace sitrep
