// Merge evaluation: how well the store's merge grouped the reports of
// different articles into incidents, as pairwise precision and recall of
// "same incident" links (the measure `sitrep eval --merge` prints).
//
// The caller (the eval) matches each system report to a gold event and
// passes, per system report, the gold event's `incident` key (empty when it
// matched none or the gold gives no key) and the merged event it ended in.
//
//   std::vector<MergeLink> links = ...;  // one per system report
//   MergeScores s = ScoreMerge(links);
//   printf("merge P %.2f R %.2f\n", s.precision, s.recall);
#pragma once

#include <cstddef>
#include <span>
#include <string>

namespace sitrep {

struct MergeLink {
  std::string article_id;       // the article the report came from
  std::string gold_incident;    // empty: no gold incident known for it
  std::string system_event_id;  // the merged event it ended in; empty: none
};

// A gold event, to count the links the system should have made even where
// it produced no report (recall over all of the gold).
struct GoldIncidentRef {
  std::string article_id;
  std::string incident;
};

struct MergeScores {
  size_t gold_pairs = 0;     // pairs of gold events that share an incident
  size_t system_pairs = 0;   // pairs the system put in one event, both with a gold key
  size_t correct_pairs = 0;  // of system_pairs, those that share an incident
  double precision = 0.0;    // correct / system_pairs (1 when there are none)
  double recall = 0.0;       // correct / gold_pairs (1 when there are none)
  double f1 = 0.0;
};

// Scores pairs of reports from different articles (pairs inside one article
// are the extractor's business, not the merge's). A pair counts for
// precision only when both reports carry a gold key: a report the gold does
// not know cannot be judged. Gold pairs are counted over `gold` when it is
// given, else over the links' own keys. Pure and thread-safe.
MergeScores ScoreMerge(std::span<const MergeLink> links,
                       std::span<const GoldIncidentRef> gold = {});

}  // namespace sitrep
