#include "assemble/sentence_facts.h"

#include <algorithm>
#include <cstdlib>

#include "sitrep/text.h"

namespace sitrep::assemble_internal {
namespace {

// How far a number may sit from its casualty word, in word tokens. A number
// before the word ("20 personnes ont été tuées") may have the victim noun
// and auxiliaries between; one after it ("killed at least four people")
// is closer.
constexpr int kMaxTokensNumberBefore = 6;
constexpr int kMaxTokensNumberAfter = 4;
// A negation this close before an event or casualty word cancels it.
constexpr int kMaxTokensNegation = 3;
// A weak actor adjective must be this close to an event word or weapon.
constexpr int kMaxTokensWeakActor = 2;

int TokenIndexAtOrAfter(const std::vector<Token>& tokens, uint32_t offset) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                             [](const Token& t, uint32_t off) { return t.span.begin < off; });
  return static_cast<int>(it - tokens.begin());
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  auto is_trim = [](unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == ',' || c == ':' || c == '"' || c == '\'';
  };
  while (b < e && is_trim(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && is_trim(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// Typographic quote and dash characters that close a quoted clause.
bool StartsWithQuoteOrDash(std::string_view s) {
  static constexpr std::string_view kMarks[] = {"\u201c", "\u201d", "\u00ab", "\u00bb",
                                                "\u2013", "\u2014", "\""};
  for (auto m : kMarks) {
    if (s.substr(0, m.size()) == m) return true;
  }
  return false;
}

// The speaker of an attribution: the words after "according to", the
// capitalised words after an inverted "said", or the first clause before
// the verb.
std::optional<Speaker> FindSpeaker(std::string_view text, const SentenceAnalysis& s,
                                   const Mention& attribution, AttributionKind kind) {
  const auto& tokens = s.tokens;
  if (kind == AttributionKind::kAccordingTo) {
    int i = TokenIndexAtOrAfter(tokens, attribution.span.end);
    int j = i;
    while (j < static_cast<int>(tokens.size()) && j - i < 6 &&
           !ClauseBreakBetween(text, tokens[i].span, tokens[j].span)) {
      ++j;
    }
    if (j > i) {
      Span span{tokens[i].span.begin, tokens[j - 1].span.end};
      return Speaker{std::string(Slice(text, span)), span};
    }
    return std::nullopt;
  }
  // Inverted: "..., said Mayor Vitali Klitschko."
  int i = TokenIndexAtOrAfter(tokens, attribution.span.end);
  int j = i;
  while (j < static_cast<int>(tokens.size()) && tokens[j].capitalized && j - i < 5) ++j;
  if (j > i) {
    Span span{tokens[i].span.begin, tokens[j - 1].span.end};
    return Speaker{std::string(Slice(text, span)), span};
  }
  // Subject first: from the sentence start (or the last closing quote) to
  // the verb, first comma-separated part.
  uint32_t begin = s.sentence.span.begin;
  std::string_view before = text.substr(begin, attribution.span.begin - begin);
  for (size_t k = before.size(); k-- > 0;) {
    if (StartsWithQuoteOrDash(before.substr(k))) {
      begin += static_cast<uint32_t>(k + 1);
      while (begin < attribution.span.begin && !IsUtf8Boundary(text, begin)) ++begin;
      break;
    }
  }
  before = text.substr(begin, attribution.span.begin - begin);
  size_t comma = before.find(',');
  std::string_view part = comma == std::string_view::npos ? before : before.substr(0, comma);
  std::string name = Trim(part);
  if (name.empty() || name.size() > 120) return std::nullopt;
  const size_t offset = static_cast<size_t>(part.data() - text.data());
  const size_t at = std::string_view(text).find(name, offset);
  Span span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())};
  return Speaker{std::move(name), span};
}

}  // namespace

int TokensBetween(const std::vector<Token>& tokens, Span a, Span b) {
  if (b.begin < a.begin) std::swap(a, b);
  const int from = TokenIndexAtOrAfter(tokens, a.end);
  const int to = TokenIndexAtOrAfter(tokens, b.begin);
  return std::max(0, to - from);
}

bool ClauseBreakBetween(std::string_view text, Span a, Span b) {
  if (b.begin < a.begin) std::swap(a, b);
  if (a.end >= b.begin) return false;
  std::string_view gap = text.substr(a.end, b.begin - a.end);
  for (size_t i = 0; i < gap.size(); ++i) {
    const char c = gap[i];
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '.') return true;
    if (StartsWithQuoteOrDash(gap.substr(i)) && gap.substr(i, 1) != "\"") return true;
  }
  return false;
}

