#include "sitrep/merge_eval.h"

#include <map>
#include <string>
#include <vector>

namespace sitrep {
namespace {

// Pairs from different articles among `articles` (article ids of one group):
// all pairs minus pairs inside one article.
size_t CrossArticlePairs(const std::vector<const std::string*>& articles) {
  std::map<std::string, size_t> per_article;
  for (const std::string* article : articles) ++per_article[*article];
  const size_t n = articles.size();
  size_t pairs = n * (n - 1) / 2;
  for (const auto& [article, count] : per_article) pairs -= count * (count - 1) / 2;
  return pairs;
}

double Ratio(size_t num, size_t den) {
  return den == 0 ? 1.0 : static_cast<double>(num) / static_cast<double>(den);
}

}  // namespace

MergeScores ScoreMerge(std::span<const MergeLink> links, std::span<const GoldIncidentRef> gold) {
  MergeScores scores;
  // System pairs: links grouped by system event, keeping those with a key.
  std::map<std::string, std::vector<const std::string*>> by_event;
  // Correct pairs: grouped by (system event, incident).
  std::map<std::pair<std::string, std::string>, std::vector<const std::string*>> by_both;
  std::map<std::string, std::vector<const std::string*>> by_incident;
  for (const MergeLink& link : links) {
    if (link.gold_incident.empty()) continue;
    by_incident[link.gold_incident].push_back(&link.article_id);
    if (link.system_event_id.empty()) continue;
    by_event[link.system_event_id].push_back(&link.article_id);
    by_both[{link.system_event_id, link.gold_incident}].push_back(&link.article_id);
  }
  for (const auto& [event, articles] : by_event) scores.system_pairs += CrossArticlePairs(articles);
  for (const auto& [key, articles] : by_both) scores.correct_pairs += CrossArticlePairs(articles);
  if (!gold.empty()) {
    by_incident.clear();
    for (const GoldIncidentRef& ref : gold) {
      if (!ref.incident.empty()) by_incident[ref.incident].push_back(&ref.article_id);
    }
  }
  for (const auto& [incident, articles] : by_incident) scores.gold_pairs += CrossArticlePairs(articles);
  scores.precision = Ratio(scores.correct_pairs, scores.system_pairs);
  scores.recall = Ratio(scores.correct_pairs, scores.gold_pairs);
  scores.f1 = scores.precision + scores.recall > 0
                  ? 2 * scores.precision * scores.recall / (scores.precision + scores.recall)
                  : 0.0;
  return scores;
}

}  // namespace sitrep
