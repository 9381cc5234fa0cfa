#include "sitrep/merge.h"

#include "sitrep/geo.h"
#include "sitrep/text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

namespace sitrep {
namespace {

constexpr std::string_view kExplosions = "Explosions/Remote violence";
constexpr std::string_view kViolenceAgainstCivilians = "Violence against civilians";

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// ACLED actor names may carry a year suffix ("Military Forces of Russia
// (2000-)"); two spellings of one actor compare equal without it.
std::string NormalizeActor(std::string_view actor) {
  actor = TrimSpaces(actor);
  if (!actor.empty() && actor.back() == ')') {
    const size_t open = actor.rfind('(');
    if (open != std::string_view::npos && open + 1 < actor.size() &&
        actor[open + 1] >= '0' && actor[open + 1] <= '9') {
      actor = TrimSpaces(actor.substr(0, open));
    }
  }
  return AsciiLower(actor);
}

// ACLED's convention: an actor whose perpetrator is unknown is named
// "Unidentified ...". Such an actor is compatible with any other.
bool IsIdentifiedActor(std::string_view actor) {
  const std::string normalized = NormalizeActor(actor);
  return !normalized.empty() && normalized.rfind("unidentified", 0) != 0;
}

bool NamesCivilians(std::string_view actor) {
  return AsciiLower(actor).find("civilians") != std::string::npos;
}


bool HasDisputingClaim(const Event& event) {
  return std::any_of(event.reports.begin(), event.reports.end(),
                     [](const Report& r) { return r.stance != Stance::kAsserts; });
}

int EffectivePrecision(const Location& location) {
  // Unknown precision is treated as "near the place" (2): neither exact nor region.
  return location.geo_precision >= 1 && location.geo_precision <= 3 ? location.geo_precision : 2;
}

int64_t DayGap(const DayWindow& a, const DayWindow& b) {
  if (a.last_day < b.first_day) return b.first_day - a.last_day;
  if (b.last_day < a.first_day) return a.first_day - b.last_day;
  return 0;
}

int DatePrecisionRank(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay: return 0;
    case DatePrecision::kWeek: return 1;
    case DatePrecision::kMonth: return 2;
    case DatePrecision::kUnknown: return 3;
  }
  return 3;
}

// What the rule reads of an event, normalised once: clustering compares each
// report with many others.
struct MergeKey {
  std::optional<DayWindow> window;
  const std::string* event_type = nullptr;
  bool has_coordinates = false;
  double lat = 0, lon = 0;
  int precision = 2;
  std::string country, admin1, name;
  std::string actor1, actor2;  // normalised
  bool actor1_identified = false;
  bool actor2_civilians = false;
  bool disputed = false;
};

MergeKey MakeKey(const Event& e, const MergeOptions& options) {
  MergeKey k;
  k.window = EventDayWindow(e, options);
  k.event_type = &e.event_type;
  k.has_coordinates = e.location.has_coordinates();
  if (k.has_coordinates) {
    k.lat = *e.location.lat;
    k.lon = *e.location.lon;
  }
  k.precision = EffectivePrecision(e.location);
  k.country = AsciiLower(TrimSpaces(e.location.country));
  k.admin1 = AsciiLower(TrimSpaces(e.location.admin1));
  k.name = AsciiLower(TrimSpaces(e.location.name));
  k.actor1 = NormalizeActor(e.actor1);
  k.actor2 = NormalizeActor(e.actor2);
  k.actor1_identified = IsIdentifiedActor(e.actor1);
  k.actor2_civilians = NamesCivilians(e.actor2);
  k.disputed = HasDisputingClaim(e);
  return k;
}

bool TypesCompatible(const MergeKey& a, const MergeKey& b) {
  const std::string& ta = *a.event_type;
  const std::string& tb = *b.event_type;
  if (ta.empty() || tb.empty()) return false;
  if (ta == tb) return true;
  const bool family = (ta == kExplosions && tb == kViolenceAgainstCivilians) ||
                      (ta == kViolenceAgainstCivilians && tb == kExplosions);
  return family && (a.actor2_civilians || b.actor2_civilians);
}

bool ActorsCompatible(const MergeKey& a, const MergeKey& b) {
  if (!a.actor1_identified || !b.actor1_identified) return true;
  if (a.actor1 == b.actor1) return true;
  // The same clash coded from the other side.
  if (a.actor1 == b.actor2 && b.actor1 == a.actor2) return true;
  // A denial or counter-accusation makes actor1 the disputed fact itself.
  if (a.disputed || b.disputed) return true;
  // Outlets of the two sides blaming each other for one attack on the same
  // civilians: a disputed attribution, not two incidents.
  return a.actor2_civilians && a.actor2 == b.actor2;
}

MergeDecision Decide(const MergeKey& a, const MergeKey& b, const MergeOptions& options) {
  MergeDecision decision;
  if (!a.window || !b.window) {
    decision.verdict = MergeVerdict::kNoDate;
    return decision;
  }
  decision.day_gap = DayGap(*a.window, *b.window);
  if (decision.day_gap > options.date_slack_days) {
    decision.verdict = MergeVerdict::kDateApart;
    return decision;
  }
  if (!TypesCompatible(a, b)) {
    decision.verdict = MergeVerdict::kTypeMismatch;
    return decision;
  }
  if (!a.country.empty() && !b.country.empty() && a.country != b.country) {
    decision.verdict = MergeVerdict::kCountryMismatch;
    return decision;
  }
  const bool both_admin1 = !a.admin1.empty() && !b.admin1.empty();
  const bool same_admin1 = both_admin1 && a.admin1 == b.admin1;
  const int precision = std::max(a.precision, b.precision);
  if (a.has_coordinates && b.has_coordinates) {
    decision.distance_km = HaversineKm(a.lat, a.lon, b.lat, b.lon);
    bool near = false;
    if (precision >= 3) {
      near = (both_admin1 ? same_admin1
                          : decision.distance_km <= options.radius_region_fallback_km) &&
             decision.distance_km <= options.radius_region_max_km;
    } else if (precision == 2) {
      near = decision.distance_km <= options.radius_near_km;
    } else {
      near = decision.distance_km <= options.radius_place_km;
    }
    if (!near) {
      decision.verdict = MergeVerdict::kPlaceApart;
      return decision;
    }
  } else {
    // Without coordinates on both sides only names can tell: the same place
    // name (in the same admin1 when both give one), or a region-only report
    // in the other's admin1.
    const bool same_name = !a.name.empty() && a.name == b.name && (!both_admin1 || same_admin1);
    const bool region_match = precision >= 3 && same_admin1;
    if (!same_name && !region_match) {
      decision.verdict = MergeVerdict::kNoPlace;
      return decision;
    }
  }
  if (!ActorsCompatible(a, b)) decision.verdict = MergeVerdict::kActorMismatch;
  return decision;
}

// The value most members give (`value_of` returns "" to abstain); ties go to
// the value that appears first in canonical order. "" when all abstain.
template <typename F>
std::string MajorityValue(std::span<const MergeItem> items, std::span<const size_t> members,
                          F value_of) {
  std::vector<std::pair<std::string, int>> tally;  // in first-appearance order
  for (size_t member : members) {
    std::string value = value_of(items[member].event);
    if (value.empty()) continue;
    auto it = std::find_if(tally.begin(), tally.end(),
                           [&](const auto& entry) { return entry.first == value; });
    if (it == tally.end()) {
      tally.emplace_back(std::move(value), 1);
    } else {
      ++it->second;
    }
  }
  std::string best;
  int best_votes = 0;
  for (const auto& [value, votes] : tally) {
    if (votes > best_votes) {
      best = value;
      best_votes = votes;
    }
  }
  return best;
}

}  // namespace

