#include "sitrep/gazetteer.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "gazetteer/gaz_format.h"
#include "gazetteer/name_keys.h"
#include "gazetteer/gazetteer_test_util.h"

namespace sitrep {
namespace {

using gazetteer_internal::GazHeader;
using testing::TestGazDir;
using testing::TestGazPath;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const Gazetteer& TestGaz() {
  static Gazetteer* gaz = [] {
    auto g = Gazetteer::Open(TestGazPath());
    EXPECT_TRUE(g) << (g ? "" : g.error().message);
    return new Gazetteer(std::move(*g));
  }();
  return *gaz;
}

TEST(Gazetteer, RoundTripKeepsPlaceFields) {
  const Gazetteer& gaz = TestGaz();
  EXPECT_EQ(gaz.info().format_version, kGazetteerFormatVersion);
  EXPECT_EQ(gaz.info().source_description, "test rows");
  // 16 rows + 7 admin1 + 3 admin2 synthesized + 1 country.
  EXPECT_EQ(gaz.info().place_count, 27u);
  auto p = gaz.FindById(703610);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name, "Kurylivka");
  EXPECT_EQ(p->country, "UA");
  EXPECT_EQ(p->admin1_code, "07");
  EXPECT_EQ(p->admin1, "Kharkiv");  // admin-names.tsv override
  EXPECT_EQ(p->admin2, "Kupiansk");
  EXPECT_EQ(p->feature_class, 'P');
  EXPECT_EQ(p->feature_code, "PPLA3");
  EXPECT_EQ(p->population, 3620);
  ASSERT_TRUE(p->lat && p->lon);
  EXPECT_NEAR(*p->lat, 49.66002, 1e-6);
  EXPECT_NEAR(*p->lon, 37.70276, 1e-6);
  EXPECT_FALSE(gaz.FindById(1));
}

TEST(Gazetteer, AdminAreasAreSynthesizedWithTheirSeat) {
  const Gazetteer& gaz = TestGaz();
  auto oblast = gaz.FindById(706482);
  ASSERT_TRUE(oblast);
  EXPECT_TRUE(oblast->synthesized);
  EXPECT_EQ(oblast->feature_code, "ADM1");
  EXPECT_EQ(oblast->name, "Kharkiv");
  EXPECT_EQ(oblast->seat_id, 706483);  // the PPLA
  ASSERT_TRUE(oblast->lat);
  EXPECT_NEAR(*oblast->lat, 49.98081, 1e-6);
  auto raion = gaz.FindById(9194084);
  ASSERT_TRUE(raion);
  EXPECT_EQ(raion->feature_code, "ADM2");
  EXPECT_EQ(raion->seat_id, 703656);  // Kupiansk, the PPLA2
  auto country = gaz.FindById(690791);
  ASSERT_TRUE(country);
  EXPECT_EQ(country->feature_code, "PCLI");
  EXPECT_EQ(gaz.CountryName("UA"), "Ukraine");
}

TEST(Gazetteer, CrossScriptSpellingsMeet) {
  const Gazetteer& gaz = TestGaz();
  struct Case {
    const char* name;
    int64_t id;
    MatchKind match;
  } cases[] = {
      {"Kharkiv", 706483, MatchKind::kExact},   {"kharkiv", 706483, MatchKind::kExact},
      {"Харків", 706483, MatchKind::kExact},    {"Харьков", 706483, MatchKind::kExact},
      {"Kharkov", 706483, MatchKind::kExact},   {"Charkiw", 706483, MatchKind::kExact},
      {"Kharkiw", 706483, MatchKind::kSkeleton}, {"Charkow", 706483, MatchKind::kSkeleton},
      {"Luhansk", 702658, MatchKind::kExact},   {"Луганськ", 702658, MatchKind::kExact},
      {"Lougansk", 702658, MatchKind::kSkeleton}, {"LUHANSK", 702658, MatchKind::kExact},
      {"Zaporojie", 687700, MatchKind::kSkeleton}, {"Запорожье", 687700, MatchKind::kExact},
      {"Bakhmout", 713174, MatchKind::kExact},  {"Бахмут", 713174, MatchKind::kExact},
      {"Енергодар", 709276, MatchKind::kExact}, {"Enerhodar", 709276, MatchKind::kExact},
      {"Sankt Peterburg", 498817, MatchKind::kSkeleton},
  };
  for (const auto& c : cases) {
    const auto found = gaz.Lookup(c.name);
    bool seen = false;
    for (const auto& f : found) {
      if (f.place.geonames_id == c.id) {
        seen = true;
        EXPECT_EQ(f.match, c.match) << c.name;
      }
    }
    EXPECT_TRUE(seen) << c.name << " should find " << c.id;
  }
}

TEST(Gazetteer, CyrillicWithoutTheStoredFormMeetsBySkeleton) {
  // Neither "Харкові"-less Russian "Харькова" nor the Ukrainian BGN form is
  // stored; "Харкив" (a misspelling) must meet Kharkiv by skeleton only.
  const auto found = TestGaz().Lookup("Харкив");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].place.geonames_id, 706483);
  EXPECT_EQ(found[0].match, MatchKind::kSkeleton);
  EXPECT_EQ(found[0].key, "Sharkiv");
}

