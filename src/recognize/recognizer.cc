// The recogniser: every phrase of every table of one pack compiled into a
// single vectorscan database, scanned once over the text.
//
// Before scanning, each run of spaces, tabs and hyphens in the folded text
// becomes one space (the "canonical" text, with a byte map back to the
// folded text); phrases get the same treatment when compiled. The database
// then holds only literals: a phrase without '*' whole, a phrase with stems
// up to its first '*'. The callback extends a stem to the end of its word
// and checks the rest of the phrase ("stem* rest*") byte by byte.
//
// Why not "[\s\-]+" and "[\p{L}\p{Nd}]*" in the expressions: measured with
// vectorscan 5.4.9 on this machine, 300 synthetic phrases with Unicode stem
// classes took 10-13 s to compile, and 3000 with separator classes 8-17 s;
// 3000 plain literals take 0.25 s. The matches are the same.
//
// Word boundaries are checked in the callback, on the characters just
// before and after the match (looking past the scanned span into the whole
// folded text, so a Find(within) never matches half a word).
#include <hs/hs.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "sitrep/recognize.h"

namespace sitrep {
namespace {

struct DatabaseDeleter {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
struct ScratchDeleter {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};
using DatabasePtr = std::unique_ptr<hs_database_t, DatabaseDeleter>;
using ScratchPtr = std::unique_ptr<hs_scratch_t, ScratchDeleter>;

// Where a pattern came from and how to turn its report into a span.
struct PatternInfo {
  MentionKind kind = MentionKind::kTrigger;
  uint32_t entry = 0;
  uint32_t length = 0;      // bytes of the literal in the database
  bool word_start = false;  // the phrase starts with a letter or digit
  bool word_end = false;    // ... and ends with one (not "sept.") or a stem
  // For a phrase with stems, what follows each '*' in the canonical phrase:
  // "a* b* c" -> {" b", " c"}, "a*" -> {""}. Empty for plain phrases.
  std::vector<std::string> after_stems;
};

bool IsWordChar(char32_t cp) { return u_isalnum(static_cast<UChar32>(cp)) != 0; }
bool IsSeparator(char c) { return c == ' ' || c == '-' || c == '\t'; }

// The code point that ends just before `offset` (> 0) in valid UTF-8.
char32_t DecodeBefore(std::string_view text, size_t offset) {
  size_t start = offset - 1;
  while (start > 0 && !IsUtf8Boundary(text, start)) --start;
  size_t length = 0;
  return DecodeUtf8(text, start, &length);
}

// Builds the database literal for a folded phrase and fills `info`.
// Returns false when nothing is left to match.
bool BuildExpression(std::string_view folded, std::string& expr, PatternInfo& info) {
  std::string canonical;
  for (const char c : folded) {
    if (IsSeparator(c)) {
      if (!canonical.empty() && canonical.back() != ' ') canonical += ' ';
    } else {
      canonical += c;
    }
  }
  if (!canonical.empty() && canonical.back() == ' ') canonical.pop_back();

  const size_t star = canonical.find('*');
  std::string literal = canonical.substr(0, star);
  if (literal.empty()) return false;
  info.after_stems.clear();
  if (star != std::string::npos) {
    size_t begin = star + 1;
    while (true) {
      const size_t next = canonical.find('*', begin);
      info.after_stems.push_back(canonical.substr(begin, next - begin));
      if (next == std::string::npos) break;
      begin = next + 1;
    }
  }
  size_t length = 0;
  info.word_start = IsWordChar(DecodeUtf8(literal, 0, &length));
  const std::string& last = info.after_stems.empty() ? literal : info.after_stems.back();
  info.word_end = last.empty() || IsWordChar(DecodeBefore(last, last.size()));
  info.length = static_cast<uint32_t>(literal.size());

  expr.clear();
  for (const char c : literal) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      expr += c;
    } else {
      char escaped[8];
      std::snprintf(escaped, sizeof(escaped), "\\x%02x", static_cast<unsigned char>(c));
      expr += escaped;
    }
  }
  return true;
}

struct RawMatch {
  uint32_t pattern = 0;
  uint32_t from = 0;  // in the canonical text
  uint32_t to = 0;
};

// The canonical text of the scanned span, and what the callback needs to
// look outside it.
struct ScanContext {
  const std::vector<PatternInfo>* patterns;
  std::string_view canonical;
  std::string_view folded;  // the whole folded text
  uint32_t folded_begin;    // the scanned span of `folded`
  uint32_t folded_end;
  std::vector<RawMatch>* matches;

