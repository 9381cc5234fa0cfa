#include "sitrep/segment.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <string>
#include <utility>

namespace sitrep {
namespace {

// White space for trimming: Unicode White_Space plus the zero-width space
// and the byte-order mark, which editors leave at line ends and starts.
bool IsTrimmable(UChar32 c) { return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF; }

// Decodes the code point that ends just before `end` in UTF-8 `text`;
// sets `*begin` to its first byte.
UChar32 DecodeBefore(std::string_view text, size_t end, size_t* begin) {
  size_t b = end - 1;
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80 && end - b < 4) --b;
  size_t length = 1;
  const UChar32 c = static_cast<UChar32>(DecodeUtf8(text, b, &length));
  *begin = b;
  return b + length == end ? c : 0xFFFD;
}

Span Trim(std::string_view text, size_t begin, size_t end) {
  while (begin < end) {
    size_t length = 1;
    const UChar32 c = static_cast<UChar32>(DecodeUtf8(text, begin, &length));
    if (!IsTrimmable(c)) break;
    begin += length;
  }
  while (end > begin) {
    size_t cp_begin = end;
    const UChar32 c = DecodeBefore(text, end, &cp_begin);
    if (!IsTrimmable(c)) break;
    end = cp_begin;
  }
  return Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

// Length of the line break starting at `i` (CR LF counts as one), or 0.
// LINE SEPARATOR, PARAGRAPH SEPARATOR and NEL end a line as '\n' does.
size_t LineBreakLength(std::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c == '\n') return 1;
  if (c == '\r') return (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) {
    return 2;
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const auto c2 = static_cast<unsigned char>(text[i + 2]);
    if (c2 == 0xA8 || c2 == 0xA9) return 3;
  }
  return 0;
}

// A UText over UTF-8 bytes whose native indexes are byte offsets, so break
// positions need no conversion. The bytes must outlive every use of an
// iterator given this text.
class Utf8Text {
 public:
  explicit Utf8Text(std::string_view bytes) {
    utext_openUTF8(&ut_, bytes.data(), static_cast<int64_t>(bytes.size()), &status_);
  }
  ~Utf8Text() { utext_close(&ut_); }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;

  UText* get() { return &ut_; }
  bool ok() const { return U_SUCCESS(status_); }

 private:
  UText ut_ = UTEXT_INITIALIZER;
  UErrorCode status_ = U_ZERO_ERROR;
};

bool IsUpperOrTitle(UChar32 c) { return u_isupper(c) || u_istitle(c); }

}  // namespace

std::vector<Span> SplitParagraphs(std::string_view text) {
  std::vector<Span> paragraphs;
  size_t line_begin = 0;
  size_t i = 0;
  while (i <= text.size()) {
    const size_t break_length = i < text.size() ? LineBreakLength(text, i) : 1;
    if (break_length == 0) {
      ++i;
      continue;
    }
    const Span line = Trim(text, line_begin, i);
    if (!line.empty()) paragraphs.push_back(line);
    i += break_length;
    line_begin = i;
  }
  return paragraphs;
}

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> sentence;
  std::unique_ptr<icu::BreakIterator> word;
};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;
Segmenter::~Segmenter() = default;

Result<Segmenter> Segmenter::Create(std::string_view lang) {
  auto impl = std::make_unique<Impl>();
  const std::string base(lang.empty() ? "root" : lang);
  // "@ss=standard" turns on the locale's sentence-break suppressions
  // (abbreviations such as "Sept." or "M."); locales without them, and
  // unknown codes, fall back to the root rules.
  UErrorCode status = U_ZERO_ERROR;
  impl->sentence.reset(icu::BreakIterator::createSentenceInstance(
      icu::Locale::createFromName((base + "@ss=standard").c_str()), status));
  if (U_FAILURE(status) || impl->sentence == nullptr) {
    status = U_ZERO_ERROR;
    impl->sentence.reset(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  }
  if (U_FAILURE(status) || impl->sentence == nullptr) {
    return MakeError(ErrorCode::kInternal, std::string("ICU sentence iterator for '") + base +
                                               "': " + u_errorName(status));
  }
  status = U_ZERO_ERROR;
  impl->word.reset(
      icu::BreakIterator::createWordInstance(icu::Locale::createFromName(base.c_str()), status));
  if (U_FAILURE(status) || impl->word == nullptr) {
    return MakeError(ErrorCode::kInternal,
                     std::string("ICU word iterator for '") + base + "': " + u_errorName(status));
  }
  return Segmenter(std::move(impl));
}

std::vector<Sentence> Segmenter::Sentences(std::string_view text) {
  std::vector<Sentence> sentences;
  const std::vector<Span> paragraphs = SplitParagraphs(text);
  icu::BreakIterator& it = *impl_->sentence;
  for (size_t paragraph_idx = 0; paragraph_idx < paragraphs.size(); ++paragraph_idx) {
    const Span paragraph = paragraphs[paragraph_idx];
    Utf8Text ut(Slice(text, paragraph));
    UErrorCode status = U_ZERO_ERROR;
    if (!ut.ok()) continue;
    it.setText(ut.get(), status);
    if (U_FAILURE(status)) continue;
    int32_t begin = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
      const Span s = Trim(text, paragraph.begin + static_cast<uint32_t>(begin),
                          paragraph.begin + static_cast<uint32_t>(end));
      if (!s.empty()) sentences.push_back(Sentence{s, static_cast<uint32_t>(paragraph_idx)});
    }
  }
  return sentences;
}

std::vector<Token> Segmenter::Words(std::string_view text, Span within) {
  std::vector<Token> tokens;
  if (within.end > text.size() || within.begin >= within.end) return tokens;
  const std::string_view part = Slice(text, within);
  Utf8Text ut(part);
  if (!ut.ok()) return tokens;
  icu::BreakIterator& words = *impl_->word;
  icu::BreakIterator& sentences = *impl_->sentence;
  UErrorCode status = U_ZERO_ERROR;
  words.setText(ut.get(), status);
  if (U_FAILURE(status)) return tokens;
  // The sentence iterator marks tokens that open a sentence inside `within`;
  // it is moved forward only once per sentence.
  bool sentences_ready = false;
  int32_t sentence_end = 0;

  int32_t begin = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE;
       begin = end, end = words.next()) {
    const int32_t rule = words.getRuleStatus();
    if (rule < UBRK_WORD_NUMBER || rule >= UBRK_WORD_IDEO_LIMIT) continue;
    Token token;
    token.span = Span{within.begin + static_cast<uint32_t>(begin),
                      within.begin + static_cast<uint32_t>(end)};
    size_t length = 1;
    const auto first = static_cast<UChar32>(DecodeUtf8(part, static_cast<size_t>(begin), &length));
    token.is_word = rule >= UBRK_WORD_LETTER;
    token.is_number = u_isdigit(first) || rule < UBRK_WORD_NUMBER_LIMIT;
    token.capitalized = IsUpperOrTitle(first);
    if (tokens.empty() || begin >= sentence_end) {
      token.sentence_initial = true;
      if (!sentences_ready) {
        status = U_ZERO_ERROR;
        sentences.setText(ut.get(), status);
        sentences_ready = U_SUCCESS(status);
      }
      sentence_end =
          sentences_ready ? sentences.following(begin) : static_cast<int32_t>(part.size());
      if (sentence_end == icu::BreakIterator::DONE)
        sentence_end = static_cast<int32_t>(part.size());
    }
    tokens.push_back(token);
  }
  return tokens;
}

}  // namespace sitrep
