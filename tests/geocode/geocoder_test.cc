#include "sitrep/geocode.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gazetteer/gazetteer_test_util.h"

namespace sitrep {
namespace {

// A tiny pack with only what the geocoder reads; the real packs are tested
// with their own examples.
LanguagePack TestPack() {
  LanguagePack pack;
  pack.code = "xx";
  pack.place_cues = {{"près du", PlaceCueRole::kNear},    {"village de", PlaceCueRole::kSettlement},
                     {"région de", PlaceCueRole::kRegion}, {"ville de", PlaceCueRole::kSettlement},
                     {"à", PlaceCueRole::kIn},             {"near", PlaceCueRole::kNear},
                     {"in", PlaceCueRole::kIn},            {"oblast", PlaceCueRole::kRegion},
                     {"entre", PlaceCueRole::kBetween}};
  pack.exonyms = {{"Lougansk", 702658}};
  pack.landmarks = {{"centrale nucléaire de Zaporizhzhia", 709276, 2}};
  pack.place_stopwords = {"lyman"};
  return pack;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// What the segmenter and recogniser would give for these simple texts:
// sentences end at ". ", tokens are runs of non-space, non-punctuation
// bytes, mentions are exact occurrences of pack phrases at word edges.
struct Analysed {
  NormalizedText text;
  std::vector<Sentence> sentences;
  std::vector<std::vector<Token>> tokens;
  std::vector<Mention> mentions;
};

Analysed Analyse(const std::string& s, const LanguagePack& pack) {
  Analysed a;
  a.text = *Normalize(s);
  const std::string& t = a.text.text;
  uint32_t begin = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || (t[i] == '.' && (i + 1 == t.size() || t[i + 1] == ' '))) {
      const uint32_t end = static_cast<uint32_t>(std::min(i + 1, t.size()));
      if (end > begin) a.sentences.push_back({Span{begin, end}, 0});
      begin = end + 1;
    }
  }
  for (const Sentence& sentence : a.sentences) {
    std::vector<Token> tokens;
    uint32_t i = sentence.span.begin;
    while (i < sentence.span.end) {
      auto is_break = [&](char c) { return c == ' ' || c == '.' || c == ',' || c == '(' || c == ')'; };
      if (is_break(t[i])) {
        ++i;
        continue;
      }
      uint32_t j = i;
      while (j < sentence.span.end && !is_break(t[j])) ++j;
      Token tok;
      tok.span = Span{i, j};
      tok.is_word = true;
      tok.capitalized = t[i] >= 'A' && t[i] <= 'Z';
      tok.sentence_initial = tokens.empty();
      tokens.push_back(tok);
      i = j;
    }
    a.tokens.push_back(std::move(tokens));
  }
  auto find_all = [&](MentionKind kind, size_t entry, const std::string& phrase) {
    for (size_t pos = t.find(phrase); pos != std::string::npos; pos = t.find(phrase, pos + 1)) {
      const size_t end = pos + phrase.size();
      if (pos > 0 && IsAsciiLetter(t[pos - 1])) continue;
      if (end < t.size() && IsAsciiLetter(t[end])) continue;
      a.mentions.push_back({kind, static_cast<uint32_t>(entry),
                            Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(end)}});
    }
  };
  for (size_t e = 0; e < pack.place_cues.size(); ++e) find_all(MentionKind::kPlaceCue, e, pack.place_cues[e].phrase);
  for (size_t e = 0; e < pack.exonyms.size(); ++e) find_all(MentionKind::kExonym, e, pack.exonyms[e].phrase);
  for (size_t e = 0; e < pack.landmarks.size(); ++e) find_all(MentionKind::kLandmark, e, pack.landmarks[e].phrase);
  return a;
}

const Gazetteer& TestGaz() {
  static Gazetteer* gaz = [] {
    auto g = Gazetteer::Open(testing::TestGazPath());
    EXPECT_TRUE(g) << (g ? "" : g.error().message);
    return new Gazetteer(std::move(*g));
  }();
  return *gaz;
}

std::vector<PlaceMention> Find(const std::string& text, const Gazetteer* gaz,
                               const GeocodeContext& context, Analysed* out = nullptr) {
  const LanguagePack pack = TestPack();
  Analysed a = Analyse(text, pack);
  auto geocoder = Geocoder::Create(gaz);
  EXPECT_TRUE(geocoder);
  auto places = geocoder->FindPlaces(a.text, a.sentences, a.tokens, a.mentions, pack, context);
  if (out != nullptr) *out = std::move(a);
  return places;
}

const PlaceMention* ByName(const std::vector<PlaceMention>& places, const std::string& text,
                           const std::string& name) {
  for (const auto& p : places) {
    if (Slice(text, p.span) == name) return &p;
  }
  return nullptr;
}

