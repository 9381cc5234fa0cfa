#include "sitrep/merge_eval.h"

#include <gtest/gtest.h>

#include <vector>

namespace sitrep {
namespace {

TEST(ScoreMerge, CountsCrossArticlePairsWithGoldKeys) {
  const std::vector<MergeLink> links = {
      {"art1", "X", "ev1"},
      {"art2", "X", "ev1"},  // correct pair with art1
      {"art3", "X", "ev2"},  // X split: two missed pairs
      {"art4", "Y", "ev2"},  // wrong pair with art3
      {"art5", "", "ev2"},   // unknown to the gold: not judged
      {"art4", "Z", "ev2"},  // same article as art4's Y: a pair inside one article is not counted
  };
  const MergeScores s = ScoreMerge(links);
  EXPECT_EQ(s.gold_pairs, 3u);     // X: art1-art2, art1-art3, art2-art3
  EXPECT_EQ(s.system_pairs, 3u);   // ev1: 1; ev2: art3-art4(Y), art3-art4(Z); art4-art4 excluded
  EXPECT_EQ(s.correct_pairs, 1u);
  EXPECT_DOUBLE_EQ(s.precision, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.recall, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.f1, 1.0 / 3.0);
}

TEST(ScoreMerge, GoldListCountsPairsTheSystemMissedEntirely) {
  const std::vector<MergeLink> links = {{"a", "X", "ev1"}, {"b", "X", "ev1"}};
  const std::vector<GoldIncidentRef> gold = {{"a", "X"}, {"b", "X"}, {"c", "X"}, {"d", ""}};
  const MergeScores s = ScoreMerge(links, gold);
  EXPECT_EQ(s.gold_pairs, 3u);
  EXPECT_EQ(s.correct_pairs, 1u);
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 1.0 / 3.0);
}

TEST(ScoreMerge, NoPairsScoresOne) {
  const std::vector<MergeLink> links = {{"a", "X", "ev1"}, {"b", "Y", "ev2"}};
  const MergeScores s = ScoreMerge(links);
  EXPECT_EQ(s.system_pairs, 0u);
  EXPECT_EQ(s.gold_pairs, 0u);
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
}

}  // namespace
}  // namespace sitrep
