// The store's encoding of an Event (a report or a merged event) as a JSON
// document in the `record` columns. Internal: the user-facing JSON is
// output.h's; this one only has to round-trip every field exactly.
#pragma once

#include <string>

#include "sitrep/error.h"
#include "sitrep/event.h"

namespace sitrep::store {

std::string EncodeRecord(const Event& event);

// Fails with kCorrupt when `text` is not a record this code wrote.
Result<Event> DecodeRecord(const std::string& text);

// Evidence spans alone, as JSON ({"field": [[b, e], ...]}).
std::string EncodeEvidence(const std::map<std::string, std::vector<Span>>& evidence);

}  // namespace sitrep::store
