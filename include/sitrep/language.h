// Language identification with CLD2: per article, and per paragraph where an
// article mixes languages (a Russian quote inside a Ukrainian report).
//
//   LanguageGuess g = DetectLanguage(text);           // g.code == "fr"
//   auto parts = DetectParagraphLanguages(text, paragraphs, "uk", {"uk","ru"});
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/text.h"

namespace sitrep {

struct LanguageGuess {
  std::string code;      // ISO 639-1 ("en", "fr", "uk"); "und" when unknown
  int percent = 0;       // share of the text in that language (0..100)
  bool reliable = false;
};

// Detects the main language of UTF-8 `text`. `hint` (an ISO code, may be
// empty) tilts CLD2 towards a language the input declared; clear text in
// another language still wins. Text without letters, or invalid UTF-8,
// gives "und". Thread-safe.
LanguageGuess DetectLanguage(std::string_view text, std::string_view hint = {});

struct SpanLanguage {
  Span span;
  std::string code;
};

// Gives each paragraph span its language, one entry per paragraph in order:
// the article's language unless the paragraph has at least 40 letters and
// CLD2 (hinted with the article's language) is reliably sure it is in
// another language among `available` (codes with a pack). Thread-safe.
std::vector<SpanLanguage> DetectParagraphLanguages(std::string_view text,
                                                   const std::vector<Span>& paragraphs,
                                                   std::string_view article_lang,
                                                   const std::vector<std::string>& available);

}  // namespace sitrep
