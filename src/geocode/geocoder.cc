// Finds place names in one article and resolves them against the gazetteer.
//
// Two passes over the article's candidate names. The first scores each
// gazetteer candidate on its own (exact or skeleton match, kind of name,
// feature class, population) and keeps the confident picks; those picks,
// the region mentions and the country hint then form the article's
// context. The second pass adds context to each score: a region mention
// votes for its admin1, a co-mentioned place for its admin1 and admin2, the
// article's country for its country. A vote weighs 1 in the same sentence
// and less the further away it is, so a distant mention of one oblast does
// not pull a town out of the oblast its own sentence names.
#include "sitrep/geocode.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>

namespace sitrep {
namespace {

struct Cue {
  Span span;
  PlaceCueRole role;
};

// One name in the text that may be a place.
struct Candidate {
  Span span;
  Span context_span;
  uint32_t sentence = 0;
  bool sentence_initial = false;
  bool has_cue = false;
  PlaceCueRole cue = PlaceCueRole::kIn;
  bool near = false;         // a near/between cue in the chain before it
  bool region = false;       // region/district cue, or admin-only name
  bool parenthesised = false;
  bool via_pack = false;     // exonym or landmark: the id is known
  int64_t pack_id = 0;
  int pack_precision = 0;    // landmarks
  bool is_landmark = false;
  std::vector<GazetteerCandidate> options;
  std::vector<bool> via_case_ending;  // parallel to options
  // Results of scoring.
  std::vector<double> prior;
  int best = -1;
  bool confident = false;
  bool is_country = false;
};

struct Vote {
  size_t from;  // candidate index
  uint32_t sentence;
  bool region;  // a region mention (stronger) or a co-mentioned place
  std::string country;
  std::string admin1;
  std::string admin2;
  std::string admin1_name;
};

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// True when `gap` holds only white space and apostrophes (elided articles
// are part of the cue: "d'" of "près d'Izioum" is inside the cue phrase,
// the apostrophe itself may sit between).
bool IsJoinGap(std::string_view gap) {
  for (size_t i = 0; i < gap.size();) {
    const unsigned char c = static_cast<unsigned char>(gap[i]);
    if (IsSpaceByte(gap[i]) || c == '\'') {
      ++i;
      continue;
    }
    size_t len = 0;
    const char32_t cp = DecodeUtf8(gap, i, &len);
    if (len == 0) return false;
    if (cp == 0x2019 || cp == 0x02BC || cp == 0x00A0 || cp == 0x202F) {
      i += len;
      continue;
    }
    return false;
  }
  return true;
}

bool StartsUpper(std::string_view text, size_t offset) {
  if (offset >= text.size()) return false;
  size_t len = 0;
  const char32_t cp = DecodeUtf8(text, offset, &len);
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

// For a word with an elided article ("l’Ukraine", "d’Orekhovo"), the byte
// offset where the capitalised part starts; `begin` when there is none.
uint32_t AfterElision(std::string_view text, Span word) {
  const std::string_view w = Slice(text, word);
  for (size_t i = 0; i < w.size() && i < 8;) {
    size_t len = 0;
    const char32_t cp = DecodeUtf8(w, i, &len);
    if (len == 0) break;
    if (cp == '\'' || cp == 0x2019 || cp == 0x02BC) {
      if (i > 0 && i + len < w.size() && StartsUpper(w, i + len)) {
        return word.begin + static_cast<uint32_t>(i + len);
      }
      break;
    }
    i += len;
  }
  return word.begin;
}

// Scores are sums of small, hand-set weights (checked by the geocoder tests
// and the seed article): a match kind (exact 0.3, skeleton 0.1), the name's
// standing, the feature class, and 0.08 per decade of population.
double PopulationScore(int64_t population) {
  return 0.08 * std::log10(static_cast<double>(std::max<int64_t>(population, 0)) + 10.0);
}

bool IsAdminArea(const GazetteerPlace& p) {
  return p.feature_class == 'A' && p.feature_code.rfind("ADM", 0) == 0;
}
bool IsCountry(const GazetteerPlace& p) {
  return p.feature_class == 'A' && p.feature_code.rfind("PCL", 0) == 0;
}

double PriorScore(const GazetteerCandidate& c, bool via_case_ending, const Candidate& m) {
  const GazetteerPlace& p = c.place;
  double s = c.match == MatchKind::kExact ? 0.3 : 0.1;
  if (via_case_ending) s -= 0.03;
  switch (c.source) {
    case NameSource::kMain:
    case NameSource::kAscii:
    case NameSource::kAdmin: s += 0.05; break;
    case NameSource::kPreferred: s += 0.03; break;
    case NameSource::kHistoric: s -= 0.05; break;
    case NameSource::kAlternate: break;
  }
  if (m.region) {
    if (IsAdminArea(p)) s += 0.3;
    else if (p.feature_class == 'P') s += 0.1;
  } else if (p.feature_class == 'P') {
    s += 0.2;
    if (p.feature_code == "PPLC" || p.feature_code == "PPLA" || p.feature_code == "PPLA2") s += 0.05;
  } else if (IsAdminArea(p)) {
    s += 0.1;
  } else if (IsCountry(p)) {
    s += 0.05;
  }
  s += PopulationScore(p.population);
  return s;
}

}  // namespace

Result<Geocoder> Geocoder::Create(const Gazetteer* gazetteer, GeocodeOptions options) {
  return Geocoder(gazetteer, options);
}

std::vector<PlaceMention> Geocoder::FindPlaces(
    const NormalizedText& text, const std::vector<Sentence>& sentences,
    const std::vector<std::vector<Token>>& tokens_per_sentence, const std::vector<Mention>& mentions,
    const LanguagePack& pack, const GeocodeContext& context) const {
  const std::string_view t = text.text;

  // --- Cues, exonyms and landmarks from the recogniser. ---
  std::vector<Cue> cues;
  std::vector<Candidate> cands;
  auto sentence_of = [&](uint32_t offset) -> uint32_t {
    for (uint32_t i = 0; i < sentences.size(); ++i) {
      if (sentences[i].span.begin <= offset && offset < sentences[i].span.end) return i;
    }
    return 0;
  };
  for (const Mention& m : mentions) {
    if (m.span.end > t.size() || m.span.begin >= m.span.end) continue;
    if (m.kind == MentionKind::kPlaceCue && m.entry < pack.place_cues.size()) {
      cues.push_back({m.span, pack.place_cues[m.entry].role});
    } else if (m.kind == MentionKind::kExonym && m.entry < pack.exonyms.size()) {
      Candidate c;
      c.span = m.span;
      c.via_pack = true;
      c.pack_id = pack.exonyms[m.entry].geonames_id;
      cands.push_back(std::move(c));
    } else if (m.kind == MentionKind::kLandmark && m.entry < pack.landmarks.size()) {
      Candidate c;
      c.span = m.span;
      c.via_pack = true;
      c.is_landmark = true;
      c.pack_id = pack.landmarks[m.entry].geonames_id;
      c.pack_precision = pack.landmarks[m.entry].geo_precision;
      cands.push_back(std::move(c));
    }
  }
  std::sort(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) { return a.span < b.span; });
  auto covered = [&](Span s) {
    for (const Candidate& c : cands) {
      if (c.span.Overlaps(s)) return true;
    }
    return false;
  };
  // The cue that ends right before `begin`, if any.
  auto cue_before = [&](uint32_t begin) -> const Cue* {
    const Cue* best = nullptr;
    for (const Cue& cue : cues) {
      if (cue.span.end > begin) break;
      if (IsJoinGap(t.substr(cue.span.end, begin - cue.span.end))) best = &cue;
    }
    return best;
  };
  auto cue_after = [&](uint32_t end) -> const Cue* {
    for (const Cue& cue : cues) {
      if (cue.span.begin < end) continue;
      if (IsJoinGap(t.substr(end, cue.span.begin - end))) return &cue;
      break;
    }
    return nullptr;
  };
  auto is_stopword = [&](std::string_view words) {
    const std::string folded = FoldForMatch(words);
    return std::find(pack.place_stopwords.begin(), pack.place_stopwords.end(), folded) !=
           pack.place_stopwords.end();
  };

