// Name keys: how a place name, in any script, becomes the strings the .gaz
// key table is sorted on. Shared by the builder and the reader so both sides
// always make the same keys from the same rules.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/error.h"

namespace sitrep::gazetteer_internal {

// Key prefixes: one byte before the key text tells the key kinds apart in
// one sorted table.
inline constexpr char kExactPrefix = 'E';
inline constexpr char kSkeletonPrefix = 'S';

// Skeletons shorter than this match too many unrelated names to be useful.
inline constexpr size_t kMinSkeletonBytes = 3;
// A rule with alternatives ("ch -> c|h") forks the skeleton; the number of
// forks per name is capped so a name full of ambiguous letters stays cheap.
inline constexpr size_t kMaxSkeletonVariants = 4;

// The romanisation-equivalence rules of data/gazetteer/skeleton.tsv
// (format in docs/gazetteer-format.md): ordered passes of longest-match
// rewrites, and collapse passes that fold runs of one character.
class SkeletonRules {
 public:
  // Fails with kInvalidInput naming `source`:line on a malformed line.
  [[nodiscard]] static Result<SkeletonRules> Parse(std::string_view text, std::string_view source);

  // The skeletons of an already folded Latin string (1..kMaxSkeletonVariants,
  // distinct, first = every first alternative).
  std::vector<std::string> Apply(std::string_view latin) const;

  struct Rule {
    std::string from;
    std::vector<std::string> to;  // alternatives; {""} deletes
  };
  struct Pass {
    bool collapse = false;
    std::vector<Rule> rules;  // sorted by `from` length, longest first
  };

 private:
  std::vector<Pass> passes_;
};

// FNV-1a, 64 bits: the rules hash in the .gaz header and its header check.
uint64_t Fnv1a64(std::string_view bytes, uint64_t seed = 0xcbf29ce484222325ULL);

// Makes the keys of a name: the exact key (E + folded name, spaces
// collapsed) and the skeleton keys (S + skeleton of each Latin form: the
// folded name itself when it is ASCII; else its transliterations, Cyrillic
// by both the Ukrainian and the Russian BGN tables). Thread-safe; the ICU
// transliterators are shared by the process, created on first use and used
// under one lock (names that fold to ASCII never need them).
class NameKeyMaker {
 public:
  [[nodiscard]] static Result<std::unique_ptr<NameKeyMaker>> Create(std::string_view rules_text,
                                                                    std::string_view source);
  ~NameKeyMaker();

  // Appends the keys of `name` to `keys` (distinct). With `skeleton` false
  // only the exact key.
  void Keys(std::string_view name, bool skeleton, std::vector<std::string>& keys) const;

  // The folded exact form (no prefix); empty when the name folds to nothing.
  static std::string ExactForm(std::string_view name);

  // Latin forms of `folded` (ASCII, folded).
  std::vector<std::string> LatinForms(std::string_view name, std::string_view folded) const;

 private:
  NameKeyMaker() = default;
  struct Icu;
  SkeletonRules rules_;
};

}  // namespace sitrep::gazetteer_internal
