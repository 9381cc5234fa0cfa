#include "sitrep/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <climits>
#include <string>

namespace sitrep {
namespace {

// A paragraph shorter than this many letters is too short for CLD2 to tell
// close languages apart (Ukrainian from Russian, Spanish from Portuguese):
// it keeps the article's language.
constexpr int kMinParagraphLetters = 40;

// CLD2 keeps a few pre-2000 codes and script suffixes; sitrep uses ISO 639-1.
std::string ToIsoCode(CLD2::Language language) {
  if (language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) {
    return "und";
  }
  std::string code = CLD2::LanguageCode(language);
  if (code.empty() || code == "un" || code.starts_with("xx")) return "und";
  if (const size_t dash = code.find('-'); dash != std::string::npos) code.resize(dash);
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  return code;
}

CLD2::Language FromIsoCode(std::string_view code) {
  if (code.empty() || code == "und") return CLD2::UNKNOWN_LANGUAGE;
  std::string name(code);
  if (name == "he") name = "iw";
  if (name == "jv") name = "jw";
  return CLD2::GetLanguageFromName(name.c_str());
}

int CountLetters(std::string_view text) {
  int letters = 0;
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    const auto c = static_cast<UChar32>(DecodeUtf8(text, i, &length));
    if (u_isalpha(c)) ++letters;
    i += length;
  }
  return letters;
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view text, std::string_view hint) {
  // CLD2 takes an int length; an article is far shorter (kMaxArticleBytes).
  const int length = static_cast<int>(std::min<size_t>(text.size(), INT_MAX));
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, FromIsoCode(hint)};
  CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                 CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  double normalized_score3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix_bytes = 0;
  // The CheckUTF8 form: callers may pass any bytes, and CLD2 reads past
  // the end of a cut-off sequence otherwise.
  const CLD2::Language top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), length, /*is_plain_text=*/true, &hints, /*flags=*/0, language3, percent3,
      normalized_score3, /*resultchunkvector=*/nullptr, &text_bytes, &reliable,
      &valid_prefix_bytes);
  LanguageGuess guess;
  guess.code = ToIsoCode(top);
  if (guess.code == "und") return guess;
  guess.percent = language3[0] == top ? percent3[0] : 0;
  guess.reliable = reliable;
  return guess;
}

std::vector<SpanLanguage> DetectParagraphLanguages(std::string_view text,
                                                   const std::vector<Span>& paragraphs,
                                                   std::string_view article_lang,
                                                   const std::vector<std::string>& available) {
  std::vector<SpanLanguage> result;
  result.reserve(paragraphs.size());
  for (const Span& paragraph : paragraphs) {
    SpanLanguage tagged{paragraph, std::string(article_lang)};
    const std::string_view part = Slice(text, paragraph);
    if (CountLetters(part) >= kMinParagraphLetters) {
      // The article's language is the hint: a paragraph moves away from it
      // only when its own text outweighs that prior.
      const LanguageGuess guess = DetectLanguage(part, article_lang);
      if (guess.reliable && guess.code != article_lang &&
          std::find(available.begin(), available.end(), guess.code) != available.end()) {
        tagged.code = guess.code;
      }
    }
    result.push_back(std::move(tagged));
  }
  return result;
}

}  // namespace sitrep