  // --- Capitalised token runs, longest n-gram first. ---
  auto lookup = [&](Candidate& c) {
    if (gazetteer_ == nullptr) return;
    const std::string_view name = Slice(t, c.span);
    auto found = gazetteer_->Lookup(name);
    const bool any_exact = !found.empty() && found.front().match == MatchKind::kExact;
    for (auto& f : found) {
      c.options.push_back(std::move(f));
      c.via_case_ending.push_back(false);
    }
    if (any_exact) return;
    // Inflected forms: strip an ending, add its replacement, keep exact hits.
    for (const CaseEnding& ending : pack.case_endings) {
      if (ending.ending.empty() || name.size() <= ending.ending.size()) continue;
      if (name.substr(name.size() - ending.ending.size()) != ending.ending) continue;
      std::string base(name.substr(0, name.size() - ending.ending.size()));
      base += ending.replacement;
      LookupOptions exact_only;
      exact_only.skeleton = false;
      for (auto& f : gazetteer_->Lookup(base, exact_only)) {
        c.options.insert(c.options.begin(), std::move(f));
        c.via_case_ending.insert(c.via_case_ending.begin(), true);
      }
    }
  };
  // Resolve pack ids now: they are the strongest evidence.
  for (Candidate& c : cands) {
    c.sentence = sentence_of(c.span.begin);
    if (gazetteer_ != nullptr) {
      if (auto place = gazetteer_->FindById(c.pack_id)) {
        GazetteerCandidate g;
        g.place = std::move(*place);
        g.match = MatchKind::kExact;
        g.source = NameSource::kMain;
        g.key = "pack";
        c.options.push_back(std::move(g));
        c.via_case_ending.push_back(false);
      }
    }
  }

