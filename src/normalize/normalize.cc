#include "sitrep/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <memory>
#include <string>

namespace sitrep {
namespace {

// Offsets are 32-bit (Span); half the range keeps every computed end, even
// after a fold that grows the text, representable.
constexpr size_t kMaxNormalizeBytes = std::numeric_limits<uint32_t>::max() / 4;

// The fold of one code point, as UTF-8. Canonical decompositions leave at
// most a few base characters once marks are gone; 7 bytes holds every BMP
// case (checked when the table is built, see FoldTable()).
struct FoldEntry {
  uint8_t length = 0;
  char bytes[7] = {};
};

// Typographic variants that news text and pack files write differently.
// These are punctuation classes, not words of any language.
constexpr UChar32 kApostrophes[] = {0x0060, 0x00B4, 0x02B9, 0x02BC, 0x2018,
                                    0x2019, 0x201B, 0x2032, 0xFF07};
constexpr UChar32 kDashes[] = {0x2010, 0x2011, 0x2012, 0x2013, 0x2014,
                               0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D};
constexpr UChar32 kQuotes[] = {0x00AB, 0x00BB, 0x201C, 0x201D, 0x201E, 0x201F, 0xFF02};

template <size_t N>
bool IsOneOf(const UChar32 (&set)[N], UChar32 c) {
  return std::find(set, set + N, c) != set + N;
}

// Accents and other script-neutral combining marks (script Inherited):
// U+0301 in "é", U+0306 in "й", U+0308 in "ї"/"ё". Marks that belong to one
// script (Devanagari vowel signs, the nukta) carry meaning and are kept.
bool IsRemovableMark(UChar32 c) {
  const int8_t type = u_charType(c);
  if (type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK) return false;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return U_SUCCESS(status) && (script == USCRIPT_INHERITED || script == USCRIPT_COMMON);
}

const icu::Normalizer2* NfcInstance() {
  static const icu::Normalizer2* const nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfc;
}

const icu::Normalizer2* NfdInstance() {
  static const icu::Normalizer2* const nfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfd;
}

// The fold of one non-ASCII code point (see normalize.h), appended to `out`.
void ComputeFold(UChar32 cp, std::string& out) {
  if (IsOneOf(kApostrophes, cp)) {
    out.push_back('\'');
    return;
  }
  if (IsOneOf(kDashes, cp)) {
    out.push_back('-');
    return;
  }
  if (IsOneOf(kQuotes, cp)) {
    out.push_back('"');
    return;
  }
  // NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end a line like '\n'.
  if (cp == 0x0085 || cp == 0x2028 || cp == 0x2029) {
    out.push_back('\n');
    return;
  }
  if (u_charType(cp) == U_SPACE_SEPARATOR) {
    out.push_back(' ');
    return;
  }
  // Soft hyphens, zero-width joiners, variation selectors: invisible, and
  // they would split a word a reader sees as whole.
  if (u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return;
  if (IsRemovableMark(cp)) return;

  const UChar32 folded = u_foldCase(cp, U_FOLD_CASE_DEFAULT);
  const icu::Normalizer2* nfd = NfdInstance();
  icu::UnicodeString decomposition;
  if (nfd != nullptr && nfd->getDecomposition(folded, decomposition)) {
    std::string bases;
    bool removed = false;
    for (int32_t i = 0; i < decomposition.length();) {
      const UChar32 c = decomposition.char32At(i);
      i += U16_LENGTH(c);
      if (IsRemovableMark(c)) {
        removed = true;
      } else {
        AppendUtf8(static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT)), bases);
      }
    }
    // Only a decomposition that drops a mark changes the fold: Hangul
    // syllables and the like keep their precomposed form.
    if (removed) {
      out += bases;
      return;
    }
  }
  AppendUtf8(static_cast<char32_t>(folded), out);
}

// Folds of U+0080..U+FFFF, built once on first use (a function-local static,
// so initialisation is thread-safe) and read-only afterwards.
const FoldEntry* FoldTable() {
  static const std::unique_ptr<FoldEntry[]> table = [] {
    auto t = std::make_unique<FoldEntry[]>(0x10000);
    std::string scratch;
    for (UChar32 cp = 0x80; cp < 0x10000; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // never in valid UTF-8
      scratch.clear();
      ComputeFold(cp, scratch);
      FoldEntry& e = t[static_cast<size_t>(cp)];
      if (scratch.size() > sizeof(e.bytes)) {
        // Not reached with Unicode 15 data; keep the code point unfolded
        // rather than truncate it.
        scratch.clear();
        AppendUtf8(static_cast<char32_t>(cp), scratch);
      }
      e.length = static_cast<uint8_t>(scratch.size());
      std::memcpy(e.bytes, scratch.data(), scratch.size());
    }
    return t;
  }();
  return table.get();
}

// ASCII folding: lower case, tab, vertical tab and form feed to a space,
// backquote to an apostrophe. Newlines and other bytes stay.
constexpr std::array<char, 128> kAsciiFold = [] {
  std::array<char, 128> t{};
  for (int c = 0; c < 128; ++c) t[static_cast<size_t>(c)] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<size_t>(c)] = static_cast<char>(c - 'A' + 'a');
  t['\t'] = ' ';
  t['\v'] = ' ';
  t['\f'] = ' ';
  t['`'] = '\'';
  return t;
}();