TEST(Gazetteer, ApostropheVariantsMeetExactly) {
  const Gazetteer& gaz = TestGaz();
  for (const char* name : {"Куп’янськ", "Куп'янськ", "Купʼянськ", "Купянськ"}) {
    const auto found = gaz.Lookup(name);
    ASSERT_FALSE(found.empty()) << name;
    EXPECT_EQ(found[0].place.geonames_id, 703656) << name;
    EXPECT_EQ(found[0].match, MatchKind::kExact) << name;
  }
}

TEST(Gazetteer, BestCandidateFirstAndExactOnlyOption) {
  const Gazetteer& gaz = TestGaz();
  const auto found = gaz.Lookup("Kurylivka");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].place.geonames_id, 703610);  // largest population
  EXPECT_EQ(found[1].place.geonames_id, 703613);
  EXPECT_EQ(found[2].place.geonames_id, 8219650);
  LookupOptions exact;
  exact.skeleton = false;
  EXPECT_TRUE(gaz.Lookup("Lougansk", exact).empty());
  EXPECT_TRUE(gaz.Lookup("").empty());
  EXPECT_TRUE(gaz.Lookup("Nowhereville").empty());
}

TEST(Gazetteer, KeysForShowsExactAndSkeletonKeys) {
  const auto keys = TestGaz().KeysFor("Zaporizhzhia");
  EXPECT_EQ(keys, (std::vector<std::string>{"Ezaporizhzhia", "Szapirizi"}));
}

class GazetteerFile : public ::testing::Test {
 protected:
  std::string Bytes() { return ReadFile(TestGazPath()); }
  static GazHeader HeaderOf(const std::string& bytes) {
    GazHeader h;
    std::memcpy(&h, bytes.data(), sizeof(h));
    return h;
  }
  static void PutHeader(std::string& bytes, GazHeader h, bool fix_check) {
    if (fix_check) {
      h.header_check = 0;
      h.header_check = gazetteer_internal::Fnv1a64(
          std::string_view(reinterpret_cast<const char*>(&h), sizeof(h)));
    }
    std::memcpy(bytes.data(), &h, sizeof(h));
  }
};

TEST_F(GazetteerFile, NewerVersionIsRefusedAsUnsupported) {
  std::string bytes = Bytes();
  GazHeader h = HeaderOf(bytes);
  h.format_version = kGazetteerFormatVersion + 1;
  PutHeader(bytes, h, /*fix_check=*/true);
  auto g = Gazetteer::OpenBytes(bytes);
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, ErrorCode::kUnsupported);
  EXPECT_NE(g.error().message.find("format version 2 is newer than this build reads (1)"),
            std::string::npos)
      << g.error().message;
}

TEST_F(GazetteerFile, BadMagicIsCorrupt) {
  std::string bytes = Bytes();
  bytes[0] = 'X';
  auto g = Gazetteer::OpenBytes(bytes);
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(g.error().message, "<memory>: not a valid .gaz file: bad magic");
}

TEST_F(GazetteerFile, TruncatedFileIsCorrupt) {
  std::string bytes = Bytes();
  const size_t full = bytes.size();
  bytes.resize(full - 8);
  auto g = Gazetteer::OpenBytes(bytes);
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(g.error().message, "<memory>: not a valid .gaz file: size " + std::to_string(full - 8) +
                                   " bytes, header says " + std::to_string(full) + " (truncated?)");
  auto tiny = Gazetteer::OpenBytes("SITREPGZ");
  ASSERT_FALSE(tiny);
  EXPECT_EQ(tiny.error().code, ErrorCode::kCorrupt);
}

TEST_F(GazetteerFile, FlippedHeaderByteFailsTheCheck) {
  std::string bytes = Bytes();
  bytes[offsetof(GazHeader, key_count)] ^= 1;
  auto g = Gazetteer::OpenBytes(bytes);
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(g.error().message, "<memory>: not a valid .gaz file: header checksum mismatch");
}

TEST_F(GazetteerFile, ChangedRulesAreDetected) {
  std::string bytes = Bytes();
  const GazHeader h = HeaderOf(bytes);
  // Change one byte of the embedded rules text: its hash no longer matches.
  bytes[h.strings_offset + h.rules.offset + h.rules.length - 2] ^= 1;
  auto g = Gazetteer::OpenBytes(bytes);
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(g.error().message,
            "<memory>: not a valid .gaz file: skeleton rules do not match their hash");
}