const char* MergeVerdictName(MergeVerdict verdict) {
  switch (verdict) {
    case MergeVerdict::kMerge: return "merge";
    case MergeVerdict::kNoDate: return "no_date";
    case MergeVerdict::kDateApart: return "date_apart";
    case MergeVerdict::kTypeMismatch: return "type_mismatch";
    case MergeVerdict::kPlaceApart: return "place_apart";
    case MergeVerdict::kNoPlace: return "no_place";
    case MergeVerdict::kCountryMismatch: return "country_mismatch";
    case MergeVerdict::kActorMismatch: return "actor_mismatch";
  }
  return "merge";
}

std::optional<DayWindow> EventDayWindow(const Event& event, const MergeOptions& options) {
  if (event.date_earliest && event.date_latest) {
    int64_t first = ToDays(*event.date_earliest);
    int64_t last = ToDays(*event.date_latest);
    if (first > last) std::swap(first, last);
    return DayWindow{first, last};
  }
  if (event.event_date) {
    const int64_t day = ToDays(*event.event_date);
    int64_t half = 0;
    if (event.date_precision == DatePrecision::kWeek) half = options.week_half_width_days;
    if (event.date_precision == DatePrecision::kMonth) half = options.month_half_width_days;
    return DayWindow{day - half, day + half};
  }
  const std::optional<Date>& only = event.date_earliest ? event.date_earliest : event.date_latest;
  if (only) return DayWindow{ToDays(*only), ToDays(*only)};
  return std::nullopt;
}

