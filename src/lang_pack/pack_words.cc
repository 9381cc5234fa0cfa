#include "lang_pack/pack_words.h"

#include <charconv>

namespace sitrep {

std::optional<MentionKind> ParseMentionKind(std::string_view name) {
  for (int k = 0; k < static_cast<int>(MentionKind::kCount); ++k) {
    const auto kind = static_cast<MentionKind>(k);
    if (name == MentionKindName(kind)) return kind;
  }
  return std::nullopt;
}

namespace {

// The shortest decimal that reads back as `value`: -1, -0.5, 0.25.
std::string ShortestDecimal(double value) {
  char buffer[32];
  const auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return ec == std::errc() ? std::string(buffer, ptr) : std::string();
}

}  // namespace

std::vector<std::string> ExampleValues(const LanguagePack& pack, MentionKind kind, size_t index) {
  if (index >= pack.EntryCount(kind)) return {};
  switch (kind) {
    case MentionKind::kTrigger: {
      const TriggerEntry& e = pack.triggers[index];
      return {e.event_type, e.sub_event_type};
    }
    case MentionKind::kCasualty:
      return {std::string(WordOf(kCasualtyKindWords, pack.casualties[index].kind))};
    case MentionKind::kWeapon: {
      const WeaponEntry& e = pack.weapons[index];
      if (e.sub_event_type.empty()) return {e.weapon};
      return {e.weapon, e.sub_event_type};
    }
    case MentionKind::kActor:
      return {pack.actors[index].actor};
    case MentionKind::kVictim:
      return {std::string(WordOf(kVictimCategoryWords, pack.victims[index].category))};
    case MentionKind::kNumber:
      return {std::to_string(pack.numbers[index].value)};
    case MentionKind::kQuantifier: {
      const QuantifierEntry& e = pack.quantifiers[index];
      std::vector<std::string> values = {std::string(WordOf(kQuantifierKindWords, e.kind))};
      if (e.kind == QuantifierKind::kRange) {
        values.push_back(std::to_string(e.low) + "-" + std::to_string(e.high));
      }
      return values;
    }
    case MentionKind::kDateWord: {
      const DateWordEntry& e = pack.date_words[index];
      return {std::string(WordOf(kDateWordKindWords, e.kind)), std::to_string(e.value)};
    }
    case MentionKind::kAttribution:
      return {std::string(WordOf(kAttributionKindWords, pack.attributions[index].kind))};
    case MentionKind::kDenial:
      return {std::string(WordOf(kDenialStanceWords, pack.denials[index].stance))};
    case MentionKind::kNegation:
      return {};
    case MentionKind::kHedge:
      return {std::string(WordOf(kHedgeKindWords, pack.hedges[index].kind))};
    case MentionKind::kOpinion:
      return {ShortestDecimal(pack.opinions[index].polarity)};
    case MentionKind::kPlaceCue:
      return {std::string(WordOf(kPlaceCueRoleWords, pack.place_cues[index].role))};
    case MentionKind::kLandmark:
      return {std::to_string(pack.landmarks[index].geonames_id)};
    case MentionKind::kExonym:
      return {std::to_string(pack.exonyms[index].geonames_id)};
    case MentionKind::kCount:
      break;
  }
  return {};
}

}  // namespace sitrep