  for (uint32_t s_idx = 0; s_idx < tokens_per_sentence.size() && s_idx < sentences.size(); ++s_idx) {
    const std::vector<Token>& tokens = tokens_per_sentence[s_idx];
    // Token starts after an elided article, and whether each may start or
    // continue a name.
    std::vector<uint32_t> starts(tokens.size());
    std::vector<bool> capital(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      starts[i] = tokens[i].is_word ? AfterElision(t, tokens[i].span) : tokens[i].span.begin;
      capital[i] = tokens[i].is_word && StartsUpper(t, starts[i]);
    }
    size_t i = 0;
    while (i < tokens.size()) {
      const Cue* before = tokens[i].is_word ? cue_before(starts[i]) : nullptr;
      if (!capital[i] && before == nullptr) {
        ++i;
        continue;
      }
      if (!capital[i]) {
        ++i;  // lower-case after a cue: only when the name is capitalised
        continue;
      }
      // The run of capitalised words joined by one space or a hyphen.
      size_t run_end = i + 1;
      while (run_end < tokens.size() && run_end - i < 4 && capital[run_end] &&
             starts[run_end] == tokens[run_end].span.begin) {
        const std::string_view gap =
            t.substr(tokens[run_end - 1].span.end, tokens[run_end].span.begin - tokens[run_end - 1].span.end);
        if (gap != " " && gap != "-") break;
        ++run_end;
      }
      bool taken = false;
      for (size_t len = run_end - i; len >= 1 && !taken; --len) {
        Candidate c;
        c.span = Span{starts[i], tokens[i + len - 1].span.end};
        c.sentence = s_idx;
        c.sentence_initial = tokens[i].sentence_initial && starts[i] == tokens[i].span.begin;
        if (covered(c.span)) break;
        const bool cued = cue_before(c.span.begin) != nullptr;
        if (!cued && is_stopword(Slice(t, c.span))) continue;
        lookup(c);
        if (c.options.empty() && !(cued && len == 1)) continue;
        cands.push_back(std::move(c));
        i += len;
        taken = true;
      }
      if (!taken) ++i;
    }
  }