bool EventTypesCompatible(const Event& a, const Event& b) {
  const MergeOptions options;
  return TypesCompatible(MakeKey(a, options), MakeKey(b, options));
}

MergeDecision CanMerge(const Event& a, const Event& b, const MergeOptions& options) {
  return Decide(MakeKey(a, options), MakeKey(b, options), options);
}

std::vector<size_t> CanonicalOrder(std::span<const MergeItem> items, const MergeOptions& options) {
  std::vector<int64_t> first_day(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    const auto window = EventDayWindow(items[i].event, options);
    first_day[i] = window ? window->first_day : std::numeric_limits<int64_t>::max();
  }
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return std::tie(first_day[x], items[x].content_hash, items[x].report_index) <
           std::tie(first_day[y], items[y].content_hash, items[y].report_index);
  });
  return order;
}

std::vector<std::vector<size_t>> ClusterReports(std::span<const MergeItem> items,
                                                const MergeOptions& options) {
  const std::vector<int64_t> free(items.size(), -1);
  return ReclusterReports(items, free, options);
}

std::vector<std::vector<size_t>> ReclusterReports(std::span<const MergeItem> items,
                                                  std::span<const int64_t> fixed_group,
                                                  const MergeOptions& options) {
  std::map<int64_t, size_t> group_of_fixed;  // fixed id -> index in groups
  std::vector<MergeKey> keys;
  keys.reserve(items.size());
  for (const MergeItem& item : items) keys.push_back(MakeKey(item.event, options));
  struct Group {
    std::vector<size_t> members;
    std::set<std::string_view> articles;
    int64_t min_last_day = std::numeric_limits<int64_t>::max();
  };
  std::vector<Group> groups;
  std::vector<size_t> live;  // groups a later report may still join, oldest first
  for (size_t idx : CanonicalOrder(items, options)) {
    const MergeItem& item = items[idx];
    const MergeKey& key = keys[idx];
    if (fixed_group[idx] >= 0) {
      auto [it, created] = group_of_fixed.emplace(fixed_group[idx], groups.size());
      if (created) {
        groups.emplace_back();
        if (key.window) live.push_back(it->second);
      }
      Group& group = groups[it->second];
      group.members.push_back(idx);
      group.articles.insert(item.content_hash);
      if (key.window) group.min_last_day = std::min(group.min_last_day, key.window->last_day);
      continue;
    }
    // Reports come by first day: a group with a member that ended more than
    // the slack before this one can take no later report either.
    if (key.window) {
      std::erase_if(live, [&](size_t g) {
        return groups[g].min_last_day < key.window->first_day - options.date_slack_days;
      });
    }
    // Fit of a group: (no member with the same place name, no member with
    // the same sub-type, fewest days apart, nearest, oldest group).
    using Fit = std::tuple<bool, bool, int64_t, double, size_t>;
    std::optional<Fit> best_fit;
    for (size_t group_idx : key.window ? live : std::vector<size_t>{}) {
      const Group& group = groups[group_idx];
      if (group.articles.count(item.content_hash)) continue;
      bool fits = true;
      bool same_name = false;
      bool same_sub_type = false;
      int64_t day_gap = std::numeric_limits<int64_t>::max();
      double distance = std::numeric_limits<double>::infinity();
      for (size_t member : group.members) {
        const MergeDecision decision = Decide(key, keys[member], options);
        if (!decision.merge()) {
          fits = false;
          break;
        }
        same_name |= !key.name.empty() && key.name == keys[member].name;
        same_sub_type |= item.event.sub_event_type == items[member].event.sub_event_type;
        day_gap = std::min(day_gap, decision.day_gap);
        distance = std::min(distance, decision.distance_km);
      }
      if (!fits) continue;
      const Fit fit{!same_name, !same_sub_type, day_gap, distance, group_idx};
      if (!best_fit || fit < *best_fit) best_fit = fit;
    }
    size_t target;
    if (best_fit) {
      target = std::get<4>(*best_fit);
    } else {
      target = groups.size();
      groups.emplace_back();
      if (key.window) live.push_back(target);
    }
    Group& group = groups[target];
    group.members.push_back(idx);
    group.articles.insert(item.content_hash);
    if (key.window) group.min_last_day = std::min(group.min_last_day, key.window->last_day);
  }
  std::vector<std::vector<size_t>> out;
  out.reserve(groups.size());
  for (Group& group : groups) out.push_back(std::move(group.members));
  return out;
}