SentenceFacts ReadSentence(std::string_view text, const SentenceAnalysis& s, size_t index) {
  SentenceFacts out;
  out.index = index;
  const LanguagePack& pack = *s.pack;
  const auto& tokens = s.tokens;

  std::vector<Mention> negations;
  std::vector<Mention> casualties;
  std::vector<Mention> triggers;
  std::vector<Mention> actors;
  std::vector<Mention> victims;
  std::vector<std::pair<Mention, HedgeKind>> hedges;
  for (const Mention& m : s.mentions) {
    switch (m.kind) {
      case MentionKind::kNegation: negations.push_back(m); break;
      case MentionKind::kCasualty: casualties.push_back(m); break;
      case MentionKind::kTrigger: triggers.push_back(m); break;
      case MentionKind::kWeapon: out.weapons.push_back(m); break;
      case MentionKind::kActor: actors.push_back(m); break;
      case MentionKind::kVictim:
        victims.push_back(m);
        out.victims.push_back(pack.victims[m.entry].category);
        break;
      case MentionKind::kHedge: hedges.emplace_back(m, pack.hedges[m.entry].kind); break;
      case MentionKind::kDenial: {
        const DenialStance stance = pack.denials[m.entry].stance;
        if (!out.denial || stance == DenialStance::kBlamesOther) out.denial = stance;
        break;
      }
      case MentionKind::kAttribution:
        out.attribution_spans.push_back(m.span);
        if (!out.speaker) {
          out.speaker = FindSpeaker(text, s, m, pack.attributions[m.entry].kind);
        }
        break;
      case MentionKind::kOpinion:
        out.opinion += pack.opinions[m.entry].polarity;
        ++out.opinion_count;
        break;
      default: break;
    }
  }

  auto negated_before = [&](Span target) {
    for (const Mention& n : negations) {
      if (n.span.end <= target.begin && TokensBetween(tokens, n.span, target) <= kMaxTokensNegation &&
          !ClauseBreakBetween(text, n.span, target)) {
        return true;
      }
    }
    return false;
  };

  // Event words: drop negated ones ("did not attack").
  for (const Mention& t : triggers) {
    if (negated_before(t.span)) continue;
    out.triggers.push_back(t);
    if (!pack.triggers[t.entry].weak) out.has_strong_trigger = true;
  }
  const uint32_t first_event_word =
      !out.triggers.empty() ? out.triggers.front().span.begin
                            : (!out.weapons.empty() ? out.weapons.front().span.begin : UINT32_MAX);
  for (const auto& [m, kind] : hedges) {
    switch (kind) {
      case HedgeKind::kBackground: out.background = true; break;
      case HedgeKind::kInterception: out.intercepted = true; break;
      case HedgeKind::kHedge: out.hedged = true; break;
      case HedgeKind::kFuture:
      case HedgeKind::kConditional:
      case HedgeKind::kThreat:
      case HedgeKind::kPlan:
        if (m.span.begin < first_event_word) out.unreal = true;
        break;
    }
  }

  // Casualty counts: every (number, casualty word) pair close enough is a
  // candidate; the closest pairs are taken first, each number and word used
  // once. Victim nouns between them are free ("20 personnes ont été tuées");
  // a number after its word must not be across a clause break ("tuées, 5
  // blessées" ties 5 to "blessées").
  auto victims_between = [&](Span a, Span b) {
    if (b.begin < a.begin) std::swap(a, b);
    int n = 0;
    for (const Mention& v : victims) {
      if (v.span.begin >= a.end && v.span.end <= b.begin) ++n;
    }
    return n;
  };
  auto other_between = [&](Span a, Span b, size_t self_q, size_t self_c) {
    if (b.begin < a.begin) std::swap(a, b);
    for (size_t q = 0; q < s.quantities.size(); ++q) {
      if (q == self_q || s.quantities[q].sub_count) continue;
      const Span qs = s.quantities[q].span;
      if (qs.begin >= a.end && qs.end <= b.begin) return true;
    }
    for (size_t c = 0; c < casualties.size(); ++c) {
      if (c == self_c) continue;
      if (casualties[c].span.begin >= a.end && casualties[c].span.end <= b.begin) return true;
    }
    return false;
  };
  auto in_date = [&](Span q) {
    for (const DateMention& d : s.dates) {
      if (d.span.Overlaps(q)) return true;
    }
    return false;
  };
  struct Pair {
    int cost;
    size_t q, c;
  };
  std::vector<Pair> pairs;
  for (size_t q = 0; q < s.quantities.size(); ++q) {
    const Quantity& qty = s.quantities[q];
    if (qty.sub_count || qty.is_year_like || !qty.count.known() || in_date(qty.span)) continue;
    for (size_t c = 0; c < casualties.size(); ++c) {
      const Span cs = casualties[c].span;
      if (cs.Overlaps(qty.span)) continue;
      const bool before = qty.span.end <= cs.begin;
      const int gap = TokensBetween(tokens, qty.span, cs) - victims_between(qty.span, cs);
      if (gap > (before ? kMaxTokensNumberBefore : kMaxTokensNumberAfter)) continue;
      if (other_between(qty.span, cs, q, c)) continue;
      if (!before && ClauseBreakBetween(text, cs, qty.span)) continue;
      if (text.substr(std::min(qty.span.end, cs.end),
                      std::max(qty.span.begin, cs.begin) - std::min(qty.span.end, cs.end))
              .find(';') != std::string_view::npos) {
        continue;
      }
      // A written "one" is mostly an article ("a strike", "une frappe"):
      // it counts only right next to its word.
      const bool article_like = qty.written && qty.count.Point() == 1 && !qty.approximate;
      if (article_like && gap > 1) continue;
      pairs.push_back({gap * 2 + (before ? 0 : 1) + (article_like ? 4 : 0), q, c});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const Pair& a, const Pair& b) { return a.cost < b.cost; });
  std::vector<bool> quantity_used(s.quantities.size(), false);
  std::vector<bool> casualty_done(casualties.size(), false);
  auto make_fact = [&](size_t c, const Quantity* q) {
    CasualtyFact f;
    const CasualtyEntry& entry = pack.casualties[casualties[c].entry];
    f.kind = entry.kind;
    f.negated = negated_before(q ? q->span : casualties[c].span);
    if (entry.kind == CasualtyKind::kUnharmed) {
      f.count = CountRange{0, 0, 0};
    } else if (q) {
      f.count = q->count;
    } else if (f.negated) {
      f.count = CountRange{0, 0, 0};
    }
    Span a = casualties[c].span;
    Span b = q ? q->span : a;
    f.span = Span{std::min(a.begin, b.begin), std::max(a.end, b.end)};
    return f;
  };
  for (const Pair& p : pairs) {
    if (quantity_used[p.q] || casualty_done[p.c]) continue;
    out.facts.push_back(make_fact(p.c, &s.quantities[p.q]));
    quantity_used[p.q] = true;
    casualty_done[p.c] = true;
  }
  for (size_t c = 0; c < casualties.size(); ++c) {
    if (casualty_done[c]) continue;
    const CasualtyKind kind = pack.casualties[casualties[c].entry].kind;
    if (kind == CasualtyKind::kUnharmed || negated_before(casualties[c].span)) {
      out.facts.push_back(make_fact(c, nullptr));
      casualty_done[c] = true;
    }
  }
  // Sub-counts ("dont 10 enfants") go to the nearest killed fact before them.
  for (const Quantity& qty : s.quantities) {
    if (!qty.sub_count || !qty.count.Point()) continue;
    bool children = false;
    for (const Mention& v : victims) {
      if (v.span.begin >= qty.span.end && TokensBetween(tokens, qty.span, v.span) <= 1 &&
          pack.victims[v.entry].category == VictimCategory::kChildren) {
        children = true;
      }
    }
    if (!children) continue;
    CasualtyFact* target = nullptr;
    for (auto& f : out.facts) {
      if (f.kind == CasualtyKind::kKilled && f.span.begin < qty.span.begin) target = &f;
    }
    if (!target) {
      for (auto& f : out.facts) {
        if (f.kind == CasualtyKind::kKilled) target = &f;
      }
    }
    if (target) target->children = qty.count.Point();
  }
  std::sort(out.facts.begin(), out.facts.end(),
            [](const CasualtyFact& a, const CasualtyFact& b) { return a.span.begin < b.span.begin; });

  // The actor: a strong armed actor before the first event word (the
  // subject), else a weak adjective next to an event word or weapon
  // ("frappe russe"), else a weak adjective before it, else a strong one after.
  // Weak adjectives attach to the first event word, weapons and counts,
  // not to any event word ("... under Ukrainian control, which Kyiv retook").
  std::vector<Span> anchors;
  if (!out.triggers.empty()) anchors.push_back(out.triggers.front().span);
  for (const auto& w : out.weapons) anchors.push_back(w.span);
  for (const auto& f : out.facts) anchors.push_back(f.span);
  const uint32_t anchor_begin = first_event_word != UINT32_MAX
                                    ? first_event_word
                                    : (out.facts.empty() ? s.sentence.span.end
                                                         : out.facts.front().span.begin);
  auto consider = [&](const Mention& a, int strength) {
    if (strength > out.actor.strength) {
      out.actor = ActorPick{pack.actors[a.entry].actor, a.span, strength};
    }
  };
  for (const Mention& a : actors) {
    const ActorEntry& entry = pack.actors[a.entry];
    if (entry.role == ActorRole::kVictim) continue;
    if (!entry.weak) {
      consider(a, a.span.end <= anchor_begin ? 5 : 2);
      continue;
    }
    bool adjacent = false;
    for (const Span& anchor : anchors) {
      if (TokensBetween(tokens, a.span, anchor) <= kMaxTokensWeakActor &&
          !ClauseBreakBetween(text, a.span, anchor)) {
        adjacent = true;
      }
    }
    if (adjacent) {
      consider(a, 4);
    } else if (a.span.end <= anchor_begin) {
      consider(a, 3);
    }
  }
  return out;
}

}  // namespace sitrep::assemble_internal
