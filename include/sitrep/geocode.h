// Geocoding: finds the place names of one article and resolves each to a
// GeoNames place with coordinates and a geo_precision.
//
// It takes the article's normalised text, its sentences and word tokens
// (segment.h), the recogniser's mentions (place cues, landmarks, exonyms;
// recognize.h) and the article's language pack, and gives one PlaceMention
// per place name. Candidate names are capitalised token runs (up to 4
// tokens, longest first), exonyms and landmarks; inflected forms are tried
// with the pack's case endings. Candidates are chosen at article level:
// region mentions ("région de Kharkiv", "Luhansk oblast") vote for an
// admin1, co-mentioned places for their admin1 and country, then the
// country hint, feature class and population decide.
//
// It runs after the recogniser and before the assembler, which attaches
// places to events. Without a gazetteer it still finds mentions from pack
// data (cues, exonyms, landmarks, capitalised words after a cue), without
// coordinates.
//
//   Result<Geocoder> g = Geocoder::Create(&gazetteer);  // or nullptr
//   std::vector<PlaceMention> places =
//       g->FindPlaces(text, sentences, tokens, mentions, pack, GeocodeContext{"UA"});
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/error.h"
#include "sitrep/event.h"
#include "sitrep/gazetteer.h"
#include "sitrep/lang_pack.h"
#include "sitrep/normalize.h"
#include "sitrep/recognize.h"
#include "sitrep/segment.h"
#include "sitrep/text.h"

namespace sitrep {

struct PlaceMention {
  Span span;             // the name as written: "Kurylivka"
  Span context_span;     // with its cue: "près du village de Kurylivka"
  uint32_t sentence_index = 0;
  PlaceCueRole cue = PlaceCueRole::kIn;  // meaningful when has_cue
  bool has_cue = false;
  bool is_region = false;   // an admin area: "Kharkiv oblast", "région de Kharkiv"
  bool is_country = false;  // a country name: "Ukraine" (precision 3, its capital)
  // Resolved place: name, admin1 (common English name), admin2, country,
  // lat, lon, geonames_id, geo_precision (1 the place, 2 near it or part of
  // it, 3 only its region: the region's seat), note. Without a match:
  // name = the words as written, geonames_id 0, geo_precision 0.
  Location location;
  std::vector<int64_t> alternatives;  // other ids that stayed close
  double score = 0.0;                 // 0..1 confidence in `location`
};

struct GeocodeContext {
  std::string country_hint;  // ISO2 of the country the article is about, or empty
};

struct GeocodeOptions {
  // A candidate found only through its skeleton key, without a cue, must
  // have at least this population to be taken (default: 10000).
  int64_t min_population_skeleton_uncued = 10000;
  // An exact match without a cue must have at least this population (or be
  // an admin area) in the article's country (default: 1000); sentence-first
  // words, which are capitalised anyway, at least 10 times as many.
  int64_t min_population_uncued = 1000;
  // Two candidates whose scores differ by less than this stay ambiguous:
  // precision is lowered and both are named. 0.03 is a population ratio of
  // about 2.4 with no context to tell them apart (default: 0.03).
  double ambiguity_margin = 0.03;
};

class Geocoder {
 public:
  // `gazetteer` may be null (mentions without coordinates); when given it
  // must outlive the Geocoder. Never fails today; Result for symmetry with
  // the other stages.
  [[nodiscard]] static Result<Geocoder> Create(const Gazetteer* gazetteer,
                                               GeocodeOptions options = {});

  // The place mentions of one article, in text order, never overlapping.
  // `tokens_per_sentence[i]` are the tokens of `sentences[i]`; `mentions` are
  // the recogniser's, over the whole text. Const and thread-safe.
  std::vector<PlaceMention> FindPlaces(const NormalizedText& text,
                                       const std::vector<Sentence>& sentences,
                                       const std::vector<std::vector<Token>>& tokens_per_sentence,
                                       const std::vector<Mention>& mentions,
                                       const LanguagePack& pack,
                                       const GeocodeContext& context) const;

 private:
  Geocoder(const Gazetteer* gazetteer, GeocodeOptions options)
      : gazetteer_(gazetteer), options_(options) {}
  const Gazetteer* gazetteer_ = nullptr;
  GeocodeOptions options_;
};

}  // namespace sitrep
