#include "gazetteer/name_keys.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <mutex>
#include <string>

#include "sitrep/normalize.h"
#include "sitrep/text.h"

namespace sitrep::gazetteer_internal {
namespace {

// Unescapes \s (space), \t (tab) and \\ in a rules field.
std::string Unescape(std::string_view field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 1 < field.size()) {
      const char next = field[i + 1];
      if (next == 's') { out += ' '; ++i; continue; }
      if (next == 't') { out += '\t'; ++i; continue; }
      if (next == '\\') { out += '\\'; ++i; continue; }
    }
    out += field[i];
  }
  return out;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Collapses runs of white space to one space and trims.
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

enum class ScriptKind { kLatin, kCyrillic, kOther };

ScriptKind ScriptOf(std::string_view folded) {
  bool latin_only = true;
  for (size_t i = 0; i < folded.size();) {
    size_t len = 1;
    const char32_t cp = DecodeUtf8(folded, i, &len);
    if (len == 0) len = 1;
    i += len;
    if (cp < 0x80) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
    if (U_FAILURE(status)) continue;
    if (script == USCRIPT_CYRILLIC) return ScriptKind::kCyrillic;
    if (script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
      latin_only = false;
    }
  }
  return latin_only ? ScriptKind::kLatin : ScriptKind::kOther;
}

}  // namespace

uint64_t Fnv1a64(std::string_view bytes, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

Result<SkeletonRules> SkeletonRules::Parse(std::string_view text, std::string_view source) {
  SkeletonRules rules;
  size_t line_no = 0;
  size_t pos = 0;
  auto where = [&]() { return std::string(source) + ":" + std::to_string(line_no) + ": "; };
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '@') {
      if (line == "@pass") {
        rules.passes_.push_back(Pass{});
      } else if (line == "@collapse") {
        rules.passes_.push_back(Pass{true, {}});
      } else {
        return MakeError(ErrorCode::kInvalidInput,
                         where() + "unknown directive '" + std::string(line) + "'");
      }
      continue;
    }
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return MakeError(ErrorCode::kInvalidInput, where() + "1 column, expected 2 (from, to)");
    }
    if (line.find('\t', tab + 1) != std::string_view::npos) {
      return MakeError(ErrorCode::kInvalidInput, where() + "more than 2 columns");
    }
    if (rules.passes_.empty() || rules.passes_.back().collapse) {
      return MakeError(ErrorCode::kInvalidInput, where() + "rule outside an @pass section");
    }
    Rule rule;
    rule.from = Unescape(line.substr(0, tab));
    if (rule.from.empty()) {
      return MakeError(ErrorCode::kInvalidInput, where() + "empty 'from'");
    }
    std::string_view to = line.substr(tab + 1);
    size_t start = 0;
    while (true) {
      const size_t bar = to.find('|', start);
      rule.to.push_back(Unescape(to.substr(start, bar == std::string_view::npos ? to.npos : bar - start)));
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
    rules.passes_.back().rules.push_back(std::move(rule));
  }
  for (Pass& pass : rules.passes_) {
    std::stable_sort(pass.rules.begin(), pass.rules.end(),
                     [](const Rule& a, const Rule& b) { return a.from.size() > b.from.size(); });
  }
  return rules;
}

std::vector<std::string> SkeletonRules::Apply(std::string_view latin) const {
  std::vector<std::string> variants{std::string(latin)};
  for (const Pass& pass : passes_) {
    std::vector<std::string> next;
    for (const std::string& input : variants) {
      if (pass.collapse) {
        std::string out;
        for (char c : input) {
          if (!out.empty() && out.back() == c && static_cast<unsigned char>(c) < 0x80) continue;
          out += c;
        }
        next.push_back(std::move(out));
        continue;
      }
      // Invariant: `forks` holds the outputs so far of this input; each
      // rule with alternatives multiplies them, up to the cap.
      std::vector<std::string> forks{std::string()};
      for (size_t i = 0; i < input.size();) {
        const Rule* match = nullptr;
        for (const Rule& rule : pass.rules) {
          if (input.compare(i, rule.from.size(), rule.from) == 0) {
            match = &rule;
            break;
          }
        }
        if (match == nullptr) {
          for (std::string& f : forks) f += input[i];
          ++i;
          continue;
        }
        i += match->from.size();
        const size_t base = forks.size();
        for (size_t alt = 1; alt < match->to.size(); ++alt) {
          for (size_t f = 0; f < base && forks.size() + next.size() < kMaxSkeletonVariants; ++f) {
            forks.push_back(forks[f] + match->to[alt]);
          }
        }
        for (size_t f = 0; f < base; ++f) forks[f] += match->to[0];
      }
      for (std::string& f : forks) next.push_back(std::move(f));
    }
    std::vector<std::string> distinct;
    for (std::string& v : next) {
      if (std::find(distinct.begin(), distinct.end(), v) == distinct.end()) {
        distinct.push_back(std::move(v));
      }
    }
    variants = std::move(distinct);
  }
  return variants;
}