CountRange MergeCounts(std::span<const DatedCount> counts) {
  CountRange merged;
  bool any_high = false;
  for (const DatedCount& dated : counts) any_high |= dated.count.high.has_value();
  auto lower = [](std::optional<int64_t>& slot, std::optional<int64_t> v) {
    if (v && (!slot || *v < *slot)) slot = v;
  };
  auto raise = [](std::optional<int64_t>& slot, std::optional<int64_t> v) {
    if (v && (!slot || *v > *slot)) slot = v;
  };
  // (pub_date known, pub_date, -width, figure, -canonical position)
  using Key = std::tuple<bool, Date, int64_t, int64_t, int64_t>;
  std::optional<Key> best_key;
  for (size_t i = 0; i < counts.size(); ++i) {
    const CountRange& count = counts[i].count;
    lower(merged.low, count.low);
    lower(merged.low, count.best);
    if (any_high) {
      raise(merged.high, count.high);
      raise(merged.high, count.best);
      raise(merged.high, count.low);
    }
    if (!count.best) continue;
    const int64_t width = count.low && count.high ? *count.high - *count.low
                                                   : std::numeric_limits<int64_t>::max();
    const Key key{counts[i].pub_date.has_value(), counts[i].pub_date.value_or(Date{}), -width,
                  *count.best, -static_cast<int64_t>(i)};
    if (!best_key || key > *best_key) {
      best_key = key;
      merged.best = count.best;
    }
  }
  return merged;
}