  // Whether the code point before / at canonical offset `pos` is a letter or digit.
  bool WordCharBefore(uint32_t pos) const {
    if (pos > 0) return IsWordChar(DecodeBefore(canonical, pos));
    return folded_begin > 0 && IsWordChar(DecodeBefore(folded, folded_begin));
  }
  bool WordCharAt(uint32_t pos, size_t* length) const {
    *length = 1;
    if (pos < canonical.size()) return IsWordChar(DecodeUtf8(canonical, pos, length));
    return folded_end < folded.size() && IsWordChar(DecodeUtf8(folded, folded_end, length));
  }
};

int OnMatch(unsigned int id, unsigned long long, unsigned long long to, unsigned int,
            void* context) {
  auto* ctx = static_cast<ScanContext*>(context);
  const PatternInfo& info = (*ctx->patterns)[id];
  auto end = static_cast<uint32_t>(to);
  const uint32_t begin = end - info.length;
  if (info.word_start && ctx->WordCharBefore(begin)) return 0;
  size_t length = 0;
  for (const std::string& after : info.after_stems) {
    // The stem runs to the end of its word, then the phrase goes on.
    while (end < ctx->canonical.size() && ctx->WordCharAt(end, &length)) {
      end += static_cast<uint32_t>(length);
    }
    if (ctx->canonical.compare(end, after.size(), after) != 0) return 0;
    end += static_cast<uint32_t>(after.size());
  }
  if (info.word_end && ctx->WordCharAt(end, &length)) return 0;
  ctx->matches->push_back(RawMatch{id, begin, end});
  return 0;  // keep scanning
}

}  // namespace

// Besides vectorscan's scratch, the buffers Find fills on every call, kept
// to avoid reallocating them.
struct RecognizerScratch::Impl {
  ScratchPtr scratch;
  std::string canonical;
  std::vector<uint32_t> canonical_to_folded;
  std::vector<RawMatch> matches;
};

RecognizerScratch::RecognizerScratch() : impl_(std::make_unique<Impl>()) {}
RecognizerScratch::RecognizerScratch(RecognizerScratch&&) noexcept = default;
RecognizerScratch& RecognizerScratch::operator=(RecognizerScratch&&) noexcept = default;
RecognizerScratch::~RecognizerScratch() = default;

struct Recognizer::Impl {
  std::string code;
  DatabasePtr database;  // null when the pack has no phrases
  std::vector<PatternInfo> patterns;
};

Recognizer::Recognizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Recognizer::Recognizer(Recognizer&&) noexcept = default;
Recognizer& Recognizer::operator=(Recognizer&&) noexcept = default;
Recognizer::~Recognizer() = default;

