// Core text types: byte spans into an article's normalised (NFC) text, and
// small UTF-8 helpers every stage shares.
//
// Every position sitrep gives is a byte offset into the NFC text that the
// record keeps. A Span is half-open, [begin, end), on UTF-8 boundaries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep {

// A half-open byte range [begin, end) in an article's normalised text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const Span& other) const { return begin <= other.begin && other.end <= end; }
  bool Overlaps(const Span& other) const { return begin < other.end && other.begin < end; }
  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

// The bytes of `text` at `span`; empty when the span falls outside.
inline std::string_view Slice(std::string_view text, Span span) {
  if (span.end > text.size() || span.begin > span.end) return {};
  return text.substr(span.begin, span.end - span.begin);
}

// True when `text` is well-formed UTF-8. On failure `bad_offset` (if given)
// receives the byte offset of the first bad sequence.
bool IsValidUtf8(std::string_view text, size_t* bad_offset = nullptr);

// True when the byte at `offset` starts a code point (or is the end).
inline bool IsUtf8Boundary(std::string_view text, size_t offset) {
  return offset >= text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

// Decodes the code point at `offset` of valid UTF-8 and returns it; sets
// `length` to its byte count.
char32_t DecodeUtf8(std::string_view text, size_t offset, size_t* length);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string& out);

// 64-bit FNV-1a of `bytes`, continuing from `seed` (the standard offset
// basis by default). Fast and stable across runs; not cryptographic.
inline constexpr uint64_t kFnv1aOffset = 14695981039346656037ULL;
inline uint64_t Fnv1a64(std::string_view bytes, uint64_t seed = kFnv1aOffset) {
  for (unsigned char c : bytes) {
    seed ^= c;
    seed *= 1099511628211ULL;
  }
  return seed;
}

}  // namespace sitrep