TEST(Geocoder, NearCueGivesPrecisionTwoAndContextSpan) {
  Analysed a;
  const auto places = Find("Les flics ont découvert la scène près du village de Kurylivka jeudi.",
                           &TestGaz(), {}, &a);
  const std::string& t = a.text.text;
  ASSERT_EQ(places.size(), 1u);
  const PlaceMention& p = places[0];
  EXPECT_EQ(Slice(t, p.span), "Kurylivka");
  EXPECT_EQ(Slice(t, p.context_span), "près du village de Kurylivka");
  EXPECT_TRUE(p.has_cue);
  EXPECT_EQ(p.cue, PlaceCueRole::kNear);
  EXPECT_FALSE(p.is_region);
  EXPECT_EQ(p.location.geonames_id, 703610);
  EXPECT_EQ(p.location.geo_precision, 2);
  EXPECT_EQ(p.location.admin1, "Kharkiv");
  EXPECT_EQ(p.location.admin2, "Kupiansk");
  EXPECT_EQ(p.location.country, "UA");
  ASSERT_TRUE(p.location.lat);
  EXPECT_NEAR(*p.location.lat, 49.66002, 1e-5);
  EXPECT_EQ(p.location.mention, "près du village de Kurylivka");
}

TEST(Geocoder, RegionInTheSameSentenceBeatsALargerNamesake) {
  Analysed a;
  const auto places = Find(
      "Dans la région de Dnipropetrovsk, un obus est tombé sur le village de Kurylivka.",
      &TestGaz(), {}, &a);
  const std::string& t = a.text.text;
  const PlaceMention* region = ByName(places, t, "Dnipropetrovsk");
  ASSERT_NE(region, nullptr);
  EXPECT_TRUE(region->is_region);
  EXPECT_EQ(region->location.geonames_id, 709929);
  const PlaceMention* village = ByName(places, t, "Kurylivka");
  ASSERT_NE(village, nullptr);
  EXPECT_EQ(village->location.geonames_id, 703613);  // UA.04, not the larger 703610
  EXPECT_EQ(village->location.geo_precision, 1);
  EXPECT_EQ(village->cue, PlaceCueRole::kSettlement);
}

TEST(Geocoder, CoMentionedPlacesPickTheNamesakeInTheirRaion) {
  Analysed a;
  const auto places = Find(
      "Les troupes ont quitté Kupiansk. Un convoi a été touché près du village de Kurylivka.",
      &TestGaz(), {}, &a);
  const PlaceMention* village = ByName(places, a.text.text, "Kurylivka");
  ASSERT_NE(village, nullptr);
  EXPECT_EQ(village->location.geonames_id, 703610);
  EXPECT_EQ(village->location.admin2, "Kupiansk");
  const PlaceMention* town = ByName(places, a.text.text, "Kupiansk");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->location.geonames_id, 703656);
  EXPECT_EQ(town->location.geo_precision, 1);
}

TEST(Geocoder, RegionMentionResolvesToTheAdminAreaAtItsSeat) {
  Analysed a;
  const auto places =
      Find("Les troupes se sont retirées de la région de Kharkiv.", &TestGaz(), {}, &a);
  ASSERT_EQ(places.size(), 1u);
  const PlaceMention& p = places[0];
  EXPECT_EQ(Slice(a.text.text, p.context_span), "région de Kharkiv");
  EXPECT_TRUE(p.is_region);
  EXPECT_EQ(p.cue, PlaceCueRole::kRegion);
  EXPECT_EQ(p.location.geonames_id, 706482);
  EXPECT_EQ(p.location.geo_precision, 3);
  ASSERT_TRUE(p.location.lat);
  EXPECT_NEAR(*p.location.lat, 49.98081, 1e-5);  // the seat, Kharkiv city
  EXPECT_EQ(p.location.note, "region only: coordinates of its seat Kharkiv");
}

TEST(Geocoder, ExonymInRegionCueBecomesItsOblast) {
  Analysed a;
  const auto places = Find("Svatove est occupée dans la région de Lougansk.", &TestGaz(), {}, &a);
  const PlaceMention* region = ByName(places, a.text.text, "Lougansk");
  ASSERT_NE(region, nullptr);
  EXPECT_TRUE(region->is_region);
  EXPECT_EQ(region->location.geonames_id, 702657);
  EXPECT_EQ(region->location.geo_precision, 3);
  const PlaceMention* town = ByName(places, a.text.text, "Svatove");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->location.geonames_id, 692118);
}