Result<Recognizer> Recognizer::Create(const LanguagePack& pack) {
  auto impl = std::make_unique<Impl>();
  impl->code = pack.code;
  std::vector<std::string> expressions;
  for (int k = 0; k < static_cast<int>(MentionKind::kCount); ++k) {
    const auto kind = static_cast<MentionKind>(k);
    const size_t count = pack.EntryCount(kind);
    for (size_t entry = 0; entry < count; ++entry) {
      const std::string_view phrase = pack.Phrase(kind, entry);
      PatternInfo info;
      info.kind = kind;
      info.entry = static_cast<uint32_t>(entry);
      std::string expr;
      if (!BuildExpression(FoldForMatch(phrase), expr, info)) {
        return MakeError(ErrorCode::kInvalidInput,
                         "pack " + pack.code + ", table " + MentionKindName(kind) + ": phrase '" +
                             std::string(phrase) + "' has nothing to match");
      }
      expressions.push_back(std::move(expr));
      impl->patterns.push_back(info);
    }
  }
  if (expressions.empty()) return Recognizer(std::move(impl));

  std::vector<const char*> c_expressions;
  std::vector<unsigned int> flags;
  std::vector<unsigned int> ids;
  for (size_t i = 0; i < expressions.size(); ++i) {
    c_expressions.push_back(expressions[i].c_str());
    // Both sides are folded, so no HS_FLAG_CASELESS. Byte semantics (no
    // HS_FLAG_UTF8) suffice: a literal of valid UTF-8 only matches whole
    // code points, and its start is its end minus its length (no SOM).
    flags.push_back(0);
    ids.push_back(static_cast<unsigned int>(i));
  }
  hs_database_t* database = nullptr;
  hs_compile_error_t* compile_error = nullptr;
  const hs_error_t rc = hs_compile_multi(c_expressions.data(), flags.data(), ids.data(),
                                         static_cast<unsigned int>(c_expressions.size()),
                                         HS_MODE_BLOCK, nullptr, &database, &compile_error);
  if (rc != HS_SUCCESS) {
    std::string message = "pack " + pack.code + ": ";
    const int index = compile_error != nullptr ? compile_error->expression : -1;
    if (index >= 0 && static_cast<size_t>(index) < impl->patterns.size()) {
      const PatternInfo& info = impl->patterns[index];
      message += std::string("table ") + MentionKindName(info.kind) + ", phrase '" +
                 std::string(pack.Phrase(info.kind, info.entry)) + "' does not compile: ";
    } else {
      message += "the phrase database does not compile: ";
    }
    message += compile_error != nullptr ? compile_error->message : "unknown error";
    hs_free_compile_error(compile_error);
    return MakeError(ErrorCode::kInvalidInput, std::move(message));
  }
  impl->database.reset(database);
  return Recognizer(std::move(impl));
}

Result<RecognizerScratch> Recognizer::MakeScratch() const {
  RecognizerScratch scratch;
  if (impl_->database) {
    hs_scratch_t* raw = nullptr;
    if (hs_alloc_scratch(impl_->database.get(), &raw) != HS_SUCCESS) {
      return MakeError(ErrorCode::kInternal, "pack " + impl_->code + ": cannot allocate scratch");
    }
    scratch.impl_->scratch.reset(raw);
  }
  return scratch;
}

std::vector<Mention> Recognizer::Find(const NormalizedText& text,
                                      RecognizerScratch& scratch) const {
  return Find(text, Span{0, static_cast<uint32_t>(text.text.size())}, scratch);
}

