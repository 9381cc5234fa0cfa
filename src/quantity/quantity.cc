#include "sitrep/quantity.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/char_scan.h"

namespace sitrep {
namespace {

// Counts above this are not casualty figures and would overflow int64 once
// multiplied again; a number that reaches it is dropped, not clamped.
constexpr int64_t kMaxCount = 1'000'000'000'000'000;  // 1e15

// ---------------------------------------------------------------------------
// Characters. These are punctuation and space classes, not words of any
// language: the words come from the pack.

using scan::At;
using scan::Before;
using scan::Cp;
using scan::IsDashCp;
using scan::IsDigitCp;
using scan::IsSpaceCp;
using scan::IsWordCp;
using scan::SkipDigits;

// True when [begin, end) of `s` holds only spaces (or nothing).
bool OnlySpaces(std::string_view s, size_t begin, size_t end) {
  for (size_t pos = begin; pos < end;) {
    const Cp cp = At(s, pos);
    if (!IsSpaceCp(cp.c)) return false;
    pos += cp.len;
  }
  return true;
}

bool IsApostropheCp(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

// True when [begin, end) holds only spaces and apostrophes: the gap between
// a modifier and its number ("at least 20", the elided "plus d'une").
bool OnlySpacesOrApostrophes(std::string_view s, size_t begin, size_t end) {
  for (size_t pos = begin; pos < end;) {
    const Cp cp = At(s, pos);
    if (!IsSpaceCp(cp.c) && !IsApostropheCp(cp.c)) return false;
    pos += cp.len;
  }
  return true;
}

// True when [begin, end) holds only spaces and dashes (or nothing).
bool OnlySpacesAndDashes(std::string_view s, size_t begin, size_t end) {
  for (size_t pos = begin; pos < end;) {
    const Cp cp = At(s, pos);
    if (!IsSpaceCp(cp.c) && !IsDashCp(cp.c)) return false;
    pos += cp.len;
  }
  return true;
}

// Both operands are in 0..kMaxCount (1e15), so a sum never overflows int64
// and a product is checked by division first.
std::optional<int64_t> MulCapped(int64_t a, int64_t b) {
  if (a < 0 || b < 0 || a > kMaxCount || b > kMaxCount) return std::nullopt;
  if (a != 0 && b > kMaxCount / a) return std::nullopt;
  return a * b;
}

std::optional<int64_t> AddCapped(int64_t a, int64_t b) {
  if (a < 0 || b < 0 || a > kMaxCount || b > kMaxCount || a + b > kMaxCount) return std::nullopt;
  return a + b;
}

// The pack's separators, decoded once per call.
struct Separators {
  std::vector<char32_t> thousands;
  bool thousands_space = false;  // ' ' in the manifest: any space
  char32_t decimal = 0;

  explicit Separators(const LanguagePack& pack) {
    const std::string& t = pack.thousands_separators;
    for (size_t pos = 0; pos < t.size();) {
      const Cp cp = At(t, pos);
      if (IsSpaceCp(cp.c)) {
        thousands_space = true;
      } else {
        thousands.push_back(cp.c);
      }
      pos += cp.len;
    }
    if (!pack.decimal_separator.empty()) decimal = At(pack.decimal_separator, 0).c;
  }
  bool IsThousands(char32_t c) const {
    if (IsSpaceCp(c)) return thousands_space;
    return std::find(thousands.begin(), thousands.end(), c) != thousands.end();
  }
};

// ---------------------------------------------------------------------------
// Atoms: one number or vague count before modifiers apply.

struct Atom {
  Span span;
  CountRange count;
  bool approximate = false;
  bool written = false;
  bool plain_four_digits = false;  // digits only, exactly four, no separator
  bool digits = false;             // written with digits (may carry a multiplier)

  bool IsPoint() const {
    return count.low && count.best && count.high && *count.low == *count.best &&
           *count.best == *count.high;
  }
  bool YearLike() const {
    return plain_four_digits && IsPoint() && *count.best >= 1900 && *count.best <= 2100;
  }
};

Atom PointAtom(Span span, int64_t value) {
  Atom atom;
  atom.span = span;
  atom.count = CountRange{value, value, value};
  return atom;
}

// A number written with digits, before any multiplier word.
struct DigitNumber {
  Span span;
  int64_t integer = 0;
  std::string fraction;  // digits after the decimal separator, if any
  bool grouped = false;  // had a thousands separator
  bool overflow = false;
  size_t integer_digits = 0;
};

// The value of the digits in [begin, end), ignoring separators between them.
int64_t ParseDigitsSkippingSeparators(std::string_view s, size_t begin, size_t end, bool& overflow) {
  int64_t v = 0;
  for (size_t pos = begin; pos < end; ++pos) {
    if (s[pos] < '0' || s[pos] > '9') continue;
    if (v > kMaxCount / 10) {
      overflow = true;
      return 0;
    }
    v = v * 10 + (s[pos] - '0');
  }
  if (v > kMaxCount) overflow = true;
  return v;
}

// Scans every run of digits in `s`. Dates ("25/09/2022", "2022-09-25"),
// times ("16:00"), fractions, codes ("T-72", "MH17"), ordinals and units
// glued to the digits ("25th", "10km", "20%"), and compound adjectives
// ("20-year-old") are skipped: they are not counts.
std::vector<DigitNumber> ScanDigitNumbers(std::string_view s, const Separators& seps) {
  std::vector<DigitNumber> out;
  size_t pos = 0;
  while (pos < s.size()) {
    if (s[pos] < '0' || s[pos] > '9') {
      ++pos;
      continue;
    }
    const size_t start = pos;
    const size_t g0_end = SkipDigits(s, pos);

    // Left boundary: not inside a word or a code.
    const Cp prev = Before(s, start);
    bool reject = prev.len != 0 && IsWordCp(prev.c);
    if (!reject && prev.len != 0 && IsDashCp(prev.c)) {
      const Cp prev2 = Before(s, start - prev.len);
      reject = prev2.len != 0 && IsWordCp(prev2.c) && !IsDigitCp(prev2.c);
    }
    if (reject) {
      pos = g0_end;
      continue;
    }

    // Times, fractions and dates: a digit run glued to ':' or '/' and another
    // digit, or d{1,4} [-.] d{1,2} [-.] d{1,4} with the same separator.
    auto glued_digit = [&](size_t p) { return p + 1 < s.size() && s[p + 1] >= '0' && s[p + 1] <= '9'; };
    if (g0_end < s.size() && (s[g0_end] == ':' || s[g0_end] == '/') && glued_digit(g0_end)) {
      pos = g0_end;
      while (pos < s.size() && ((s[pos] >= '0' && s[pos] <= '9') || s[pos] == ':' || s[pos] == '/')) ++pos;
      continue;
    }
    if (g0_end - start <= 4 && g0_end < s.size() && (s[g0_end] == '-' || s[g0_end] == '.') &&
        glued_digit(g0_end)) {
      const char sep = s[g0_end];
      const size_t g1_end = SkipDigits(s, g0_end + 1);
      if (g1_end - (g0_end + 1) <= 2 && g1_end < s.size() && s[g1_end] == sep && glued_digit(g1_end)) {
        const size_t g2_end = SkipDigits(s, g1_end + 1);
        if (g2_end - (g1_end + 1) <= 4) {
          pos = g2_end;
          continue;
        }
      }
    }

    DigitNumber num;
    num.integer_digits = g0_end - start;
    size_t end = g0_end;
    // Thousands groups: exactly three digits after each separator, the same
    // separator throughout, and a first group of at most three digits.
    if (g0_end - start <= 3) {
      std::optional<char32_t> used;
      while (end < s.size()) {
        const Cp sep = At(s, end);
        if (!seps.IsThousands(sep.c)) break;
        const char32_t kind = IsSpaceCp(sep.c) ? U' ' : sep.c;
        if (used && *used != kind) break;
        const size_t group_begin = end + sep.len;
        const size_t group_end = SkipDigits(s, group_begin);
        if (group_end - group_begin != 3) break;
        used = kind;
        num.grouped = true;
        num.integer_digits += 3;
        end = group_end;
      }
    }
    num.integer = ParseDigitsSkippingSeparators(s, start, end, num.overflow);
    // Decimal part.
    const Cp next = At(s, end);
    if (next.len != 0 && seps.decimal != 0 && next.c == seps.decimal && end + next.len < s.size() &&
        IsDigitCp(static_cast<unsigned char>(s[end + next.len]))) {
      const size_t frac_begin = end + next.len;
      const size_t frac_end = SkipDigits(s, frac_begin);
      num.fraction.assign(s.substr(frac_begin, frac_end - frac_begin));
      end = frac_end;
    }
    pos = end;

    // Right boundary.
    const Cp after = At(s, end);
    if (after.len != 0) {
      if (IsWordCp(after.c) || after.c == '%') {
        while (pos < s.size()) {  // skip the whole glued word
          const Cp cp = At(s, pos);
          if (!IsWordCp(cp.c)) break;
          pos += cp.len;
        }
        continue;
      }
      if (IsDashCp(after.c)) {
        const Cp after2 = At(s, end + after.len);
        if (after2.len != 0 && IsWordCp(after2.c) && !IsDigitCp(after2.c)) continue;
      }
      // A separator glued to more digits that we did not read as part of the
      // number ("1,5" where ',' is neither separator, "1,2345"): ambiguous,
      // so neither side is a count.
      if ((after.c == ',' || after.c == '.' || seps.IsThousands(after.c) || after.c == seps.decimal) &&
          !IsSpaceCp(after.c) && end + after.len < s.size() &&
          IsDigitCp(static_cast<unsigned char>(s[end + after.len]))) {
        pos = end + after.len;
        while (pos < s.size() && (IsDigitCp(static_cast<unsigned char>(s[pos])) || s[pos] == ',' || s[pos] == '.')) ++pos;
        continue;
      }
    }
    num.span = Span{static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    out.push_back(std::move(num));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Written numbers: runs of number words (and digits followed by multiplier
// words), combined the way numbers are read aloud.

struct Token {
  Span span;
  const DigitNumber* digits = nullptr;  // set for a number written in digits
  int64_t value = 0;                    // a number word's value
  bool multiplier = false;
  bool joiner() const { return digits == nullptr && !multiplier && value == 0; }
};

// Accumulates "deux cent trente" = (2 x 100) + 30 and "three thousand five
// hundred" = 3 x 1000 + 5 x 100. CanTake refuses words that would not be
// read as one number ("one two", "twenty thirty"), so the run splits there.
class WrittenNumber {
 public:
  explicit WrittenNumber(int64_t digits_value) : group_(digits_value), has_group_(true), last_(Last::kDigits) {}
  WrittenNumber() = default;

  bool CanTake(const Token& t) const {
    if (!t.multiplier) {
      if (t.value <= 0) return false;
      switch (last_) {
        case Last::kNone: return true;
        case Last::kDigits: return false;
        // "twenty-three", "soixante-dix", "dix-sept": a round ten takes a
        // smaller unit ("vingt" 20 takes up to 19, "dix" 10 up to 9).
        case Last::kUnit:
          return last_unit_ >= 10 && last_unit_ % 10 == 0 && t.value < (last_unit_ == 10 ? 10 : 20);
        case Last::kMultiplier: return t.value < last_multiplier_;
      }
      return false;
    }
    if (last_ == Last::kMultiplier && t.value <= last_multiplier_) return false;
    if (t.value >= 1000 && last_flush_ != 0 && t.value >= last_flush_) return false;
    return t.value > 1;
  }

  // False on overflow.
  bool Take(const Token& t) {
    if (!t.multiplier) {
      const auto sum = AddCapped(group_, t.value);
      if (!sum) return false;
      group_ = *sum;
      has_group_ = true;
      last_ = Last::kUnit;
      last_unit_ = t.value;
      return true;
    }
    const auto product = MulCapped(has_group_ ? group_ : 1, t.value);
    if (!product) return false;
    if (t.value >= 1000) {
      const auto sum = AddCapped(total_, *product);
      if (!sum) return false;
      total_ = *sum;
      group_ = 0;
      has_group_ = false;
      last_flush_ = t.value;
    } else {
      group_ = *product;
      has_group_ = true;
    }
    last_ = Last::kMultiplier;
    last_multiplier_ = t.value;
    ++multipliers_taken_;
    return true;
  }

  std::optional<int64_t> Value() const { return AddCapped(total_, group_); }
  int multipliers_taken() const { return multipliers_taken_; }

 private:
  enum class Last { kNone, kDigits, kUnit, kMultiplier };
  int64_t total_ = 0;
  int64_t group_ = 0;
  bool has_group_ = false;
  Last last_ = Last::kNone;
  int64_t last_unit_ = 0;
  int64_t last_multiplier_ = 0;
  int64_t last_flush_ = 0;
  int multipliers_taken_ = 0;
};

// "2,5 millions" = 2 500 000: the fraction times the multiplier, rounded.
std::optional<int64_t> DecimalTimes(const DigitNumber& num, int64_t multiplier) {
  auto whole = MulCapped(num.integer, multiplier);
  if (!whole) return std::nullopt;
  // Six fraction digits are more than any reported figure carries.
  int64_t frac = 0;
  int64_t scale = 1;
  for (size_t k = 0; k < num.fraction.size() && k < 6; ++k) {
    frac = frac * 10 + (num.fraction[k] - '0');
    scale *= 10;
  }
  int64_t part = 0;
  if (multiplier % scale == 0) {
    part = frac * (multiplier / scale);  // exact, and below multiplier since frac < scale
  } else {
    part = static_cast<int64_t>(static_cast<long double>(frac) * multiplier / scale + 0.5L);
  }
  return AddCapped(*whole, part);
}

std::vector<Atom> NumberAtoms(std::string_view s, const std::vector<Token>& tokens) {
  std::vector<Atom> atoms;
  size_t i = 0;
  while (i < tokens.size()) {
    const Token& first = tokens[i];
    auto gap_ok = [&](size_t a, size_t b) {
      const Span x = tokens[a].span, y = tokens[b].span;
      if (tokens[a].digits) return OnlySpaces(s, x.end, y.begin);
      return OnlySpacesAndDashes(s, x.end, y.begin);
    };
    if (first.digits && !first.digits->fraction.empty()) {
      // A decimal is a count only with a multiplier after it.
      if (i + 1 < tokens.size() && tokens[i + 1].multiplier && gap_ok(i, i + 1)) {
        if (auto v = DecimalTimes(*first.digits, tokens[i + 1].value)) {
          Atom atom = PointAtom(Span{first.span.begin, tokens[i + 1].span.end}, *v);
          atom.digits = true;
          atoms.push_back(atom);
        }
        i += 2;
      } else {
        ++i;
      }
      continue;
    }
    if (first.digits && first.digits->overflow) {
      ++i;
      continue;
    }
    if (first.joiner()) {  // "and"/"et" never stands alone
      ++i;
      continue;
    }
    WrittenNumber number = first.digits ? WrittenNumber(first.digits->integer) : WrittenNumber();
    bool ok = first.digits ? true : number.Take(first);
    size_t last = i;
    size_t j = i + 1;
    while (ok && j < tokens.size() && !tokens[j].digits && gap_ok(last, j)) {
      if (tokens[j].joiner()) {
        if (j + 1 < tokens.size() && !tokens[j + 1].digits && gap_ok(j, j + 1) &&
            !tokens[last].digits && number.CanTake(tokens[j + 1])) {
          ok = number.Take(tokens[j + 1]);
          last = j + 1;
          j += 2;
          continue;
        }
        break;
      }
      if (!number.CanTake(tokens[j])) break;
      ok = number.Take(tokens[j]);
      last = j;
      ++j;
    }
    const auto value = number.Value();
    if (ok && value) {
      Atom atom = PointAtom(Span{first.span.begin, tokens[last].span.end}, *value);
      atom.digits = first.digits != nullptr;
      atom.written = first.digits == nullptr;
      atom.plain_four_digits = first.digits && last == i && !first.digits->grouped &&
                               first.digits->integer_digits == 4;
      atoms.push_back(atom);
    }
    i = last + 1;
  }
  return atoms;
}

// "une trentaine" 25..35: a vague count. It names a round figure, so a
// narrow range (high at most 1.5 x low) gets its midpoint as best; a wide one
// ("dozens" 12..99) gets none.
std::optional<Atom> RangeAtom(Span span, const QuantifierEntry& entry) {
  if (entry.low < 0 || entry.high < entry.low || entry.high > kMaxCount) return std::nullopt;
  Atom atom;
  atom.span = span;
  atom.count.low = entry.low;
  atom.count.high = entry.high;
  if (entry.low > 0 && entry.high * 2 <= entry.low * 3) atom.count.best = (entry.low + entry.high) / 2;
  atom.approximate = true;
  atom.written = true;
  return atom;
}

// ---------------------------------------------------------------------------
// Modifiers and ranges.

struct Modifier {
  Span span;
  QuantifierKind kind = QuantifierKind::kAtLeast;
  bool used = false;
};

struct Built {
  Atom atom;
  Span span;  // modifiers included
  bool modified = false;
  bool is_range = false;
  bool sub_count = false;
  bool another = false;
};

// Applies "at least", "more than", "up to", "about" to a count. For a vague
// count the figure is its best, else its nearer bound.
void ApplyBound(QuantifierKind kind, Atom& atom) {
  CountRange& c = atom.count;
  const bool point = atom.IsPoint();
  switch (kind) {
    case QuantifierKind::kAtLeast: {
      const auto v = c.best ? c.best : (c.low ? c.low : c.high);
      if (!v) return;
      c.low = *v;
      c.best = point || c.best ? v : std::nullopt;
      c.high.reset();
      break;
    }
    case QuantifierKind::kMoreThan: {
      const auto v = c.best ? c.best : (c.low ? c.low : c.high);
      if (!v) return;
      c.low = *v + 1;
      c.best.reset();
      c.high.reset();
      break;
    }
    case QuantifierKind::kUpTo: {
      const auto v = c.best ? c.best : (c.high ? c.high : c.low);
      if (!v) return;
      c.high = *v;
      c.low.reset();
      c.best.reset();
      break;
    }
    case QuantifierKind::kAbout:
      atom.approximate = true;
      break;
    default:
      break;
  }
}

}  // namespace

std::vector<Quantity> ParseQuantities(const NormalizedText& text, const std::vector<Mention>& mentions,
                                      const LanguagePack& pack) {
  const std::string_view s = text.text;
  auto valid_span = [&](Span span) {
    return span.begin < span.end && span.end <= s.size() && IsUtf8Boundary(s, span.begin) &&
           IsUtf8Boundary(s, span.end);
  };

  // Vague-count words first: a number word inside one ("dozen" in "a
  // dozen") belongs to it.
  std::vector<Atom> atoms;
  std::vector<Modifier> modifiers;
  for (const Mention& m : mentions) {
    if (m.kind != MentionKind::kQuantifier || m.entry >= pack.quantifiers.size() || !valid_span(m.span)) continue;
    const QuantifierEntry& entry = pack.quantifiers[m.entry];
    if (entry.kind == QuantifierKind::kRange) {
      if (auto atom = RangeAtom(m.span, entry)) atoms.push_back(*atom);
    } else {
      modifiers.push_back(Modifier{m.span, entry.kind});
    }
  }
  auto by_begin_longest = [](const auto& a, const auto& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  };
  auto drop_overlapping = [&](auto& items) {
    std::sort(items.begin(), items.end(), by_begin_longest);
    size_t kept = 0;
    for (size_t idx = 0; idx < items.size(); ++idx) {
      if (kept > 0 && items[kept - 1].span.end > items[idx].span.begin) continue;
      items[kept++] = items[idx];
    }
    items.resize(kept);
  };
  drop_overlapping(atoms);
  auto inside_any = [](Span span, const std::vector<Atom>& list) {
    auto it = std::upper_bound(list.begin(), list.end(), span.begin,
                               [](uint32_t pos, const Atom& a) { return pos < a.span.end; });
    return it != list.end() && it->span.begin < span.end;
  };

  // Digits right next to a month name are a day or a year ("25 septembre",
  // "Sept. 25"), not a count: ResolveDates reads them.
  std::vector<Span> months;
  for (const Mention& m : mentions) {
    if (m.kind == MentionKind::kDateWord && m.entry < pack.date_words.size() &&
        pack.date_words[m.entry].kind == DateWordKind::kMonth && valid_span(m.span)) {
      months.push_back(m.span);
    }
  }
  std::sort(months.begin(), months.end());
  auto next_to_month = [&](Span span) {
    auto it = std::lower_bound(months.begin(), months.end(), Span{span.end, span.end});
    if (it != months.end() && OnlySpaces(s, span.end, it->begin) && it->begin > span.end) return true;
    if (it == months.begin()) return false;
    --it;
    size_t gap_begin = it->end;
    if (gap_begin < span.begin && s[gap_begin] == '.') ++gap_begin;
    return it->end < span.begin && OnlySpaces(s, gap_begin, span.begin);
  };

  const Separators seps(pack);
  const std::vector<DigitNumber> digit_numbers = ScanDigitNumbers(s, seps);
  std::vector<Token> tokens;
  for (const DigitNumber& num : digit_numbers) {
    if (!inside_any(num.span, atoms) && !next_to_month(num.span)) tokens.push_back(Token{num.span, &num});
  }
  for (const Mention& m : mentions) {
    if (m.kind != MentionKind::kNumber || m.entry >= pack.numbers.size() || !valid_span(m.span)) continue;
    if (inside_any(m.span, atoms)) continue;
    const NumberEntry& entry = pack.numbers[m.entry];
    if (entry.value < 0 || entry.value > kMaxCount) continue;
    tokens.push_back(Token{m.span, nullptr, entry.value, entry.kind == NumberKind::kMultiplier});
  }
  drop_overlapping(tokens);
  {
    std::vector<Atom> numbers = NumberAtoms(s, tokens);
    atoms.insert(atoms.end(), numbers.begin(), numbers.end());
    drop_overlapping(atoms);
  }

  // Modifiers that overlap a number ("and" inside "one hundred and five")
  // are part of it.
  std::erase_if(modifiers, [&](const Modifier& m) { return inside_any(m.span, atoms); });
  drop_overlapping(modifiers);

  // The modifier ending right before `pos` with only spaces between, if any.
  auto modifier_before = [&](uint32_t pos) -> Modifier* {
    auto it = std::upper_bound(modifiers.begin(), modifiers.end(), pos,
                               [](uint32_t p, const Modifier& m) { return p < m.span.end; });
    if (it == modifiers.begin()) return nullptr;
    --it;
    if (it->used || !OnlySpacesOrApostrophes(s, it->span.end, pos)) return nullptr;
    return &*it;
  };
  auto modifier_after = [&](uint32_t pos) -> Modifier* {
    auto it = std::lower_bound(modifiers.begin(), modifiers.end(), pos,
                               [](const Modifier& m, uint32_t p) { return m.span.begin < p; });
    if (it == modifiers.end() || it->used || !OnlySpaces(s, pos, it->span.begin)) return nullptr;
    return &*it;
  };
  auto rangeable = [](const Atom& a, const Atom& b) {
    return a.IsPoint() && b.IsPoint() && *a.count.best < *b.count.best && !(a.YearLike() && b.YearLike());
  };
  auto single_dash_between = [&](uint32_t begin, uint32_t end) {
    int dashes = 0;
    for (size_t pos = begin; pos < end;) {
      const Cp cp = At(s, pos);
      if (IsDashCp(cp.c)) {
        ++dashes;
      } else if (!IsSpaceCp(cp.c)) {
        return false;
      }
      pos += cp.len;
    }
    return dashes == 1;
  };

  std::vector<Built> built;
  for (size_t idx = 0; idx < atoms.size(); ++idx) {
    Built b{atoms[idx], atoms[idx].span};
    if (idx + 1 < atoms.size()) {
      const Atom& next = atoms[idx + 1];
      Modifier* joiner = modifier_after(b.atom.span.end);
      const bool joined = joiner && joiner->kind == QuantifierKind::kRangeJoiner &&
                          OnlySpaces(s, joiner->span.end, next.span.begin);
      const bool dashed = !joined && b.atom.digits && next.digits &&
                          single_dash_between(b.atom.span.end, next.span.begin);
      if ((joined || dashed) && rangeable(b.atom, next)) {
        Atom range;
        range.span = Span{b.atom.span.begin, next.span.end};
        range.count.low = *b.atom.count.best;
        range.count.high = *next.count.best;
        range.written = b.atom.written && next.written;
        range.digits = b.atom.digits && next.digits;
        if (joined) joiner->used = true;
        b.atom = range;
        b.span = range.span;
        b.is_range = true;
        if (Modifier* between = modifier_before(range.span.begin);
            between && between->kind == QuantifierKind::kBetween) {
          between->used = true;
          b.span.begin = between->span.begin;
        }
        ++idx;
      }
    }
    // Modifiers, nearest first: "dont au moins 10" is a sub-count with low 10.
    for (int depth = 0; depth < 4; ++depth) {
      Modifier* m = modifier_before(b.span.begin);
      if (!m || m->kind == QuantifierKind::kBetween || m->kind == QuantifierKind::kRangeJoiner) break;
      m->used = true;
      b.span.begin = m->span.begin;
      b.modified = true;
      if (m->kind == QuantifierKind::kIncluding) {
        b.sub_count = true;
      } else if (m->kind == QuantifierKind::kAnother) {
        b.another = true;
      } else {
        ApplyBound(m->kind, b.atom);
      }
    }
    // "deux autres civils": some languages put "another" after the number.
    // It belongs to this number unless another number follows it directly.
    if (Modifier* m = modifier_after(b.span.end); m && m->kind == QuantifierKind::kAnother) {
      const bool next_number = idx + 1 < atoms.size() && OnlySpaces(s, m->span.end, atoms[idx + 1].span.begin);
      if (!next_number) {
        m->used = true;
        b.span.end = m->span.end;
        b.another = true;
        b.modified = true;
      }
    }
    built.push_back(b);
  }

  std::vector<Quantity> out;
  out.reserve(built.size());
  for (const Built& b : built) {
    Quantity q;
    q.span = b.span;
    q.number_span = b.atom.span;
    q.count = b.atom.count;
    if (q.count.low && q.count.high && *q.count.low > *q.count.high) q.count.high.reset();
    q.approximate = b.atom.approximate;
    q.sub_count = b.sub_count;
    q.another = b.another;
    q.written = b.atom.written;
    q.is_year_like = !b.modified && !b.is_range && b.atom.YearLike();
    if (!out.empty() && out.back().span.end > q.span.begin) continue;
    out.push_back(q);
  }
  return out;
}

}  // namespace sitrep
