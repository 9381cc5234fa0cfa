// Merge: deciding which reports of different articles describe the same
// real-world incident, and building the one merged record that keeps each
// source's own figures and claims.
//
// A "report" here is one event as one article tells it (the pipeline's
// Event for that article). The merge is three pure functions:
//
//   CanMerge        the pairwise rule: may these two reports be one incident?
//   ClusterReports  groups a set of reports into incidents, deterministically:
//                   the result depends only on the set, never on the order
//                   the reports arrived in.
//   MergeCluster    the merged record of one group: toll ranges across the
//                   reports, `best` by the latest-published report, and every
//                   report's claim (denials, counter-accusations) kept.
//
// docs/merge.md states the rule in words. The store (store.h) calls these
// after each article on the neighbourhood the article touches.
//
//   std::vector<MergeItem> items = ...;
//   for (const auto& group : ClusterReports(items))
//     Event merged = MergeCluster(items, group);
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sitrep/date.h"
#include "sitrep/event.h"
#include "sitrep/geo.h"

namespace sitrep {

struct MergeOptions {
  double radius_place_km = 10.0;   // both reports geo_precision 1
  double radius_near_km = 25.0;    // either report geo_precision 2 (or unknown)
  double radius_region_fallback_km = 100.0;  // precision 3 when an admin1 is missing
  double radius_region_max_km = 500.0;  // precision 3: same admin1, and never further
  int date_slack_days = 1;         // windows may be this many days apart
  int week_half_width_days = 6;    // window of a week-precision date: date +- this
  int month_half_width_days = 15;  // window of a month-precision date: date +- this
};

// A closed window of days (days since 1970-01-01) in which an event happened.
struct DayWindow {
  int64_t first_day = 0;
  int64_t last_day = 0;
  friend bool operator==(const DayWindow&, const DayWindow&) = default;
};

// The event's window: date_earliest..date_latest when both are set, else
// event_date widened by its precision. nullopt when the event has no date.
std::optional<DayWindow> EventDayWindow(const Event& event, const MergeOptions& options = {});

// Distances between reports: HaversineKm in sitrep/geo.h.

// Why two reports may or may not be one incident.
enum class MergeVerdict {
  kMerge,
  kNoDate,          // either report has no date: never merged
  kDateApart,       // windows further apart than date_slack_days
  kTypeMismatch,    // event types not in one family
  kPlaceApart,      // beyond the radius for their precisions, or another admin1
  kNoPlace,         // a place missing on either side and names do not agree
  kCountryMismatch, // both name a country and they differ
  kActorMismatch,   // both name an identified, different actor1, undisputed
};
const char* MergeVerdictName(MergeVerdict verdict);

struct MergeDecision {
  MergeVerdict verdict = MergeVerdict::kMerge;
  double distance_km = 0.0;  // 0 when either lacks coordinates
  int64_t day_gap = 0;       // days between the windows (0 when they overlap)
  bool merge() const { return verdict == MergeVerdict::kMerge; }
};

// The pairwise rule (symmetric: CanMerge(a, b) == CanMerge(b, a)). Pure and
// thread-safe. It does not look at article ids: the caller keeps two reports
// of one article apart.
MergeDecision CanMerge(const Event& a, const Event& b, const MergeOptions& options = {});

// True when the event types are one family: equal, or Explosions/Remote
// violence vs Violence against civilians when either names civilians as actor2.
bool EventTypesCompatible(const Event& a, const Event& b);

// One report to cluster, with what the canonical order and the best-toll rule
// need. `content_hash` identifies the article; two items with the same hash
// are never put in one group.
struct MergeItem {
  Event event;
  std::string content_hash;
  uint32_t report_index = 0;      // position of the event in its article
  std::optional<Date> pub_date;   // the article's publication date
  std::string article_source;     // the outlet, for reports without claims
};

// The canonical order: (first day of the window, undated last; content_hash;
// report_index). Returns indices into `items`.
std::vector<size_t> CanonicalOrder(std::span<const MergeItem> items,
                                   const MergeOptions& options = {});

// Groups `items` into incidents. Each group's members are pairwise
// compatible (CanMerge) and from distinct articles. Reports are placed in
// canonical order, each into the best-fitting existing group (same place
// name, same sub-type, fewer days apart, nearer, older group first) or a new
// one. Groups are returned in canonical order of their first member, and
// members in canonical order. The result depends only on the set of items.
std::vector<std::vector<size_t>> ClusterReports(std::span<const MergeItem> items,
                                                const MergeOptions& options = {});

// ClusterReports on a neighbourhood of a larger set, as the store re-merges
// after each article: items with fixed_group[i] >= 0 come before every change
// in canonical order and stay in the group with that id; the others are
// placed as ClusterReports places them. Each fixed group must be given with
// all of its members. ClusterReports(items) is ReclusterReports with every
// fixed_group -1.
std::vector<std::vector<size_t>> ReclusterReports(std::span<const MergeItem> items,
                                                  std::span<const int64_t> fixed_group,
                                                  const MergeOptions& options = {});

// The merged record of `members` (indices into `items`, in canonical order;
// the first is the canonical first report). See docs/merge.md for each field.
Event MergeCluster(std::span<const MergeItem> items, std::span<const size_t> members,
                   const MergeOptions& options = {});

// The id of a merged event: "ev-" + 16 hex digits of a hash of the canonical
// first report's (content_hash, report_index).
std::string MergedEventId(const MergeItem& first);

// The best-toll rule alone, on the counts of the reports in canonical order
// with their publication dates: low = min of lows (and of bests), high = max
// of highs (open when no report bounds it), best = the latest-published
// report's best; ties: narrowest range, then highest figure, then canonical
// order.
struct DatedCount {
  CountRange count;
  std::optional<Date> pub_date;
};
CountRange MergeCounts(std::span<const DatedCount> counts);

}  // namespace sitrep