struct NameKeyMaker::Icu {
  std::unique_ptr<icu::Transliterator> ukrainian;
  std::unique_ptr<icu::Transliterator> russian;
  std::unique_ptr<icu::Transliterator> any;
  std::unique_ptr<icu::Transliterator> latin_ascii;
  bool tried_ukrainian = false;
  bool tried_russian = false;
  bool tried_any = false;
  bool tried_latin_ascii = false;
};

NameKeyMaker::~NameKeyMaker() = default;

Result<std::unique_ptr<NameKeyMaker>> NameKeyMaker::Create(std::string_view rules_text,
                                                           std::string_view source) {
  auto rules = SkeletonRules::Parse(rules_text, source);
  if (!rules) return tl::unexpected(rules.error());
  std::unique_ptr<NameKeyMaker> maker(new NameKeyMaker());
  maker->rules_ = std::move(*rules);
  return maker;
}

std::string NameKeyMaker::ExactForm(std::string_view name) {
  return CollapseSpaces(FoldForMatch(name));
}

std::vector<std::string> NameKeyMaker::LatinForms(std::string_view name,
                                                  std::string_view folded) const {
  std::vector<std::string> forms;
  if (IsAscii(folded)) {
    forms.emplace_back(folded);
    return forms;
  }
  const ScriptKind script = ScriptOf(folded);
  // The transliterators do not depend on the rules, so one set serves every
  // index in the process; each is built on first use (Any-Latin alone takes
  // about 20 ms). ICU transliterators are not safe for concurrent use.
  static std::mutex icu_mu;
  static Icu icu;
  std::lock_guard<std::mutex> lock(icu_mu);
  auto get = [](std::unique_ptr<icu::Transliterator>& slot, bool& tried, const char* id) {
    if (!tried) {
      tried = true;
      UErrorCode status = U_ZERO_ERROR;
      slot.reset(icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id),
                                                     UTRANS_FORWARD, status));
      if (U_FAILURE(status)) slot.reset();
    }
    return slot.get();
  };
  auto run = [&](const icu::Transliterator* t, std::string_view input) {
    if (t == nullptr) return;
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(input.data(), static_cast<int32_t>(input.size())));
    t->transliterate(s);
    std::string out;
    s.toUTF8String(out);
    out = CollapseSpaces(FoldForMatch(out));
    if (!out.empty() && std::find(forms.begin(), forms.end(), out) == forms.end()) {
      forms.push_back(std::move(out));
    }
  };
  switch (script) {
    case ScriptKind::kLatin:
      run(get(icu.latin_ascii, icu.tried_latin_ascii, "Latin-ASCII"), folded);
      break;
    case ScriptKind::kCyrillic: {
      // The BGN tables read letters the fold would change (й, ї), so they
      // get the name as written, in lower case.
      icu::UnicodeString lower = icu::UnicodeString::fromUTF8(
          icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
      lower.toLower();
      std::string lowered;
      lower.toUTF8String(lowered);
      // The BGN tables exist in ICU 60 and later; without them Cyrillic
      // falls back to Any-Latin.
      const icu::Transliterator* uk =
          get(icu.ukrainian, icu.tried_ukrainian, "Ukrainian-Latin/BGN; Latin-ASCII");
      const icu::Transliterator* ru =
          get(icu.russian, icu.tried_russian, "Russian-Latin/BGN; Latin-ASCII");
      run(uk, lowered);
      run(ru, lowered);
      if (uk == nullptr && ru == nullptr) run(get(icu.any, icu.tried_any, "Any-Latin; Latin-ASCII"), folded);
      break;
    }
    case ScriptKind::kOther:
      run(get(icu.any, icu.tried_any, "Any-Latin; Latin-ASCII"), folded);
      break;
  }
  return forms;
}

void NameKeyMaker::Keys(std::string_view name, bool skeleton, std::vector<std::string>& keys) const {
  auto add = [&keys](std::string key) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  };
  const std::string folded = ExactForm(name);
  if (folded.empty()) return;
  add(kExactPrefix + folded);
  if (!skeleton) return;
  for (const std::string& latin : LatinForms(name, folded)) {
    for (std::string& s : rules_.Apply(latin)) {
      if (s.size() < kMinSkeletonBytes) continue;
      add(kSkeletonPrefix + s);
    }
  }
}

}  // namespace sitrep::gazetteer_internal