  // --- Cues, regions and parentheses around each candidate. ---
  for (Candidate& c : cands) {
    c.context_span = c.span;
    const Cue* cue = cue_before(c.span.begin);
    if (cue != nullptr) {
      c.has_cue = true;
      c.cue = cue->role;
      // Walk a chain of cues back: "près du" + "village de".
      const Cue* first = cue;
      for (const Cue* prev = cue; prev != nullptr; prev = cue_before(prev->span.begin)) {
        first = prev;
        if (prev->role == PlaceCueRole::kNear || prev->role == PlaceCueRole::kBetween) c.near = true;
        if (prev->role == PlaceCueRole::kRegion || prev->role == PlaceCueRole::kDistrict) c.region = true;
        if (prev == cue_before(prev->span.begin)) break;
      }
      if (c.near) c.cue = PlaceCueRole::kNear;
      if (cue->role == PlaceCueRole::kBetween) c.cue = PlaceCueRole::kBetween;
      c.context_span.begin = first->span.begin;
    }
    if (const Cue* after = cue_after(c.span.end);
        after != nullptr &&
        (after->role == PlaceCueRole::kRegion || after->role == PlaceCueRole::kDistrict)) {
      c.region = true;
      c.context_span.end = after->span.end;
      if (!c.has_cue) {
        c.has_cue = true;
        c.cue = after->role;
      }
    }
    if (c.span.begin > 0 && t[c.span.begin - 1] == '(' && c.span.end < t.size() && t[c.span.end] == ')') {
      c.parenthesised = true;
    }
  }

  // --- Pass 1: scores on their own; confident picks. ---
  for (Candidate& c : cands) {
    // A name that only ever matches an admin area is a region mention
    // ("Donechchyna"), whatever its cue.
    bool all_admin = !c.options.empty();
    for (const auto& o : c.options) all_admin = all_admin && IsAdminArea(o.place);
    if (all_admin && !c.via_pack) c.region = true;
    c.prior.resize(c.options.size());
    for (size_t o = 0; o < c.options.size(); ++o) {
      c.prior[o] = PriorScore(c.options[o], c.via_case_ending[o], c);
      if (c.via_pack) c.prior[o] += 1.0;
    }
    if (!c.options.empty()) {
      c.best = static_cast<int>(std::max_element(c.prior.begin(), c.prior.end()) - c.prior.begin());
      const GazetteerCandidate& b = c.options[c.best];
      c.is_country = IsCountry(b.place);
      c.confident = c.via_pack ||
                    (b.match == MatchKind::kExact &&
                     (c.has_cue || c.parenthesised || b.place.population >= 100000 ||
                      IsAdminArea(b.place) || c.is_country));
    }
  }
  // The article's country: the hint, else the weighted majority of the
  // confident picks.
  std::string country = context.country_hint;
  if (country.empty()) {
    std::map<std::string, double> weight;
    for (const Candidate& c : cands) {
      if (!c.confident || c.best < 0) continue;
      weight[c.options[c.best].place.country] += c.via_pack || c.is_country ? 2.0 : 1.0;
    }
    double top = 0;
    for (const auto& [cc, w] : weight) {
      if (!cc.empty() && w > top) {
        top = w;
        country = cc;
      }
    }
  }
  std::vector<Vote> votes;
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& c = cands[i];
    if (!c.confident || c.best < 0 || c.is_country) continue;
    const GazetteerPlace& p = c.options[c.best].place;
    if (!country.empty() && p.country != country) continue;
    votes.push_back({i, c.sentence, c.region || c.parenthesised || IsAdminArea(p), p.country,
                     p.admin1_code, IsAdminArea(p) && p.feature_code == "ADM1" ? "" : p.admin2_code,
                     p.admin1});
  }

