#include "sitrep/assemble.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "assemble/sentence_facts.h"
#include "sitrep/geo.h"
#include "sitrep/taxonomy.h"

namespace sitrep {
namespace {

using assemble_internal::CasualtyFact;
using assemble_internal::ReadSentence;
using assemble_internal::SentenceFacts;

// Frames with neither a place nor a date of their own join an incident
// only when it was told within this many sentences.
constexpr size_t kMaxSentencesToJoinBare = 4;
// Two places closer than this are the same incident's place.
constexpr double kSamePlaceKm = 30.0;
// A denial refers to an incident told within this many sentences before it.
constexpr size_t kMaxSentencesDenial = 6;

constexpr const char* kExplosions = "Explosions/Remote violence";
constexpr const char* kViolenceAgainstCivilians = "Violence against civilians";
constexpr const char* kBattles = "Battles";
constexpr const char* kProtests = "Protests";
constexpr const char* kRiots = "Riots";

// One sentence's (or one place's share of a sentence's) account of an event.
struct Frame {
  size_t sentence = 0;
  bool title = false;
  std::string event_type;
  std::string sub_event_type;
  int strength = 0;           // 0 continuation .. 5 a direct weapon
  bool continuation = false;  // can join an incident, never start one
  Span anchor;
  std::vector<CasualtyFact> facts;
  const PlaceMention* place = nullptr;
  bool place_near = false;               // "between A and B": near the place
  const PlaceMention* region = nullptr;  // admin context in the sentence
  const DateMention* date = nullptr;
  bool date_from_attribution = false;
  assemble_internal::ActorPick actor;
  std::string weapon;
  Span weapon_span;
  bool direct_weapon = false;
  std::vector<VictimCategory> victims;
};

struct Incident {
  std::vector<Frame> frames;
  size_t last_sentence = 0;
  std::vector<size_t> denial_sentences;
};

bool IsResolved(const PlaceMention* p) { return p && p->location.has_coordinates(); }

std::string PlaceKey(const PlaceMention& p) {
  if (p.location.geonames_id != 0) return "id:" + std::to_string(p.location.geonames_id);
  return "name:" + p.location.name;
}

bool SamePlace(const PlaceMention* a, const PlaceMention* b) {
  if (!a || !b) return true;
  if (PlaceKey(*a) == PlaceKey(*b)) return true;
  if (IsResolved(a) && IsResolved(b)) {
    if (a->is_region || b->is_region) {
      return !a->location.admin1.empty() && a->location.admin1 == b->location.admin1;
    }
    return HaversineKm(*a->location.lat, *a->location.lon, *b->location.lat, *b->location.lon) <=
           kSamePlaceKm;
  }
  return false;
}

bool SameDay(const DateMention* a, const DateMention* b) {
  if (!a || !b || !a->date || !b->date) return true;
  if (a->precision == DatePrecision::kDay && b->precision == DatePrecision::kDay) {
    return *a->date == *b->date;
  }
  const Date a_lo = a->earliest.value_or(*a->date), a_hi = a->latest.value_or(*a->date);
  const Date b_lo = b->earliest.value_or(*b->date), b_hi = b->latest.value_or(*b->date);
  return !(a_hi < b_lo || b_hi < a_lo);
}

bool CompatibleTypes(const Frame& a, const Frame& b) {
  if (a.event_type == b.event_type) return true;
  if (a.strength <= 1 || b.strength <= 1) return true;
  auto pair = [&](const char* x, const char* y) {
    return (a.event_type == x && b.event_type == y) || (a.event_type == y && b.event_type == x);
  };
  return pair(kExplosions, kViolenceAgainstCivilians);
}

// Picks the event type of a sentence from its event words and weapons.
void TypeFrame(const SentenceFacts& facts, const LanguagePack& pack, Frame& frame) {
  const TriggerEntry* trigger = nullptr;
  for (const Mention& t : facts.triggers) {
    const TriggerEntry& e = pack.triggers[t.entry];
    if (!trigger || (trigger->weak && !e.weak)) trigger = &e;
  }
  // A weapon with a sub-event type decides it ("missile", "drone", "tear
  // gas"); one without is a weapon of direct attack ("small arms", "knife").
  const WeaponEntry* explosive = nullptr;
  const WeaponEntry* direct = nullptr;
  for (const Mention& w : facts.weapons) {
    const WeaponEntry& e = pack.weapons[w.entry];
    if (frame.weapon.empty()) {
      frame.weapon = e.weapon;
      frame.weapon_span = w.span;
    }
    if (!e.sub_event_type.empty()) {
      if (!explosive) explosive = &e;
    } else if (!direct) {
      direct = &e;
    }
  }
  const bool civilians = std::any_of(facts.victims.begin(), facts.victims.end(), [](auto v) {
    return v == VictimCategory::kCivilians || v == VictimCategory::kChildren ||
           v == VictimCategory::kWomen || v == VictimCategory::kPeople;
  });
  const bool fighters = std::any_of(facts.victims.begin(), facts.victims.end(), [](auto v) {
    return v == VictimCategory::kSoldiers || v == VictimCategory::kPolice;
  });
  if (trigger) {
    frame.event_type = trigger->event_type;
    frame.sub_event_type = trigger->sub_event_type;
    frame.strength = trigger->weak ? 1 : 2;
  }
  const bool weapon_decides = !trigger || trigger->weak || trigger->event_type == kExplosions ||
                              (trigger->event_type == kViolenceAgainstCivilians &&
                               trigger->sub_event_type == "Attack");
  if (explosive && weapon_decides) {
    frame.event_type = std::string(EventTypeOfSubEvent(explosive->sub_event_type));
    frame.sub_event_type = explosive->sub_event_type;
    frame.strength = 3;
  } else if (direct && weapon_decides) {
    frame.event_type = fighters && !civilians ? kBattles : kViolenceAgainstCivilians;
    frame.sub_event_type = fighters && !civilians ? "Armed clash" : "Attack";
    frame.direct_weapon = true;
    frame.strength = 5;
  }
  if (frame.event_type.empty()) {
    // A toll tied to an armed actor, with no event word: an attack.
    frame.event_type = civilians || !fighters ? kViolenceAgainstCivilians : kBattles;
    frame.sub_event_type = civilians || !fighters ? "Attack" : "Armed clash";
    frame.strength = 1;
  }
  if (frame.event_type == kViolenceAgainstCivilians && frame.sub_event_type == "Attack" &&
      fighters && !civilians) {
    frame.event_type = kBattles;
    frame.sub_event_type = "Armed clash";
  }
  if (frame.event_type == kProtests) {
    const bool killed = std::any_of(facts.facts.begin(), facts.facts.end(), [](const auto& f) {
      return f.kind == CasualtyKind::kKilled && f.count.Point().value_or(0) > 0;
    });
    if (killed) frame.sub_event_type = "Excessive force against protesters";
  }
}

bool HasCount(const SentenceFacts& f) {
  return std::any_of(f.facts.begin(), f.facts.end(), [](const CasualtyFact& c) {
    return (c.kind == CasualtyKind::kKilled || c.kind == CasualtyKind::kInjured) &&
           c.count.Point().value_or(0) > 0;
  });
}

// True when `p` reads as a dateline ("KYIV (Reuters) -"): first word of
// its sentence, followed by a parenthesis.
bool IsDateline(std::string_view text, const SentenceAnalysis& s, const PlaceMention& p) {
  if (p.span.begin != s.sentence.span.begin) return false;
  std::string_view rest = text.substr(p.span.end, 3);
  return rest.find('(') != std::string_view::npos;
}

// The date of a sentence's event: the one nearest its event word, not one
// that belongs to "said on Tuesday" (kept as a weak fallback) or to another
// event word of another type ("... that Kyiv retook last month").
const DateMention* PickDate(const SentenceAnalysis& s, const SentenceFacts& facts,
                            const std::string& event_type, Span anchor, bool* from_attribution) {
  *from_attribution = false;
  // A date in a headline is its dateline, not the day of the event.
  if (s.is_title) return nullptr;
  const DateMention* best = nullptr;
  int best_score = INT32_MIN;
  *from_attribution = false;
  for (const DateMention& d : s.dates) {
    if (!d.date && !d.unresolved) continue;
    bool attribution = false;
    for (const Span& a : facts.attribution_spans) {
      if (d.span.begin >= a.end && assemble_internal::TokensBetween(s.tokens, a, d.span) <= 2) {
        attribution = true;
      }
    }
    const Mention* nearest = nullptr;
    int nearest_distance = INT32_MAX;
    for (const Mention& t : facts.triggers) {
      const int distance = assemble_internal::TokensBetween(s.tokens, t.span, d.span);
      if (distance < nearest_distance) nearest_distance = distance, nearest = &t;
    }
    if (nearest && s.pack->triggers[nearest->entry].event_type != event_type &&
        assemble_internal::TokensBetween(s.tokens, anchor, d.span) > nearest_distance) {
      continue;
    }
    // "last month" far from the event word dates something else.
    if (d.relative && d.precision != DatePrecision::kDay &&
        assemble_internal::TokensBetween(s.tokens, anchor, d.span) > 3) {
      continue;
    }
    int score = 100;
    if (attribution) score -= 60;
    if (!d.relative) score += 10;
    if (d.precision != DatePrecision::kDay) score -= 20;
    score -= std::min(30, assemble_internal::TokensBetween(s.tokens, anchor, d.span));
    if (score > best_score) {
      best_score = score;
      best = &d;
      *from_attribution = attribution;
    }
  }
  return best;
}

// A place mention's worth as the place of the sentence's event: a cue
// ("in", "near", "village of"), a resolved place, the geocoder's score.
double PlaceWorth(const PlaceMention& p) {
  double worth = p.score;
  if (p.has_cue && p.cue != PlaceCueRole::kBetween) worth += 2;
  if (p.location.has_coordinates()) worth += 2;
  return worth;
}

// True when the places of `places` (in text order) are a list: commas or
// one conjunction (the pack's range joiners: "and", "et", "та") between
// each and the next ("in Marhanets, Myrove and Pokrov"). "Lyman, located
// in Luhansk" is not a list.
bool IsList(const SentenceAnalysis& s, const std::vector<const PlaceMention*>& places) {
  for (size_t i = 1; i < places.size(); ++i) {
    const Span a = places[i - 1]->span, b = places[i]->span;
    const int between = assemble_internal::TokensBetween(s.tokens, a, b);
    if (between == 0) continue;
    if (between > 1) return false;
    bool conjunction = false;
    for (const Mention& m : s.mentions) {
      if (m.kind == MentionKind::kQuantifier && m.span.begin >= a.end && m.span.end <= b.begin &&
          s.pack->quantifiers[m.entry].kind == QuantifierKind::kRangeJoiner) {
        conjunction = true;
      }
    }
    if (!conjunction) return false;
  }
  return true;
}

// Builds the frames of one sentence: none, one, or one per listed place.
void BuildFrames(const ArticleAnalysis& article, const SentenceAnalysis& s,
                 const SentenceFacts& facts, std::vector<Frame>& frames) {
  const std::string_view text = article.text->text;
  if (facts.background || facts.unreal) return;
  const bool count = HasCount(facts);
  if (facts.intercepted && !count) return;
  const bool armed = facts.actor.strength > 0;
  const bool eventful = facts.has_strong_trigger ||
                        (!facts.triggers.empty() && (count || !facts.weapons.empty())) ||
                        (count && (!facts.weapons.empty() || armed));
  const bool continuation = !eventful && !facts.triggers.empty();
  if (!eventful && !continuation) return;

  Frame base;
  base.sentence = facts.index;
  base.title = s.is_title;
  base.continuation = continuation;
  base.facts = facts.facts;
  base.actor = facts.actor;
  base.victims = facts.victims;
  TypeFrame(facts, *s.pack, base);
  if (continuation) base.strength = 0;
  base.anchor = !facts.triggers.empty()
                    ? facts.triggers.front().span
                    : (!facts.weapons.empty() ? facts.weapons.front().span
                                              : (facts.facts.empty() ? s.sentence.span
                                                                     : facts.facts.front().span));
  base.date = PickDate(s, facts, base.event_type, base.anchor, &base.date_from_attribution);

  // Places of the sentence: admin areas and countries give context; the
  // others are candidate event places.
  std::vector<const PlaceMention*> places;
  const PlaceMention* between_cue = nullptr;
  for (const PlaceMention& p : s.places) {
    if (IsDateline(text, s, p)) continue;
    if (p.is_region || p.is_country) {
      // A region beats a country as a fallback place.
      if (!base.region || (base.region->is_country && !p.is_country)) base.region = &p;
      continue;
    }
    if (p.has_cue && p.cue == PlaceCueRole::kBetween && !between_cue) between_cue = &p;
    places.push_back(&p);
  }
  std::vector<const PlaceMention*> distinct;
  for (const PlaceMention* p : places) {
    bool seen = false;
    for (const PlaceMention* q : distinct) {
      seen |= IsResolved(p) == IsResolved(q) && SamePlace(p, q);
    }
    if (!seen) distinct.push_back(p);
  }
  if (distinct.empty()) {
    frames.push_back(base);
    return;
  }
  size_t fact_count = 0;
  for (const CasualtyFact& f : facts.facts) {
    if (f.kind == CasualtyKind::kKilled || f.kind == CasualtyKind::kInjured) ++fact_count;
  }
  const bool split = !continuation && !between_cue && distinct.size() > 1 &&
                     (IsList(s, distinct) || fact_count >= distinct.size());
  if (!split) {
    const PlaceMention* pick = nullptr;
    if (between_cue) {
      // "between A and B": the two places after the cue; the later one
      // unless only the first is resolved. Either way it is near, not at.
      std::vector<const PlaceMention*> pair;
      for (const PlaceMention* p : places) {
        if (p->span.begin >= between_cue->span.begin && pair.size() < 2) pair.push_back(p);
      }
      pick = pair.back();
      if (!IsResolved(pick) && IsResolved(pair.front())) pick = pair.front();
    } else {
      // "Lyman, located in Luhansk": a place right after another with an
      // "in" cue is its container, not the event's place.
      auto worth = [&](size_t i) {
        double w = PlaceWorth(*distinct[i]);
        if (i > 0 && distinct[i]->has_cue && distinct[i]->cue == PlaceCueRole::kIn &&
            assemble_internal::TokensBetween(s.tokens, distinct[i - 1]->span,
                                             distinct[i]->span) <= 3) {
          w -= 5;
        }
        return w;
      };
      size_t best = 0;
      for (size_t i = 1; i < distinct.size(); ++i) {
        if (worth(i) > worth(best)) best = i;
      }
      pick = distinct[best];
    }
    Frame f = base;
    f.place = pick;
    f.place_near = between_cue != nullptr;
    frames.push_back(f);
    return;
  }
  std::vector<Frame> per_place(distinct.size(), base);
  for (size_t i = 0; i < distinct.size(); ++i) {
    per_place[i].place = distinct[i];
    per_place[i].facts.clear();
  }
  for (const CasualtyFact& fact : facts.facts) {
    size_t best = 0;
    int best_distance = INT32_MAX;
    for (size_t i = 0; i < distinct.size(); ++i) {
      int d = assemble_internal::TokensBetween(s.tokens, fact.span, distinct[i]->span);
      if (assemble_internal::ClauseBreakBetween(text, fact.span, distinct[i]->span)) d += 8;
      if (d < best_distance) {
        best_distance = d;
        best = i;
      }
    }
    per_place[best].facts.push_back(fact);
  }
  for (auto& f : per_place) frames.push_back(std::move(f));
}

// A frame that names no place of its own and states no toll tells of no
// specific incident: it may add to one, never start one.
bool IsSpecific(const Frame& f) {
  if (f.continuation) return false;
  if (f.place) return true;
  return std::any_of(f.facts.begin(), f.facts.end(), [](const CasualtyFact& c) {
    return (c.kind == CasualtyKind::kKilled || c.kind == CasualtyKind::kInjured) &&
           c.count.Point().value_or(0) > 0;
  });
}

// The killed range a frame states, if any.
std::optional<std::pair<int64_t, int64_t>> KilledRange(const Frame& f) {
  std::optional<std::pair<int64_t, int64_t>> out;
  for (const CasualtyFact& c : f.facts) {
    if (c.kind != CasualtyKind::kKilled) continue;
    const auto lo = c.count.low ? c.count.low : c.count.Point();
    if (!lo) continue;
    const int64_t hi = c.count.high ? *c.count.high : (c.count.best ? *c.count.best : *lo);
    if (!out) out = std::make_pair(*lo, std::max(*lo, hi));
  }
  return out;
}

bool CanJoin(const Incident& incident, const Frame& frame) {
  for (const Frame& other : incident.frames) {
    if (!CompatibleTypes(other, frame)) return false;
    if (!SamePlace(other.place, frame.place)) return false;
    if (other.date && frame.date && !other.date_from_attribution && !frame.date_from_attribution &&
        !SameDay(other.date, frame.date)) {
      return false;
    }
  }
  const bool bare = !frame.place && (!frame.date || frame.date_from_attribution);
  if (bare && !frame.title && frame.sentence > incident.last_sentence + kMaxSentencesToJoinBare) {
    return false;
  }
  // A bare frame whose toll cannot be the incident's tells another one
  // ("a few days earlier, about thirty people were killed ...").
  if (bare && !frame.title) {
    if (const auto mine = KilledRange(frame)) {
      for (const Frame& other : incident.frames) {
        const auto theirs = KilledRange(other);
        if (theirs && (mine->second < theirs->first || theirs->second < mine->first)) return false;
      }
    }
  }
  return true;
}

std::vector<Incident> GroupFrames(std::vector<Frame> frames) {
  std::vector<Incident> incidents;
  // Body frames first, in text order; the title's frames last, so that a
  // headline joins the incident the body tells.
  std::stable_sort(frames.begin(), frames.end(),
                   [](const Frame& a, const Frame& b) { return !a.title && b.title; });
  for (Frame& frame : frames) {
    Incident* target = nullptr;
    for (auto it = incidents.rbegin(); it != incidents.rend(); ++it) {
      if (CanJoin(*it, frame)) {
        target = &*it;
        break;
      }
    }
    if (!target) {
      if (!IsSpecific(frame)) continue;
      incidents.emplace_back();
      target = &incidents.back();
    }
    if (!frame.title) target->last_sentence = std::max(target->last_sentence, frame.sentence);
    target->frames.push_back(std::move(frame));
  }
  return incidents;
}

// A count range across several statements of one toll: low the smallest
// low, high the largest figure, best the most often stated (first on ties).
CountRange CombineCounts(const std::vector<const CasualtyFact*>& facts) {
  CountRange out;
  std::map<int64_t, int> votes;
  std::vector<int64_t> order;
  bool open_high = false;
  for (const CasualtyFact* f : facts) {
    const CountRange& c = f->count;
    const auto lo = c.low ? c.low : (c.best ? c.best : c.high);
    const auto hi = c.high ? c.high : (c.best ? c.best : std::optional<int64_t>{});
    if (lo && (!out.low || *lo < *out.low)) out.low = lo;
    if (hi && (!out.high || *hi > *out.high)) out.high = hi;
    if (!c.high && !c.best) open_high = true;
    if (auto p = c.Point()) {
      if (votes[*p]++ == 0) order.push_back(*p);
    }
  }
  if (!order.empty()) {
    int64_t best = order.front();
    for (int64_t v : order) {
      if (votes[v] > votes[best]) best = v;
    }
    out.best = best;
  }
  if (open_high && out.high && out.low && *out.high == *out.low) out.high.reset();
  if (out.best && out.low && *out.best < *out.low) out.best = out.low;
  return out;
}

// ACLED qualifies some actors by country: "Police Forces of Kenya",
// "Unidentified Armed Group (Syria)", "Protesters (France)". A pack may
// write "{country}" itself, or give the bare name.
std::string QualifyActor(const std::string& actor, const std::string& country) {
  if (actor.find("{country}") != std::string::npos || country.empty()) return actor;
  static const char* const kOfCountry[] = {"Police Forces", "Military Forces"};
  static const char* const kBracketCountry[] = {"Unidentified Armed Group", "Unidentified Gang",
                                                "Protesters", "Rioters", "Civilians",
                                                "Islamic State"};
  for (const char* name : kOfCountry) {
    if (actor == name) return actor + " of " + country;
  }
  for (const char* name : kBracketCountry) {
    if (actor == name) return actor + " (" + country + ")";
  }
  return actor;
}

// Generic names ("troops", "the army") say nothing of whose forces.
bool IsGenericActor(const std::string& actor) { return actor == "Military Forces"; }

std::string FillCountry(std::string actor, const std::string& country) {
  actor = QualifyActor(actor, country);
  const std::string placeholder = "{country}";
  const size_t at = actor.find(placeholder);
  if (at == std::string::npos) return actor;
  if (country.empty()) {
    // No country known: drop the placeholder and any brackets around it.
    std::string out = actor.substr(0, at) + actor.substr(at + placeholder.size());
    for (const char* empty : {" ()", "()"}) {
      const size_t e = out.find(empty);
      if (e != std::string::npos) out.erase(e, std::string(empty).size());
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.size() >= 3 && out.compare(out.size() - 3, 3, " of") == 0) out.resize(out.size() - 3);
    return out;
  }
  return actor.replace(at, placeholder.size(), country);
}

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

struct ArticleContext {
  std::string dominant_actor;  // most named armed actor of the article
  std::string country;         // most frequent country of resolved places
  const PlaceMention* main_place = nullptr;
};

ArticleContext ReadArticleContext(const ArticleAnalysis& article,
                                  const std::vector<SentenceFacts>& facts) {
  ArticleContext ctx;
  std::map<std::string, int> actors, countries;
  std::map<std::string, int> places;
  std::map<std::string, const PlaceMention*> place_of;
  for (size_t i = 0; i < facts.size(); ++i) {
    if (facts[i].actor.strength >= 2 && facts[i].actor.strength != 3) {
      actors[facts[i].actor.actor] += facts[i].actor.strength;
    }
    for (const PlaceMention& p : article.sentences[i].places) {
      if (!p.location.country.empty()) ++countries[p.location.country];
      if (!p.is_region && !p.is_country && IsResolved(&p)) {
        const std::string key = PlaceKey(p);
        ++places[key];
        if (!place_of.count(key)) place_of[key] = &p;
      }
    }
  }
  auto top = [](const std::map<std::string, int>& m) {
    std::string best;
    int votes = 0;
    for (const auto& [k, v] : m) {
      if (v > votes) best = k, votes = v;
    }
    return best;
  };
  ctx.dominant_actor = top(actors);
  ctx.country = top(countries);
  const std::string place = top(places);
  if (!place.empty()) ctx.main_place = place_of[place];
  return ctx;
}

Event BuildEvent(const ArticleAnalysis& article, const std::vector<SentenceFacts>& facts,
                 const Incident& incident, const ArticleContext& ctx,
                 const AssembleOptions& options) {
  Event e;
  e.article_id = article.article_id;
  e.lang = article.lang;
  const auto sentence_span = [&](size_t i) { return article.sentences[i].sentence.span; };

  // Type: votes weighted by how sure each frame is.
  std::map<std::pair<std::string, std::string>, int> votes;
  std::vector<std::pair<std::string, std::string>> order;
  for (const Frame& f : incident.frames) {
    if (f.continuation) continue;
    auto key = std::make_pair(f.event_type, f.sub_event_type);
    if (!votes.count(key)) order.push_back(key);
    // A direct weapon ("small arms", "point blank") settles how it was done.
    votes[key] += f.direct_weapon ? 100 : f.strength + (f.title ? 0 : 1);
  }
  if (order.empty()) order.emplace_back(incident.frames.front().event_type,
                                        incident.frames.front().sub_event_type);
  auto type = order.front();
  for (const auto& k : order) {
    if (votes[k] > votes[type]) type = k;
  }
  e.event_type = type.first;
  e.sub_event_type = type.second;
  // Explosions take the sub-type of the first-named explosive weapon.
  if (e.event_type == kExplosions) {
    for (const Frame& f : incident.frames) {
      if (f.event_type == kExplosions && f.strength == 3) {
        e.sub_event_type = f.sub_event_type;
        break;
      }
    }
  }

  // Place: the most specific of the frames' places.
  const PlaceMention* place = nullptr;
  bool place_near = false;
  int place_score = -1;
  const PlaceMention* region = nullptr;
  for (const Frame& f : incident.frames) {
    if (f.region && !region) region = f.region;
    if (!f.place) continue;
    int score = 0;
    if (IsResolved(f.place)) score += 4;
    if (f.place->location.geo_precision == 1) score += 2;
    if (f.place->has_cue && f.place->cue == PlaceCueRole::kSettlement) score += 2;
    if (f.place->has_cue && f.place->cue == PlaceCueRole::kNear) score -= 1;
    if (f.title) score -= 1;
    if (score > place_score) {
      place_score = score;
      place = f.place;
      place_near = f.place_near;
    }
  }
  if (!place && region) place = region;
  if (!place && ctx.main_place) {
    place = ctx.main_place;
    e.notes.push_back("place not stated with the event; the article's main place");
  }
  if (place) {
    e.location = place->location;
    e.location.mention = std::string(Slice(article.text->text, place->context_span.empty()
                                                                   ? place->span
                                                                   : place->context_span));
    e.evidence["location"].push_back(place->context_span.empty() ? place->span
                                                                 : place->context_span);
    if (place_near && e.location.geo_precision == 1) {
      e.location.geo_precision = 2;
      e.location.note = "between two places; near " + e.location.name;
    }
    if (!e.location.has_coordinates()) {
      // Named but not in the gazetteer: borrow the nearest resolved place.
      for (const Frame& f : incident.frames) {
        if (IsResolved(f.place)) {
          e.location.lat = f.place->location.lat;
          e.location.lon = f.place->location.lon;
          e.location.geonames_id = f.place->location.geonames_id;
          e.location.admin1 = f.place->location.admin1;
          e.location.admin2 = f.place->location.admin2;
          e.location.country = f.place->location.country;
          e.location.geo_precision = 2;
          e.location.note = e.location.name + " is not in the gazetteer; placed at " +
                            f.place->location.name;
          break;
        }
      }
    }
    if (!e.location.note.empty()) e.notes.push_back(e.location.note);
  }
  const std::string country_code = !e.location.country.empty() ? e.location.country : ctx.country;
  const std::string country =
      country_code.empty() ? "" : (options.country_name ? options.country_name(country_code)
                                                         : country_code);

  // Date: the best stated date, else the publication date.
  const DateMention* date = nullptr;
  int date_score = -1;
  for (const Frame& f : incident.frames) {
    if (!f.date) continue;
    // A sentence that only adds to an incident dates it only to the day.
    if (f.continuation && f.date->precision != DatePrecision::kDay) continue;
    int score = f.date_from_attribution ? 0 : 10;
    // "last month" names a time, not a day: weaker than any day.
    if (f.date->relative && f.date->precision != DatePrecision::kDay) score -= 8;
    if (!f.date->relative) score += 3;
    if (f.date->precision == DatePrecision::kDay) score += 2;
    if (f.title) score -= 1;
    if (score > date_score) {
      date_score = score;
      date = f.date;
    }
  }
  if (date && date->date) {
    e.event_date = date->date;
    e.date_precision = date->precision;
    e.date_earliest = date->earliest ? date->earliest : date->date;
    e.date_latest = date->latest ? date->latest : date->date;
    e.evidence["date"].push_back(date->span);
  } else if (date && date->unresolved) {
    e.date_precision = DatePrecision::kUnknown;
    e.notes.push_back("relative date without a publication date: unresolved");
    e.evidence["date"].push_back(date->span);
  } else if (article.pub_date) {
    e.event_date = article.pub_date;
    e.date_precision = DatePrecision::kDay;
    e.date_earliest = AddDays(*article.pub_date, -1);
    e.date_latest = article.pub_date;
    e.notes.push_back("no date stated: the publication date, or the day before");
  } else {
    e.notes.push_back("no date stated and no publication date");
  }

  // Tolls.
  std::vector<const CasualtyFact*> killed, injured;
  std::optional<int64_t> children;
  for (const Frame& f : incident.frames) {
    for (const CasualtyFact& c : f.facts) {
      if (c.kind == CasualtyKind::kKilled) killed.push_back(&c);
      if (c.kind == CasualtyKind::kInjured) injured.push_back(&c);
      if (c.kind == CasualtyKind::kUnharmed) {
        killed.push_back(&c);
        injured.push_back(&c);
      }
      if (c.children && (!children || *c.children > *children)) children = c.children;
      e.evidence[c.kind == CasualtyKind::kInjured ? "injured" : "fatalities"].push_back(
          sentence_span(f.sentence));
    }
  }
  // A zero ("no casualties") counts only when nothing else was said.
  auto drop_zeros = [](std::vector<const CasualtyFact*>& v) {
    const bool positive = std::any_of(v.begin(), v.end(), [](const CasualtyFact* c) {
      return c->count.Point().value_or(0) > 0;
    });
    if (positive) {
      v.erase(std::remove_if(v.begin(), v.end(),
                             [](const CasualtyFact* c) { return c->count.Point().value_or(0) == 0; }),
              v.end());
    }
  };
  drop_zeros(killed);
  drop_zeros(injured);
  e.fatalities = killed.empty() ? CountRange{0, 0, 0} : CombineCounts(killed);
  if (!injured.empty()) e.injured = CombineCounts(injured);
  e.fatalities_children = children;

  // Actors: votes across the incident's frames, generic names counting
  // least ("troops" with no nationality).
  std::map<std::string, int> actor_votes;
  std::vector<const Frame*> actor_order;
  for (const Frame& f : incident.frames) {
    if (f.actor.strength <= 0) continue;
    const int weight = IsGenericActor(f.actor.actor) ? 1 : f.actor.strength * (f.title ? 1 : 2);
    if (!actor_votes.count(f.actor.actor)) actor_order.push_back(&f);
    actor_votes[f.actor.actor] += weight;
  }
  const Frame* actor_frame = nullptr;
  for (const Frame* f : actor_order) {
    if (!actor_frame || actor_votes[f->actor.actor] > actor_votes[actor_frame->actor.actor]) {
      actor_frame = f;
    }
  }
  if (actor_frame && IsGenericActor(actor_frame->actor.actor) && !ctx.dominant_actor.empty() &&
      !IsGenericActor(ctx.dominant_actor)) {
    actor_frame = nullptr;  // the article's named armed actor says more
  }
  if (e.event_type == kProtests) {
    e.actor1 = FillCountry("Protesters ({country})", country);
  } else if (e.event_type == kRiots) {
    e.actor1 = FillCountry("Rioters ({country})", country);
  } else if (actor_frame) {
    e.actor1 = FillCountry(actor_frame->actor.actor, country);
    e.evidence["actor1"].push_back(actor_frame->actor.span);
  } else if (!ctx.dominant_actor.empty()) {
    e.actor1 = FillCountry(ctx.dominant_actor, country);
    e.notes.push_back("actor not named with the event; the article's main armed actor");
  } else {
    e.actor1 = FillCountry("Unidentified Armed Group ({country})", country);
  }
  bool civilians = false;
  for (const Frame& f : incident.frames) {
    for (VictimCategory v : f.victims) {
      civilians |= v == VictimCategory::kCivilians || v == VictimCategory::kChildren ||
                   v == VictimCategory::kWomen || v == VictimCategory::kPeople;
    }
  }
  if (e.event_type == kViolenceAgainstCivilians ||
      (e.event_type == kExplosions && (civilians || e.fatalities.Point().value_or(0) > 0 ||
                                       e.injured.Point().value_or(0) > 0))) {
    e.actor2 = FillCountry("Civilians ({country})", country);
  }

  // Weapon, evidence, reports.
  for (const Frame& f : incident.frames) {
    if (!f.weapon.empty()) {
      e.weapon = f.weapon;
      e.evidence["weapon"].push_back(f.weapon_span);
      break;
    }
  }
  std::set<size_t> sentences;
  for (const Frame& f : incident.frames) sentences.insert(f.sentence);
  double opinion = 0;
  int opinion_count = 0;
  for (size_t i : sentences) {
    e.evidence["event"].push_back(sentence_span(i));
    opinion += facts[i].opinion;
    opinion_count += facts[i].opinion_count;
    const SentenceFacts& sf = facts[i];
    if (!sf.speaker && sf.facts.empty()) continue;
    Report r;
    r.article_id = article.article_id;
    r.source = sf.speaker ? sf.speaker->name : article.source;
    r.stance = Stance::kAsserts;
    r.span = sentence_span(i);
    for (const CasualtyFact& c : sf.facts) {
      if (c.kind == CasualtyKind::kKilled && !r.fatalities) r.fatalities = c.count.Point();
      if (c.kind == CasualtyKind::kInjured && !r.injured) r.injured = c.count.Point();
    }
    e.reports.push_back(std::move(r));
  }
  for (size_t i : incident.denial_sentences) {
    const SentenceFacts& sf = facts[i];
    Report r;
    r.article_id = article.article_id;
    r.source = sf.speaker ? sf.speaker->name : article.source;
    r.stance = *sf.denial == DenialStance::kBlamesOther ? Stance::kBlamesOther : Stance::kDenies;
    r.span = sentence_span(i);
    e.reports.push_back(std::move(r));
    e.evidence["reports"].push_back(sentence_span(i));
    e.notes.push_back("a source denies or blames another side");
  }
  if (e.reports.empty()) {
    Report r;
    r.article_id = article.article_id;
    r.source = article.source;
    r.span = sentence_span(incident.frames.front().sentence);
    r.fatalities = e.fatalities.Point();
    r.injured = e.injured.Point();
    e.reports.push_back(std::move(r));
  }
  e.tone = std::clamp(opinion / std::max(2, opinion_count + 1) * 2.0, -1.0, 1.0);
  if (opinion_count == 0) e.tone = 0.0;

  // Confidence: how much of the record the text states outright.
  double confidence = 0.35;
  if (e.location.has_coordinates()) confidence += e.location.geo_precision == 1 ? 0.2 : 0.1;
  if (date && !date->relative) confidence += 0.15;
  else if (date) confidence += 0.1;
  if (actor_frame) confidence += 0.1;
  if (!killed.empty() || !injured.empty()) confidence += 0.1;
  int max_strength = 0;
  for (const Frame& f : incident.frames) max_strength = std::max(max_strength, f.strength);
  if (max_strength >= 2) confidence += 0.1;
  bool hedged = false;
  for (size_t i : sentences) hedged |= facts[i].hedged;
  if (hedged) {
    confidence -= 0.15;
    e.notes.push_back("the source hedges (reportedly, allegedly)");
  }
  if (!e.location.note.empty()) confidence -= 0.1;
  if (!incident.denial_sentences.empty()) confidence -= 0.1;
  e.confidence = std::clamp(confidence, 0.05, 0.99);

  const Span first = sentence_span(*sentences.begin());
  e.event_id = Hex64(Fnv1a64(e.event_type + "|" + e.location.name + "|" +
                               (e.event_date ? FormatIsoDate(*e.event_date) : ""),
                           Fnv1a64(article.article_id + "#" + std::to_string(first.begin))));
  return e;
}

}  // namespace

std::vector<Event> AssembleEvents(const ArticleAnalysis& article, const AssembleOptions& options) {
  std::vector<SentenceFacts> facts;
  facts.reserve(article.sentences.size());
  for (size_t i = 0; i < article.sentences.size(); ++i) {
    facts.push_back(ReadSentence(article.text->text, article.sentences[i], i));
  }
  std::vector<Frame> frames;
  for (size_t i = 0; i < article.sentences.size(); ++i) {
    BuildFrames(article, article.sentences[i], facts[i], frames);
  }
  std::vector<Incident> incidents = GroupFrames(std::move(frames));

  // Denials go to the incident told just before them.
  for (size_t i = 0; i < facts.size(); ++i) {
    if (!facts[i].denial) continue;
    Incident* target = nullptr;
    for (Incident& inc : incidents) {
      const size_t first = inc.frames.front().sentence;
      if (first <= i && i <= inc.last_sentence + kMaxSentencesDenial &&
          (!target || inc.last_sentence > target->last_sentence)) {
        target = &inc;
      }
    }
    if (target) target->denial_sentences.push_back(i);
  }

  const ArticleContext ctx = ReadArticleContext(article, facts);
  std::vector<Event> events;
  for (const Incident& incident : incidents) {
    Event e = BuildEvent(article, facts, incident, ctx, options);
    if (article.pub_date && e.event_date &&
        ToDays(*e.event_date) < ToDays(*article.pub_date) - options.max_days_before_pub) {
      continue;
    }
    events.push_back(std::move(e));
  }
  return events;
}

}  // namespace sitrep