std::vector<Mention> Recognizer::Find(const NormalizedText& text, Span within,
                                      RecognizerScratch& scratch) const {
  std::vector<Mention> mentions;
  if (!impl_->database) return mentions;

  // Clamp `within` to the text and to code point boundaries.
  const auto text_size = static_cast<uint32_t>(text.text.size());
  within.end = std::min(within.end, text_size);
  within.begin = std::min(within.begin, within.end);
  while (within.begin < within.end && !IsUtf8Boundary(text.text, within.begin)) ++within.begin;
  while (within.end > within.begin && !IsUtf8Boundary(text.text, within.end)) --within.end;
  if (within.empty()) return mentions;
  const Span folded_span = text.ToFolded(within);
  const std::string_view folded = text.folded;
  if (folded_span.end > folded.size() || folded_span.empty()) return mentions;

  // A scratch made by another Recognizer (or default-constructed) is grown
  // to fit this database; hs_alloc_scratch returns at once when it fits.
  if (!scratch.impl_) scratch.impl_ = std::make_unique<RecognizerScratch::Impl>();
  RecognizerScratch::Impl& s = *scratch.impl_;
  hs_scratch_t* raw = s.scratch.release();
  const hs_error_t alloc = hs_alloc_scratch(impl_->database.get(), &raw);
  s.scratch.reset(raw);
  if (alloc != HS_SUCCESS) return mentions;

  // The canonical text: each run of separators becomes one space.
  // Invariant: canonical_to_folded[i] is the folded offset of canonical
  // byte i, and only separators are dropped, so a match that neither
  // starts nor ends on a space maps back byte for byte at its ends.
  s.canonical.clear();
  s.canonical_to_folded.clear();
  s.canonical.reserve(folded_span.size());
  s.canonical_to_folded.reserve(folded_span.size());
  for (uint32_t i = folded_span.begin; i < folded_span.end; ++i) {
    const char c = folded[i];
    if (IsSeparator(c)) {
      if (!s.canonical.empty() && s.canonical.back() == ' ') continue;  // same run
      s.canonical += ' ';
    } else {
      s.canonical += c;
    }
    s.canonical_to_folded.push_back(i);
  }

  s.matches.clear();
  ScanContext context{&impl_->patterns,  s.canonical,     folded,
                      folded_span.begin, folded_span.end, &s.matches};
  const hs_error_t rc =
      hs_scan(impl_->database.get(), s.canonical.data(),
              static_cast<unsigned int>(s.canonical.size()), 0, s.scratch.get(), OnMatch, &context);
  if (rc != HS_SUCCESS) return mentions;

  // One report per (pattern, start) is expected; keep the longest if not.
  std::vector<RawMatch>& matches = s.matches;
  std::sort(matches.begin(), matches.end(), [](const RawMatch& a, const RawMatch& b) {
    if (a.pattern != b.pattern) return a.pattern < b.pattern;
    if (a.from != b.from) return a.from < b.from;
    return a.to > b.to;
  });
  mentions.reserve(matches.size());
  for (size_t i = 0; i < matches.size(); ++i) {
    if (i > 0 && matches[i].pattern == matches[i - 1].pattern &&
        matches[i].from == matches[i - 1].from) {
      continue;
    }
    const PatternInfo& info = impl_->patterns[matches[i].pattern];
    const Span in_folded{s.canonical_to_folded[matches[i].from],
                         s.canonical_to_folded[matches[i].to - 1] + 1};
    const Span span = text.ToText(in_folded);
    if (!within.Contains(span) || span.empty()) continue;
    mentions.push_back(Mention{info.kind, info.entry, span});
  }

  std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.entry < b.entry;
  });
  mentions.erase(std::unique(mentions.begin(), mentions.end()), mentions.end());

  // Drop a mention that lies inside a longer one of the same kind. In this
  // order every mention that could contain `m` comes before it: either it
  // begins earlier (then it contains m when its end reaches m's end) or it
  // begins at the same byte and is the first, longest, of that begin.
  struct KindState {
    bool seen = false;
    uint32_t begin = 0;            // begin of the current group
    uint32_t group_end = 0;        // end of the group's first (longest) mention
    uint32_t earlier_max_end = 0;  // max end of mentions beginning before `begin`
  };
  std::array<KindState, static_cast<size_t>(MentionKind::kCount)> states{};
  size_t kept = 0;
  for (const Mention& m : mentions) {
    KindState& s = states[static_cast<size_t>(m.kind)];
    if (!s.seen || m.span.begin != s.begin) {
      if (s.seen) s.earlier_max_end = std::max(s.earlier_max_end, s.group_end);
      s.seen = true;
      s.begin = m.span.begin;
      s.group_end = m.span.end;
    }
    const bool inside_longer = s.earlier_max_end >= m.span.end || s.group_end > m.span.end;
    if (!inside_longer) mentions[kept++] = m;
  }
  mentions.resize(kept);
  return mentions;
}

}  // namespace sitrep