// Decodes the code point of valid UTF-8 at `s` whose lead byte is >= 0x80.
inline UChar32 DecodeMultiByte(const unsigned char* s, size_t* length) {
  const unsigned char c = s[0];
  if (c < 0xE0) {
    *length = 2;
    return ((c & 0x1F) << 6) | (s[1] & 0x3F);
  }
  if (c < 0xF0) {
    *length = 3;
    return ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  }
  *length = 4;
  return ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

// Folds valid NFC UTF-8 `text` into `folded`, and, when kWithMap, records
// for each folded byte the offset of the code point that produced it.
//
// Invariant: at the top of the loop, `folded` and `map` have room for
// `out` + 8 bytes, so a table entry can be copied with one 8-byte store.
template <bool kWithMap>
void FoldValid(std::string_view text, std::string& folded, std::vector<uint32_t>* map) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  folded.resize(n + 16);
  if constexpr (kWithMap) map->resize(n + 16);
  const FoldEntry* table = nullptr;
  size_t out = 0;
  size_t i = 0;
  auto ensure = [&](size_t extra) {
    if (out + extra + 8 <= folded.size()) return;
    const size_t grown = std::max(folded.size() * 2, out + extra + 16);
    folded.resize(grown);
    if constexpr (kWithMap) map->resize(grown);
  };
  while (i < n) {
    // Eight ASCII bytes at a time: the common case for most news text.
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        ensure(8);
        char* dst = folded.data() + out;
        for (int k = 0; k < 8; ++k) dst[k] = kAsciiFold[s[i + k]];
        if constexpr (kWithMap) {
          uint32_t* m = map->data() + out;
          for (int k = 0; k < 8; ++k) m[k] = static_cast<uint32_t>(i + k);
        }
        out += 8;
        i += 8;
        continue;
      }
    }
    const unsigned char c = s[i];
    if (c < 0x80) {
      ensure(1);
      folded[out] = kAsciiFold[c];
      if constexpr (kWithMap) (*map)[out] = static_cast<uint32_t>(i);
      ++out;
      ++i;
      continue;
    }
    size_t length = 0;
    const UChar32 cp = DecodeMultiByte(s + i, &length);
    if (cp < 0x10000) {
      if (table == nullptr) table = FoldTable();
      const FoldEntry& e = table[cp];
      ensure(8);
      std::memcpy(folded.data() + out, e.bytes, sizeof(e.bytes));
      if constexpr (kWithMap) {
        uint32_t* m = map->data() + out;
        for (uint8_t k = 0; k < e.length; ++k) m[k] = static_cast<uint32_t>(i);
      }
      out += e.length;
    } else {
      // Supplementary planes (emoji, historic scripts) are rare: fold on
      // the fly.
      std::string piece;
      ComputeFold(cp, piece);
      ensure(piece.size());
      std::memcpy(folded.data() + out, piece.data(), piece.size());
      if constexpr (kWithMap) {
        std::fill_n(map->data() + out, piece.size(), static_cast<uint32_t>(i));
      }
      out += piece.size();
    }
    i += length;
  }
  folded.resize(out);
  if constexpr (kWithMap) {
    map->resize(out + 1);
    (*map)[out] = static_cast<uint32_t>(n);
  }
}

