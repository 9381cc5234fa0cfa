// Internal: code-point classes and small scanners over UTF-8 text that the
// number and date stages share. These are classes of spaces, dashes and
// digits, not words of any language: the words come from the packs.
#pragma once

#include <cstddef>
#include <string_view>

#include "sitrep/text.h"

namespace sitrep::scan {

inline bool IsSpaceCp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

inline bool IsDashCp(char32_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 ||
         c == 0xFE63 || c == 0xFF0D;
}

inline bool IsDigitCp(char32_t c) { return c >= '0' && c <= '9'; }

// A letter or digit for boundary purposes: ASCII alphanumerics and every
// non-ASCII code point that is not a space, a dash or punctuation (ª, º and
// superscript letters count: "1º", "1ᵉʳ").
inline bool IsWordCp(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (IsSpaceCp(c) || IsDashCp(c)) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;  // General Punctuation
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0x00A0 && c <= 0x00BF) return c == 0x00AA || c == 0x00BA;
  if (c == 0x00D7 || c == 0x00F7) return false;  // × ÷
  return true;
}

struct Cp {
  char32_t c = 0;
  size_t len = 0;  // 0 past either end of the text
};

inline Cp At(std::string_view s, size_t pos) {
  if (pos >= s.size()) return {};
  size_t len = 1;
  const char32_t c = DecodeUtf8(s, pos, &len);
  return {c, len};
}

// The code point ending just before `pos`.
inline Cp Before(std::string_view s, size_t pos) {
  if (pos == 0 || pos > s.size()) return {};
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && !IsUtf8Boundary(s, start)) --start;
  size_t len = 1;
  const char32_t c = DecodeUtf8(s, start, &len);
  if (start + len != pos) return {static_cast<unsigned char>(s[pos - 1]), 1};
  return {c, len};
}

inline size_t SkipDigits(std::string_view s, size_t pos) {
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
  return pos;
}

}  // namespace sitrep::scan
