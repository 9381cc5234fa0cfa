#include "sitrep/taxonomy.h"

#include <array>

namespace sitrep {
namespace {

// Spelled exactly as in ACLED's codebook; exports depend on these strings.
constexpr std::array<std::string_view, 3> kBattles = {"Armed clash", "Government regains territory",
                                                      "Non-state actor overtakes territory"};
constexpr std::array<std::string_view, 6> kExplosions = {"Chemical weapon",
                                                         "Air/drone strike",
                                                         "Suicide bomb",
                                                         "Shelling/artillery/missile attack",
                                                         "Remote explosive/landmine/IED",
                                                         "Grenade"};
constexpr std::array<std::string_view, 3> kViolenceAgainstCivilians = {
    "Sexual violence", "Attack", "Abduction/forced disappearance"};
constexpr std::array<std::string_view, 3> kProtests = {
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters"};
constexpr std::array<std::string_view, 2> kRiots = {"Violent demonstration", "Mob violence"};
constexpr std::array<std::string_view, 8> kStrategicDevelopments = {
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other"};

constexpr std::array<EventTypeInfo, 6> kEventTypes = {{
    {"Battles", kBattles},
    {"Explosions/Remote violence", kExplosions},
    {"Violence against civilians", kViolenceAgainstCivilians},
    {"Protests", kProtests},
    {"Riots", kRiots},
    {"Strategic developments", kStrategicDevelopments},
}};

}  // namespace

std::span<const EventTypeInfo> EventTypes() { return kEventTypes; }

bool IsValidEventType(std::string_view event_type, std::string_view sub_event_type) {
  for (const EventTypeInfo& type : kEventTypes) {
    if (type.name != event_type) continue;
    if (sub_event_type.empty()) return true;
    for (std::string_view sub : type.sub_event_types) {
      if (sub == sub_event_type) return true;
    }
    return false;
  }
  return false;
}

std::string_view EventTypeOfSubEvent(std::string_view sub_event_type) {
  for (const EventTypeInfo& type : kEventTypes) {
    for (std::string_view sub : type.sub_event_types) {
      if (sub == sub_event_type) return type.name;
    }
  }
  return {};
}

}  // namespace sitrep
