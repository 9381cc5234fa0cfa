// ACLED's event taxonomy: the six event types and their sub-event types, as
// spelled in ACLED's public codebook (DESIGN.md, "Taxonomy"). These are not
// language facts: every pack's triggers name them in English, and the loader
// checks them here.
//
//   if (!IsValidEventType("Battles", "Armed clash")) { ... }
//   for (const EventTypeInfo& t : EventTypes()) Print(t.name);
#pragma once

#include <span>
#include <string_view>

namespace sitrep {

struct EventTypeInfo {
  std::string_view name;                              // "Battles"
  std::span<const std::string_view> sub_event_types;  // "Armed clash", ...
};

// The six event types in ACLED's order. Static storage; thread-safe.
std::span<const EventTypeInfo> EventTypes();

// True when `event_type` is one of the six and `sub_event_type` is one of
// its sub-event types. An empty `sub_event_type` checks the type alone.
// Exact, case-sensitive comparison.
bool IsValidEventType(std::string_view event_type, std::string_view sub_event_type);

// The event type a sub-event type belongs to ("Grenade" ->
// "Explosions/Remote violence"); empty when `sub_event_type` is unknown.
std::string_view EventTypeOfSubEvent(std::string_view sub_event_type);

}  // namespace sitrep