std::string MergedEventId(const MergeItem& first) {
  uint64_t hash = Fnv1a64(first.content_hash + ":" + std::to_string(first.report_index));
  // splitmix64's finaliser: FNV of near-identical keys shares leading digits.
  hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9ull;
  hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBull;
  hash ^= hash >> 31;
  char buffer[24];
  std::snprintf(buffer, sizeof(buffer), "ev-%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

Event MergeCluster(std::span<const MergeItem> items, std::span<const size_t> members,
                   const MergeOptions& options) {
  (void)options;
  if (members.empty()) return Event{};
  if (members.size() == 1) {
    Event single = items[members[0]].event;
    single.event_id = MergedEventId(items[members[0]]);
    for (Report& report : single.reports) {
      if (report.article_id.empty()) report.article_id = single.article_id;
    }
    if (single.reports.empty()) {
      Report report;
      report.article_id = single.article_id;
      report.source = items[members[0]].article_source;
      report.fatalities = single.fatalities.Point();
      report.injured = single.injured.Point();
      if (auto it = single.evidence.find("event"); it != single.evidence.end() && !it->second.empty())
        report.span = it->second.front();
      single.reports.push_back(report);
    }
    return single;
  }

  // The representative gives the place, the evidence and the article id: the
  // most precisely located report, canonical order breaking ties.
  size_t representative = members[0];
  auto place_rank = [&](size_t m) {
    const Location& l = items[m].event.location;
    return std::make_pair(l.has_coordinates() ? 0 : 1,
                          l.geo_precision >= 1 && l.geo_precision <= 3 ? l.geo_precision : 4);
  };
  for (size_t member : members) {
    if (place_rank(member) < place_rank(representative)) representative = member;
  }
  size_t dated = members[0];
  for (size_t member : members) {
    if (DatePrecisionRank(items[member].event.date_precision) <
        DatePrecisionRank(items[dated].event.date_precision))
      dated = member;
  }

  const Event& rep = items[representative].event;
  Event merged;
  merged.event_id = MergedEventId(items[members[0]]);
  merged.article_id = rep.article_id;
  merged.event_type = MajorityValue(items, members, [](const Event& e) { return e.event_type; });
  merged.sub_event_type = MajorityValue(items, members, [&](const Event& e) {
    return e.event_type == merged.event_type ? e.sub_event_type : std::string();
  });
  const Event& date_source = items[dated].event;
  merged.event_date = date_source.event_date;
  merged.date_precision = date_source.date_precision;
  merged.date_earliest = date_source.date_earliest;
  merged.date_latest = date_source.date_latest;
  merged.location = rep.location;
  merged.actor1 = MajorityValue(items, members, [](const Event& e) {
    return IsIdentifiedActor(e.actor1) ? e.actor1 : std::string();
  });
  if (merged.actor1.empty())
    merged.actor1 = MajorityValue(items, members, [](const Event& e) { return e.actor1; });
  merged.actor2 = MajorityValue(items, members, [](const Event& e) { return e.actor2; });
  merged.weapon = MajorityValue(items, members, [](const Event& e) { return e.weapon; });
  merged.evidence = rep.evidence;
  merged.lang = rep.lang;

  std::vector<DatedCount> fatalities;
  std::vector<DatedCount> injured;
  double tone_sum = 0.0;
  std::set<std::string> identified_actors;
  for (size_t member : members) {
    const MergeItem& item = items[member];
    const Event& e = item.event;
    fatalities.push_back({e.fatalities, item.pub_date});
    injured.push_back({e.injured, item.pub_date});
    if (e.fatalities_children &&
        (!merged.fatalities_children || *e.fatalities_children > *merged.fatalities_children))
      merged.fatalities_children = e.fatalities_children;
    tone_sum += e.tone;
    merged.confidence = std::max(merged.confidence, e.confidence);
    if (IsIdentifiedActor(e.actor1)) identified_actors.insert(e.actor1);
    if (e.reports.empty()) {
      Report report;
      report.article_id = e.article_id;
      report.source = item.article_source;
      report.fatalities = e.fatalities.Point();
      report.injured = e.injured.Point();
      if (auto it = e.evidence.find("event"); it != e.evidence.end() && !it->second.empty())
        report.span = it->second.front();
      merged.reports.push_back(std::move(report));
    }
    for (Report report : e.reports) {
      if (report.article_id.empty()) report.article_id = e.article_id;
      merged.reports.push_back(std::move(report));
    }
    for (const std::string& note : e.notes) {
      if (std::find(merged.notes.begin(), merged.notes.end(), note) == merged.notes.end())
        merged.notes.push_back(note);
    }
  }
  merged.fatalities = MergeCounts(fatalities);
  merged.injured = MergeCounts(injured);
  merged.tone = tone_sum / static_cast<double>(members.size());
  if (identified_actors.size() > 1) {
    std::string note = "reports disagree on actor1:";
    for (const std::string& actor : identified_actors) note += " [" + actor + "]";
    merged.notes.push_back(std::move(note));
  }
  return merged;
}

}  // namespace sitrep
