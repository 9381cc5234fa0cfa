// The words a pack file uses for enum columns ("killed", "at_least", ...)
// and the values an examples.tsv row may give for an entry. Shared by the
// loader, the examples test and whatever prints pack entries; the words are
// part of the pack format (docs/language-packs.md), not of any language.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/lang_pack.h"

namespace sitrep {

template <typename Enum>
struct EnumWord {
  std::string_view word;
  Enum value;
};

inline constexpr EnumWord<CasualtyKind> kCasualtyKindWords[] = {
    {"killed", CasualtyKind::kKilled},     {"injured", CasualtyKind::kInjured},
    {"missing", CasualtyKind::kMissing},   {"abducted", CasualtyKind::kAbducted},
    {"detained", CasualtyKind::kDetained}, {"unharmed", CasualtyKind::kUnharmed},
};
inline constexpr EnumWord<ActorRole> kActorRoleWords[] = {
    {"armed", ActorRole::kArmed}, {"victim", ActorRole::kVictim}, {"any", ActorRole::kAny}};
inline constexpr EnumWord<VictimCategory> kVictimCategoryWords[] = {
    {"people", VictimCategory::kPeople},         {"civilians", VictimCategory::kCivilians},
    {"children", VictimCategory::kChildren},     {"women", VictimCategory::kWomen},
    {"soldiers", VictimCategory::kSoldiers},     {"police", VictimCategory::kPolice},
    {"protesters", VictimCategory::kProtesters},
};
inline constexpr EnumWord<NumberKind> kNumberKindWords[] = {
    {"unit", NumberKind::kUnit}, {"multiplier", NumberKind::kMultiplier}};
inline constexpr EnumWord<QuantifierKind> kQuantifierKindWords[] = {
    {"range", QuantifierKind::kRange},
    {"at_least", QuantifierKind::kAtLeast},
    {"more_than", QuantifierKind::kMoreThan},
    {"up_to", QuantifierKind::kUpTo},
    {"about", QuantifierKind::kAbout},
    {"including", QuantifierKind::kIncluding},
    {"another", QuantifierKind::kAnother},
    {"between", QuantifierKind::kBetween},
    {"range_joiner", QuantifierKind::kRangeJoiner},
};
inline constexpr EnumWord<DateWordKind> kDateWordKindWords[] = {
    {"month", DateWordKind::kMonth},
    {"weekday", DateWordKind::kWeekday},
    {"day_offset", DateWordKind::kDayOffset},
    {"week_offset", DateWordKind::kWeekOffset},
    {"month_offset", DateWordKind::kMonthOffset},
    {"year_offset", DateWordKind::kYearOffset},
    {"past", DateWordKind::kPast},
};
inline constexpr EnumWord<AttributionKind> kAttributionKindWords[] = {
    {"say", AttributionKind::kSay}, {"according_to", AttributionKind::kAccordingTo}};
inline constexpr EnumWord<DenialStance> kDenialStanceWords[] = {
    {"denies", DenialStance::kDenies}, {"blames_other", DenialStance::kBlamesOther}};
inline constexpr EnumWord<HedgeKind> kHedgeKindWords[] = {
    {"hedge", HedgeKind::kHedge},
    {"future", HedgeKind::kFuture},
    {"conditional", HedgeKind::kConditional},
    {"threat", HedgeKind::kThreat},
    {"plan", HedgeKind::kPlan},
    {"background", HedgeKind::kBackground},
    {"interception", HedgeKind::kInterception},
};
inline constexpr EnumWord<PlaceCueRole> kPlaceCueRoleWords[] = {
    {"in", PlaceCueRole::kIn},
    {"near", PlaceCueRole::kNear},
    {"region", PlaceCueRole::kRegion},
    {"district", PlaceCueRole::kDistrict},
    {"settlement", PlaceCueRole::kSettlement},
    {"between", PlaceCueRole::kBetween},
};

template <typename Enum, size_t N>
std::optional<Enum> ParseWord(const EnumWord<Enum> (&words)[N], std::string_view word) {
  for (const auto& w : words) {
    if (w.word == word) return w.value;
  }
  return std::nullopt;
}

template <typename Enum, size_t N>
std::string_view WordOf(const EnumWord<Enum> (&words)[N], Enum value) {
  for (const auto& w : words) {
    if (w.value == value) return w.word;
  }
  return {};
}

// "a, b or c": the words of a table, for error messages.
template <typename Enum, size_t N>
std::string WordList(const EnumWord<Enum> (&words)[N]) {
  std::string out;
  for (size_t i = 0; i < N; ++i) {
    if (i > 0) out += (i + 1 == N) ? " or " : ", ";
    out += words[i].word;
  }
  return out;
}

// The kind named `name` as examples.tsv writes it (MentionKindName).
std::optional<MentionKind> ParseMentionKind(std::string_view name);

// The values an examples.tsv row may give for entry `index` of table `kind`
// (docs/language-packs.md, "examples.tsv"); empty when the kind takes none.
std::vector<std::string> ExampleValues(const LanguagePack& pack, MentionKind kind, size_t index);

}  // namespace sitrep