TEST_F(GazetteerFile, SectionOutOfBoundsIsCorrupt) {
  std::string bytes = Bytes();
  GazHeader h = HeaderOf(bytes);
  h.key_count = 1u << 30;
  PutHeader(bytes, h, /*fix_check=*/true);
  auto g = Gazetteer::OpenBytes(bytes);
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(g.error().message, "<memory>: not a valid .gaz file: keys section out of bounds");
}

TEST_F(GazetteerFile, DamagedBodyNeverReadsOutsideTheFile) {
  // The header check covers only the header: a damaged body must give wrong
  // answers at worst. Flip every 7th byte after the header, one at a time.
  const std::string good = Bytes();
  size_t opened = 0;
  for (size_t at = sizeof(GazHeader); at < good.size(); at += 7) {
    std::string bytes = good;
    bytes[at] = static_cast<char>(bytes[at] ^ 0xA5);
    auto g = Gazetteer::OpenBytes(bytes);
    if (!g) {
      EXPECT_EQ(g.error().code, ErrorCode::kCorrupt) << at;
      continue;
    }
    ++opened;
    for (const char* name : {"Kharkiv", "Kurylivka", "Луганськ"}) (void)g->Lookup(name);
    (void)g->FindById(703610);
  }
  EXPECT_GT(opened, 0u);
}

TEST_F(GazetteerFile, MissingFileIsNotFound) {
  auto g = Gazetteer::Open(TestGazDir() + "/absent.gaz");
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, ErrorCode::kNotFound);
}

TEST(GazetteerBuilder, NoPlacesIsInvalidInput) {
  CollectingSink sink;
  auto b = GazetteerBuilder::Create("@pass\na\tb\n", sink);
  ASSERT_TRUE(b);
  auto stats = b->Write(TestGazDir() + "/empty.gaz");
  ASSERT_FALSE(stats);
  EXPECT_EQ(stats.error().code, ErrorCode::kInvalidInput);
}

TEST(SkeletonRules, MalformedRuleNamesTheLine) {
  auto r = gazetteer_internal::SkeletonRules::Parse("# c\n@pass\nkh\th\nzh\n", "skeleton.tsv");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(r.error().message, "skeleton.tsv:4: 1 column, expected 2 (from, to)");
  auto d = gazetteer_internal::SkeletonRules::Parse("@bogus\n", "s.tsv");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message, "s.tsv:1: unknown directive '@bogus'");
}

TEST(SkeletonRules, AlternativesForkAndCollapseFolds) {
  auto r = gazetteer_internal::SkeletonRules::Parse(
      "@pass\nch\tc|h\nkh\th\n\\s\t\n@collapse\n", "t");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Apply("charkiw"), (std::vector<std::string>{"carkiw", "harkiw"}));
  EXPECT_EQ(r->Apply("kharrkiv  town"), (std::vector<std::string>{"harkivtown"}));
}

TEST(SkeletonRules, ShippedRulesJoinTheDesignSpellings) {
  CollectingSink sink;
  const std::string rules = ReadFile(std::string(SITREP_DATA_DIR) + "/gazetteer/skeleton.tsv");
  auto maker = gazetteer_internal::NameKeyMaker::Create(rules, "skeleton.tsv");
  ASSERT_TRUE(maker) << maker.error().message;
  auto skeletons = [&](const char* name) {
    std::vector<std::string> keys;
    (*maker)->Keys(name, true, keys);
    std::vector<std::string> out;
    for (auto& k : keys) {
      if (k[0] == 'S') out.push_back(k.substr(1));
    }
    return out;
  };
  auto meet = [&](const char* a, const char* b) {
    for (const auto& x : skeletons(a)) {
      for (const auto& y : skeletons(b)) {
        if (x == y) return true;
      }
    }
    return false;
  };
  const char* kharkiv[] = {"Харків", "Харьков", "Kharkiv", "Kharkov", "Charkiw", "Kharkiw"};
  const char* luhansk[] = {"Луганськ", "Луганск", "Luhansk", "Lugansk", "Louhansk"};
  for (const char* a : kharkiv) {
    for (const char* b : kharkiv) EXPECT_TRUE(meet(a, b)) << a << " / " << b;
    for (const char* b : luhansk) EXPECT_FALSE(meet(a, b)) << a << " / " << b;
  }
  for (const char* a : luhansk) {
    for (const char* b : luhansk) EXPECT_TRUE(meet(a, b)) << a << " / " << b;
  }
}

}  // namespace
}  // namespace sitrep
