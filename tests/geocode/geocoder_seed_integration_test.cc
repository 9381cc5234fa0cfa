// The seed article (../shared/corpus/seed-fr.txt) through normalise,
// segment, recognise (the real French pack) and the geocoder, against the
// default index (data/gazetteer/default.gaz, built by scripts/setup) and
// against one that adds ../shared UA.txt.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "gazetteer/gazetteer_test_util.h"
#include "sitrep/geocode.h"

namespace sitrep {
namespace {

const std::string kSeed = std::string(SITREP_SHARED_DIR) + "/corpus/seed-fr.txt";

struct SeedPlaces {
  NormalizedText text;
  std::vector<PlaceMention> places;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Runs the stages before the geocoder; false (with a test failure) if one fails.
bool Geocode(const Gazetteer& gaz, SeedPlaces& out) {
  CollectingSink sink;
  auto pack = LoadLanguagePack(std::string(SITREP_DATA_DIR) + "/lang/fr", sink);
  EXPECT_TRUE(pack) << pack.error().message;
  if (!pack) return false;
  // TODO(gazetteer): data/lang/fr/place_cues.tsv has "près de" but not the
  // contracted "près du" that the seed uses; drop this once the pack has it.
  bool has_pres_du = false;
  for (const auto& cue : pack->place_cues) has_pres_du |= cue.phrase == "près du";
  if (!has_pres_du) pack->place_cues.push_back({"près du", PlaceCueRole::kNear});
  auto text = Normalize(ReadFile(kSeed));
  EXPECT_TRUE(text);
  if (!text) return false;
  auto seg = Segmenter::Create("fr");
  EXPECT_TRUE(seg);
  if (!seg) return false;
  std::vector<Sentence> sentences = seg->Sentences(text->text);
  std::vector<std::vector<Token>> tokens;
  for (const Sentence& s : sentences) tokens.push_back(seg->Words(text->text, s.span));
  auto recognizer = Recognizer::Create(*pack);
  EXPECT_TRUE(recognizer);
  if (!recognizer) return false;
  auto scratch = recognizer->MakeScratch();
  EXPECT_TRUE(scratch);
  if (!scratch) return false;
  const std::vector<Mention> mentions = recognizer->Find(*text, *scratch);
  auto geocoder = Geocoder::Create(&gaz);
  out.places = geocoder->FindPlaces(*text, sentences, tokens, mentions, *pack, GeocodeContext{});
  out.text = std::move(*text);
  return true;
}

// The first place whose span reads `name`.
const PlaceMention* First(const SeedPlaces& s, const std::string& name) {
  for (const auto& p : s.places) {
    if (Slice(s.text.text, p.span) == name) return &p;
  }
  return nullptr;
}

TEST(GeocoderSeed, DefaultIndexResolvesTheSeedPlaces) {
  const std::string path = DefaultGazetteerPath();
  if (!std::filesystem::exists(kSeed)) GTEST_SKIP() << kSeed << " missing";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " missing: run scripts/build-gazetteer";
  auto gaz = Gazetteer::Open(path);
  ASSERT_TRUE(gaz) << gaz.error().message;
  SeedPlaces s;
  ASSERT_TRUE(Geocode(*gaz, s));

  const PlaceMention* kupiansk = First(s, "Kupiansk");
  ASSERT_NE(kupiansk, nullptr);
  EXPECT_EQ(kupiansk->location.geonames_id, 703656);

  const PlaceMention* lougansk = First(s, "Lougansk");  // "dans la région de Lougansk"
  ASSERT_NE(lougansk, nullptr);
  EXPECT_TRUE(lougansk->is_region);
  EXPECT_EQ(lougansk->location.admin1, "Luhansk");
  EXPECT_EQ(lougansk->location.geo_precision, 3);

  const PlaceMention* zap = First(s, "Zaporizhzhia");  // "L’attaque d’horreur à Zaporizhzhia"
  ASSERT_NE(zap, nullptr);
  EXPECT_EQ(zap->location.geonames_id, 687700);
  EXPECT_EQ(zap->location.geo_precision, 1);

  const PlaceMention* npp = First(s, "centrale nucléaire de Zaporizhzhia");
  ASSERT_NE(npp, nullptr);
  EXPECT_EQ(npp->location.geonames_id, 709276);
  EXPECT_EQ(npp->location.geo_precision, 2);

  const PlaceMention* lyman = First(s, "Lyman");
  ASSERT_NE(lyman, nullptr);
  EXPECT_EQ(lyman->location.geonames_id, 704204);
  EXPECT_NE(lyman->location.note.find("text says Luhansk; Lyman is in Donetsk"), std::string::npos)
      << lyman->location.note;

  const PlaceMention* kharkiv_region = First(s, "Kharkiv");  // "l’État de Kharkiv"
  ASSERT_NE(kharkiv_region, nullptr);
  EXPECT_TRUE(kharkiv_region->is_region);
  EXPECT_EQ(kharkiv_region->location.geonames_id, 706482);

  // cities500 has no Kurylivka: the cued name stays a mention without
  // coordinates rather than becoming Kyrylivka (708439), a village whose
  // name only differs in its vowels.
  const PlaceMention* kurylivka = First(s, "Kurylivka");
  ASSERT_NE(kurylivka, nullptr);
  EXPECT_EQ(kurylivka->location.geonames_id, 0);
  EXPECT_FALSE(kurylivka->location.lat);
  EXPECT_EQ(kurylivka->cue, PlaceCueRole::kNear);

  // Words that are not places here must not become places.
  for (const char* word : {"Poutine", "Telegram", "Crédit", "Vasyl Malyuk", "Energoatom"}) {
    const PlaceMention* p = First(s, word);
    EXPECT_TRUE(p == nullptr || p->location.geonames_id == 0) << word;
  }
}

TEST(GeocoderSeed, WithUkraineDumpKurylivkaIsTheKharkivVillage) {
  const std::string shared = std::string(SITREP_SHARED_DIR) + "/gazetteer/";
  if (!std::filesystem::exists(kSeed) || !std::filesystem::exists(shared + "UA.txt")) {
    GTEST_SKIP() << "../shared is missing";
  }
  GazetteerBuildOptions options;
  options.geonames_files = {shared + "cities500-sample.txt", shared + "UA.txt"};
  options.admin1_file = shared + "admin1CodesASCII.txt";
  options.admin2_file = shared + "admin2Codes.txt";
  options.country_info_file = shared + "countryInfo.txt";
  options.skeleton_rules_file = std::string(SITREP_DATA_DIR) + "/gazetteer/skeleton.tsv";
  options.admin_names_file = std::string(SITREP_DATA_DIR) + "/gazetteer/admin-names.tsv";
  const std::string out = testing::TestGazDir() + "/seed-ua.gaz";
  CollectingSink sink;
  auto stats = BuildGazetteer(options, out, sink);
  ASSERT_TRUE(stats) << stats.error().message;
  auto gaz = Gazetteer::Open(out);
  ASSERT_TRUE(gaz) << gaz.error().message;
  SeedPlaces s;
  ASSERT_TRUE(Geocode(*gaz, s));

  const PlaceMention* kurylivka = First(s, "Kurylivka");  // "près du village de Kurylivka"
  ASSERT_NE(kurylivka, nullptr);
  EXPECT_EQ(kurylivka->location.geonames_id, 703610);
  EXPECT_EQ(kurylivka->location.admin1, "Kharkiv");
  EXPECT_EQ(kurylivka->location.admin2, "Kupiansk");
  EXPECT_EQ(kurylivka->location.geo_precision, 2);
  EXPECT_EQ(Slice(s.text.text, kurylivka->context_span), "près du village de Kurylivka");

  const PlaceMention* svatove = First(s, "Svatove");
  ASSERT_NE(svatove, nullptr);
  EXPECT_EQ(svatove->location.geonames_id, 692118);

  const PlaceMention* lyman = First(s, "Lyman");
  ASSERT_NE(lyman, nullptr);
  EXPECT_EQ(lyman->location.geonames_id, 704204);
}

}  // namespace
}  // namespace sitrep