TEST(Geocoder, WrongOblastInTextKeepsTheTownAndSaysSo) {
  Analysed a;
  const auto places =
      Find("Les forces ont encerclé la ville de Lyman, située à Lougansk.", &TestGaz(), {}, &a);
  const std::string& t = a.text.text;
  const PlaceMention* lyman = ByName(places, t, "Lyman");
  ASSERT_NE(lyman, nullptr);
  EXPECT_EQ(lyman->location.geonames_id, 704204);
  EXPECT_EQ(lyman->location.admin1, "Donetsk");
  EXPECT_NE(lyman->location.note.find("text says Luhansk; Lyman is in Donetsk"), std::string::npos)
      << lyman->location.note;
  const PlaceMention* luhansk = ByName(places, t, "Lougansk");
  ASSERT_NE(luhansk, nullptr);
  EXPECT_EQ(luhansk->location.geonames_id, 702658);
  EXPECT_EQ(luhansk->location.geo_precision, 1);
  EXPECT_EQ(Slice(t, luhansk->context_span), "à Lougansk");
}

TEST(Geocoder, CityBeatsVillageAndOblastOfTheSameName) {
  Analysed a;
  const auto places = Find("L'attaque à Zaporizhzhia a fait trente morts.", &TestGaz(), {}, &a);
  ASSERT_EQ(places.size(), 1u);
  EXPECT_EQ(Slice(a.text.text, places[0].span), "Zaporizhzhia");
  EXPECT_EQ(places[0].location.geonames_id, 687700);
  EXPECT_EQ(places[0].location.geo_precision, 1);
}

TEST(Geocoder, LandmarkMapsToItsTownWithPackPrecision) {
  Analysed a;
  const auto places = Find(
      "Ils ont enlevé le directeur de la centrale nucléaire de Zaporizhzhia vendredi.",
      &TestGaz(), {}, &a);
  ASSERT_EQ(places.size(), 1u);
  EXPECT_EQ(Slice(a.text.text, places[0].span), "centrale nucléaire de Zaporizhzhia");
  EXPECT_EQ(places[0].location.geonames_id, 709276);
  EXPECT_EQ(places[0].location.name, "Enerhodar");
  EXPECT_EQ(places[0].location.geo_precision, 2);
}

TEST(Geocoder, EnglishNearCueAndFollowingRegionWord) {
  Analysed a;
  const auto places = Find(
      "Shelling hit a market near Bakhmut on Monday. Strikes continued in Kharkiv oblast.",
      &TestGaz(), {}, &a);
  const std::string& t = a.text.text;
  const PlaceMention* bakhmut = ByName(places, t, "Bakhmut");
  ASSERT_NE(bakhmut, nullptr);
  EXPECT_EQ(bakhmut->location.geonames_id, 713174);
  EXPECT_EQ(bakhmut->location.geo_precision, 2);
  EXPECT_EQ(bakhmut->cue, PlaceCueRole::kNear);
  EXPECT_EQ(Slice(t, bakhmut->context_span), "near Bakhmut");
  const PlaceMention* oblast = ByName(places, t, "Kharkiv");
  ASSERT_NE(oblast, nullptr);
  EXPECT_TRUE(oblast->is_region);
  EXPECT_EQ(oblast->location.geonames_id, 706482);
  EXPECT_EQ(Slice(t, oblast->context_span), "in Kharkiv oblast");
}

TEST(Geocoder, StopwordNeedsACue) {
  Analysed a;
  const auto uncued = Find("Lyman Smith said nothing.", &TestGaz(), {}, &a);
  EXPECT_TRUE(uncued.empty());
}

TEST(Geocoder, SkeletonOnlyAbroadIsNotTaken) {
  // "Kharkow" meets Kharkiv only by skeleton; in an article about Russia
  // it is not taken as a Ukrainian city.
  Analysed a;
  const auto places = Find("Officials in Kharkow spoke.", &TestGaz(), {"RU"}, &a);
  ASSERT_EQ(places.size(), 1u);  // cued: kept as a mention without coordinates
  EXPECT_EQ(places[0].location.geonames_id, 0);
  EXPECT_FALSE(places[0].location.lat);
  EXPECT_EQ(places[0].location.note, "not found in the gazetteer");
}

TEST(Geocoder, WithoutGazetteerFindsPackPlacesAndCuedNames) {
  Analysed a;
  const auto places =
      Find("Un convoi près du village de Kurylivka, dans la région de Lougansk.", nullptr, {}, &a);
  const std::string& t = a.text.text;
  ASSERT_EQ(places.size(), 2u);
  EXPECT_EQ(Slice(t, places[0].span), "Kurylivka");
  EXPECT_EQ(places[0].location.geonames_id, 0);
  EXPECT_EQ(places[0].location.geo_precision, 0);
  EXPECT_FALSE(places[0].location.lat);
  EXPECT_EQ(Slice(t, places[1].span), "Lougansk");
  EXPECT_EQ(places[1].location.geonames_id, 702658);
  EXPECT_FALSE(places[1].location.lat);
  EXPECT_EQ(places[1].location.note, "no gazetteer");
}

}  // namespace
}  // namespace sitrep