// Puts valid UTF-8 `text` in NFC. Sets `*nfc` only when the text was not
// already NFC, so the common case copies nothing.
Status ToNfc(std::string_view text, std::string* nfc, bool* changed) {
  *changed = false;
  const icu::Normalizer2* normalizer = NfcInstance();
  if (normalizer == nullptr) {
    return MakeError(ErrorCode::kInternal, "ICU NFC normalizer unavailable");
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (normalizer->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return {};
  if (U_FAILURE(status)) {
    return MakeError(ErrorCode::kInternal,
                     std::string("ICU NFC quick check failed: ") + u_errorName(status));
  }
  nfc->clear();
  nfc->reserve(text.size());
  icu::StringByteSink<std::string> sink(nfc);
  status = U_ZERO_ERROR;
  normalizer->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) {
    return MakeError(ErrorCode::kInternal,
                     std::string("ICU NFC normalisation failed: ") + u_errorName(status));
  }
  *changed = true;
  return {};
}

// Removes the bytes of invalid UTF-8 sequences, one byte at a time.
std::string DropInvalidUtf8(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  while (!text.empty()) {
    size_t bad = 0;
    if (IsValidUtf8(text, &bad)) {
      clean.append(text);
      break;
    }
    clean.append(text.substr(0, bad));
    text.remove_prefix(bad + 1);
  }
  return clean;
}

}  // namespace

Span NormalizedText::ToText(Span folded_span) const {
  if (folded_to_text.empty()) return Span{};
  const size_t folded_size = folded_to_text.size() - 1;
  const size_t begin = std::min<size_t>(folded_span.begin, folded_size);
  const size_t end = std::clamp<size_t>(folded_span.end, begin, folded_size);
  const uint32_t text_begin = folded_to_text[begin];
  if (end == begin) return Span{text_begin, text_begin};
  uint32_t text_end = folded_to_text[end];
  if (text_end == folded_to_text[end - 1]) {
    // The span ends inside the fold of one code point: cover all of it.
    size_t length = 1;
    DecodeUtf8(text, text_end, &length);
    text_end = static_cast<uint32_t>(std::min<size_t>(text_end + length, text.size()));
  }
  return Span{text_begin, text_end};
}

Span NormalizedText::ToFolded(Span text_span) const {
  if (folded_to_text.empty()) return Span{};
  const auto first = folded_to_text.begin();
  const auto last = folded_to_text.end() - 1;  // the final entry is text.size()
  const auto begin = std::lower_bound(first, last, text_span.begin);
  const auto end = std::lower_bound(begin, last, std::max(text_span.begin, text_span.end));
  return Span{static_cast<uint32_t>(begin - first), static_cast<uint32_t>(end - first)};
}

Result<NormalizedText> Normalize(std::string_view raw) {
  if (raw.size() > kMaxNormalizeBytes) {
    return MakeError(ErrorCode::kTooLarge, "text of " + std::to_string(raw.size()) +
                                               " bytes is over the limit of " +
                                               std::to_string(kMaxNormalizeBytes));
  }
  size_t bad = 0;
  if (!IsValidUtf8(raw, &bad)) {
    return MakeError(ErrorCode::kInvalidInput, "invalid UTF-8 at byte " + std::to_string(bad));
  }
  if (const void* nul = std::memchr(raw.data(), '\0', raw.size())) {
    const size_t at = static_cast<const char*>(nul) - raw.data();
    return MakeError(ErrorCode::kInvalidInput, "NUL byte at byte " + std::to_string(at));
  }
  NormalizedText result;
  bool changed = false;
  if (Status s = ToNfc(raw, &result.text, &changed); !s) return tl::unexpected(s.error());
  if (!changed) result.text.assign(raw);
  FoldValid<true>(result.text, result.folded, &result.folded_to_text);
  return result;
}

std::string FoldForMatch(std::string_view text) {
  std::string clean;
  if (!IsValidUtf8(text)) {
    clean = DropInvalidUtf8(text);
    text = clean;
  }
  std::string nfc;
  bool changed = false;
  if (text.size() <= kMaxNormalizeBytes && ToNfc(text, &nfc, &changed) && changed) text = nfc;
  std::string folded;
  FoldValid<false>(text, folded, nullptr);
  return folded;
}

}  // namespace sitrep