  // --- Pass 2: context, choice, precision. ---
  std::vector<PlaceMention> out;
  for (size_t i = 0; i < cands.size(); ++i) {
    Candidate& c = cands[i];
    PlaceMention pm;
    pm.span = c.span;
    pm.context_span = c.context_span;
    pm.sentence_index = c.sentence;
    pm.has_cue = c.has_cue;
    pm.cue = c.cue;
    pm.is_region = c.region;
    pm.location.name = std::string(Slice(t, c.span));
    pm.location.mention = std::string(Slice(t, c.context_span));

    std::vector<double> score(c.options.size());
    for (size_t o = 0; o < c.options.size(); ++o) {
      const GazetteerPlace& p = c.options[o].place;
      double region_vote = 0, admin1_vote = 0, admin2_vote = 0;
      for (const Vote& v : votes) {
        if (v.from == i || v.country != p.country) continue;
        const double d = std::abs(static_cast<double>(v.sentence) - static_cast<double>(c.sentence));
        const double w = 1.0 / (1.0 + d);
        if (v.admin1 == p.admin1_code) {
          if (v.region) region_vote = std::max(region_vote, w);
          admin1_vote = std::max(admin1_vote, w);
          if (!v.admin2.empty() && v.admin2 == p.admin2_code) admin2_vote = std::max(admin2_vote, w);
        }
      }
      // A region mention is explicit and weighs most. A co-mentioned town
      // weighs little: "Lyman, située à Lougansk" must not turn the town of
      // 20,000 into a hamlet of 123 in Luhansk oblast; 0.06 is about what a
      // 5-fold population ratio is worth in PriorScore.
      double s = c.prior[o] + 0.25 * region_vote + 0.06 * admin1_vote + 0.06 * admin2_vote;
      if (!country.empty()) s += p.country == country ? 0.1 : -0.15;
      score[o] = s;
    }
    int best = -1;
    int second = -1;
    for (int o = 0; o < static_cast<int>(score.size()); ++o) {
      if (best < 0 || score[o] > score[best]) {
        second = best;
        best = o;
      } else if (second < 0 || score[o] > score[second]) {
        second = o;
      }
    }

    // Acceptance: how sure must we be that these words are a place at all?
    bool accept = best >= 0;
    if (accept && !c.via_pack) {
      const GazetteerCandidate& b = c.options[best];
      const bool in_country = country.empty() || b.place.country == country;
      const bool cued = c.has_cue || c.parenthesised;
      const bool admin = IsAdminArea(b.place) || IsCountry(b.place);
      // Two-letter words ("La", "US") are abbreviations or articles more
      // often than places.
      const bool too_short = c.span.size() < 3;
      if (b.match == MatchKind::kSkeleton) {
        accept = in_country && !too_short &&
                 (cued || b.place.population >= options_.min_population_skeleton_uncued);
      } else if (!cued) {
        if (too_short) {
          accept = false;
        } else if (c.sentence_initial) {
          accept = in_country && (b.place.population >= 10 * options_.min_population_uncued || admin);
        } else {
          accept = (in_country && (b.place.population >= options_.min_population_uncued || admin)) ||
                   b.place.population >= 100 * options_.min_population_uncued;
        }
      }
    }
    if (!accept) {
      // Cued words stay a mention without coordinates; the rest are dropped.
      if (!(c.has_cue || c.via_pack)) continue;
      pm.location.note = gazetteer_ == nullptr ? "no gazetteer" : "not found in the gazetteer";
      pm.location.geonames_id = c.via_pack ? c.pack_id : 0;
      out.push_back(std::move(pm));
      continue;
    }

    const GazetteerCandidate& chosen = c.options[best];
    GazetteerPlace place = chosen.place;
    std::string note;
    int precision = 1;
    // A region mention of a town resolves to the town's admin1 area.
    if (c.region && place.feature_class == 'P' && gazetteer_ != nullptr && !place.admin1.empty()) {
      for (const auto& a : gazetteer_->Lookup(place.admin1)) {
        if (a.place.feature_code == "ADM1" && a.place.country == place.country &&
            a.place.admin1_code == place.admin1_code) {
          place = a.place;
          break;
        }
      }
    }
    if (IsCountry(place)) {
      precision = 3;
      pm.is_country = true;
      pm.is_region = false;
      if (place.seat_id != 0 && gazetteer_ != nullptr) {
        if (auto seat = gazetteer_->FindById(place.seat_id)) {
          place.lat = seat->lat;
          place.lon = seat->lon;
          note = "country only: coordinates of its capital " + seat->name;
        }
      }
    } else if (IsAdminArea(place)) {
      precision = 3;
      std::string seat_name;
      if (place.seat_id != 0 && gazetteer_ != nullptr) {
        if (auto seat = gazetteer_->FindById(place.seat_id)) {
          place.lat = seat->lat;
          place.lon = seat->lon;
          seat_name = seat->name;
        }
      }
      note = "region only: coordinates of " + (seat_name.empty() ? "its centre" : "its seat " + seat_name);
      pm.is_region = true;
    } else if (c.is_landmark) {
      precision = c.pack_precision > 0 ? c.pack_precision : 2;
      note = "landmark in " + place.name;
    } else if (c.near) {
      precision = 2;
      note = "near " + place.name;
    }
    if (second >= 0 && score[best] - score[second] < options_.ambiguity_margin && !c.via_pack) {
      const GazetteerPlace& other = c.options[second].place;
      if (other.geonames_id != place.geonames_id) {
        precision = std::max(precision, 2);
        if (!note.empty()) note += "; ";
        note += "ambiguous with " + other.name + " (" + std::to_string(other.geonames_id) + ", " +
                (other.admin1.empty() ? other.country : other.admin1) + ")";
      }
    }
    // "Lyman, située à Lougansk": the place named right after this one, in
    // the same sentence, is a region (or a city named like its region) in
    // another admin1. Keep the pick, say what the text says.
    if (!IsAdminArea(place) && !IsCountry(place) && !c.via_pack) {
      const Candidate* next = nullptr;
      for (const Candidate& other : cands) {
        if (other.span.begin < c.span.end || other.sentence != c.sentence) continue;
        if (next == nullptr || other.span.begin < next->span.begin) next = &other;
      }
      if (next != nullptr && next->span.begin - c.span.end <= 40 && next->best >= 0) {
        const GazetteerPlace& where = next->options[next->best].place;
        const bool names_region = next->region || IsAdminArea(where) ||
                                  (!where.admin1.empty() && where.name == where.admin1);
        if (names_region && where.country == place.country && where.admin1_code != place.admin1_code &&
            !where.admin1.empty()) {
          if (!note.empty()) note += "; ";
          note += "text says " + where.admin1 + "; " + place.name + " is in " +
                  (place.admin1.empty() ? place.country : place.admin1);
        }
      }
    }
    for (int o = 0; o < static_cast<int>(c.options.size()) && pm.alternatives.size() < 5; ++o) {
      if (o == best) continue;
      if (score[best] - score[o] < 0.15) pm.alternatives.push_back(c.options[o].place.geonames_id);
    }
    pm.location.name = place.name;
    pm.location.admin1 = place.admin1;
    pm.location.admin2 = place.admin2;
    pm.location.country = place.country;
    pm.location.lat = place.lat;
    pm.location.lon = place.lon;
    pm.location.geonames_id = place.geonames_id;
    pm.location.geo_precision = place.lat ? precision : 0;
    pm.location.note = note;
    pm.score = std::clamp(score[best] / 1.2, 0.0, 1.0);
    if (c.via_pack) pm.score = std::clamp(score[best] - 1.0, 0.5, 1.0);
    out.push_back(std::move(pm));
  }
  std::sort(out.begin(), out.end(),
            [](const PlaceMention& a, const PlaceMention& b) { return a.span < b.span; });
  return out;
}

}  // namespace sitrep
