// Segmentation with ICU break iterators: paragraphs, sentences and words of
// the normalised text, as byte spans into it.
//
//   Segmenter seg = *Segmenter::Create("fr");
//   std::vector<Sentence> s = seg.Sentences(text);
//   std::vector<Token> w = seg.Words(text, s[0].span);
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/error.h"
#include "sitrep/text.h"

namespace sitrep {

struct Sentence {
  Span span;               // trimmed of surrounding white space
  uint32_t paragraph = 0;  // index of its paragraph
};

struct Token {
  Span span;
  bool is_word = false;         // letters (ICU word status letter/ideo/kana)
  bool is_number = false;       // starts with a digit (ICU number status)
  bool capitalized = false;     // first character is upper or title case
  // First token of `within`, or first token after a sentence boundary
  // inside it.
  bool sentence_initial = false;
};

// Paragraphs: runs of text separated by one or more blank lines, or by a
// single line break (news bodies put one paragraph on a line). Trimmed;
// empty paragraphs are dropped. Pure function.
std::vector<Span> SplitParagraphs(std::string_view text);

// Owns ICU sentence and word break iterators for one locale. Not
// thread-safe: give each thread its own Segmenter. Cheap to reuse.
class Segmenter {
 public:
  // `lang` is an ISO code; abbreviation suppressions ("Sept.", "M.") of the
  // locale are used where ICU has them. Fails with kInternal if ICU cannot
  // build the iterators.
  [[nodiscard]] static Result<Segmenter> Create(std::string_view lang);

  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;  // owns ICU iterators
  Segmenter& operator=(const Segmenter&) = delete;

  // Sentences of `text`, in order; never crosses a paragraph boundary
  // (SplitParagraphs). Spans are trimmed of white space; empty ones dropped.
  std::vector<Sentence> Sentences(std::string_view text);
  // Word and number tokens inside `within` (punctuation and spaces dropped),
  // as spans into `text`. ICU splits "1 200" into two number tokens. Empty
  // when `within` is empty or outside `text`.
  std::vector<Token> Words(std::string_view text, Span within);

 private:
  struct Impl;
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep
