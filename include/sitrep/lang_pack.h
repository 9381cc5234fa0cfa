// Language packs: everything sitrep knows about a language, as data.
//
// A pack is a folder `data/lang/<code>/` of UTF-8 TSV files, one per concept
// (docs/language-packs.md gives the format with a sample of each file). The
// loader reads every pack the same way; no code path depends on which
// language it is. Bad rows are reported to the DiagnosticSink with
// file:line and skipped; a manifest whose format_version we cannot read is
// refused.
//
//   CollectingSink sink;
//   Result<LanguagePack> fr = LoadLanguagePack("data/lang/fr", sink);
//   Result<std::vector<LanguagePack>> all = LoadLanguagePacks("data/lang", sink);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/error.h"

namespace sitrep {

inline constexpr int kPackFormatVersion = 1;

// What a phrase in a pack means. The recogniser reports (kind, entry index
// in the pack's table of that kind, span).
enum class MentionKind : uint8_t {
  kTrigger,      // an event word: "bombarded", "frappe"
  kCasualty,     // "killed", "morts", "blessés"
  kWeapon,       // "missile", "drone"
  kActor,        // "Russian forces", "les occupants"
  kVictim,       // "civilians", "enfants"
  kNumber,       // a number word: "vingt", "twenty"
  kQuantifier,   // "at least", "une trentaine", "dozens"
  kDateWord,     // month and weekday names, "yesterday"
  kAttribution,  // "said", "selon"
  kDenial,       // "denied", "a nié"
  kNegation,     // "no", "aucun"
  kHedge,        // "could", "threatened", "since the invasion began"
  kOpinion,      // "evil", "maléfiques": tone only
  kPlaceCue,     // "near", "près de", "région de", "village of"
  kLandmark,     // "Zaporizhzhia nuclear power plant" -> a town
  kExonym,       // "Lougansk" -> a GeoNames id
  kCount         // number of kinds
};
const char* MentionKindName(MentionKind kind);

struct TriggerEntry {
  std::string phrase;
  std::string event_type;
  std::string sub_event_type;
  bool weak = false;  // needs a casualty, weapon or victim in its sentence
};

enum class CasualtyKind : uint8_t { kKilled, kInjured, kMissing, kAbducted, kDetained, kUnharmed };
struct CasualtyEntry {
  std::string phrase;
  CasualtyKind kind = CasualtyKind::kKilled;
};

struct WeaponEntry {
  std::string phrase;
  std::string weapon;          // canonical English name: "missile"
  std::string sub_event_type;  // the sub-type it implies, may be empty
};

enum class ActorRole : uint8_t { kArmed, kVictim, kAny };
struct ActorEntry {
  std::string phrase;
  std::string actor;  // canonical ACLED name; "{country}" is filled in later
  ActorRole role = ActorRole::kArmed;
  bool weak = false;  // an adjective ("russian"): only next to a trigger or weapon
};

enum class VictimCategory : uint8_t { kPeople, kCivilians, kChildren, kWomen, kSoldiers, kPolice, kProtesters };
struct VictimEntry {
  std::string phrase;
  VictimCategory category = VictimCategory::kPeople;
};

enum class NumberKind : uint8_t { kUnit, kMultiplier };
struct NumberEntry {
  std::string phrase;
  int64_t value = 0;
  NumberKind kind = NumberKind::kUnit;
};

enum class QuantifierKind : uint8_t {
  kRange,      // the phrase is itself a vague count: "une trentaine" low..high
  kAtLeast,    // "at least N": low = N
  kMoreThan,   // "more than N": low = N + 1
  kUpTo,       // "up to N": high = N
  kAbout,      // "about N": best = N, low..high from the pack's tolerance
  kIncluding,  // "including N children": a sub-count
  kAnother,    // "another N": added to an earlier count
  kBetween,    // "between" / "entre": opens "between N and M"
  kRangeJoiner,  // "to", "and", "à", "et": joins "N to M" into a range
};
struct QuantifierEntry {
  std::string phrase;
  QuantifierKind kind = QuantifierKind::kRange;
  int64_t low = 0;   // kRange only
  int64_t high = 0;  // kRange only
};

enum class DateWordKind : uint8_t {
  kMonth,        // value 1..12
  kWeekday,      // value 1 (Monday) .. 7 (Sunday)
  kDayOffset,    // "yesterday" -1, "today" 0
  kWeekOffset,   // "last week" -1
  kMonthOffset,  // "le mois dernier" -1
  kYearOffset,   // "last year" -1
  kPast,         // "last", "dernier", "pasado": the weekday before
};
struct DateWordEntry {
  std::string phrase;
  DateWordKind kind = DateWordKind::kMonth;
  int value = 0;
  // A month name that is also a common word ("may", "march"): a date only
  // next to a day number or a year.
  bool needs_day = false;
};

enum class AttributionKind : uint8_t { kSay, kAccordingTo };
struct AttributionEntry {
  std::string phrase;
  AttributionKind kind = AttributionKind::kSay;
};

enum class DenialStance : uint8_t { kDenies, kBlamesOther };
struct DenialEntry {
  std::string phrase;
  DenialStance stance = DenialStance::kDenies;
};

struct NegationEntry {
  std::string phrase;
};

enum class HedgeKind : uint8_t { kHedge, kFuture, kConditional, kThreat, kPlan, kBackground, kInterception };
struct HedgeEntry {
  std::string phrase;
  HedgeKind kind = HedgeKind::kHedge;
};

struct OpinionEntry {
  std::string phrase;
  double polarity = 0.0;  // -1..1
};

enum class PlaceCueRole : uint8_t { kIn, kNear, kRegion, kDistrict, kSettlement, kBetween };
struct PlaceCueEntry {
  std::string phrase;
  PlaceCueRole role = PlaceCueRole::kIn;
};

struct LandmarkEntry {
  std::string phrase;
  int64_t geonames_id = 0;  // the town it is in
  int geo_precision = 2;
};

struct ExonymEntry {
  std::string phrase;
  int64_t geonames_id = 0;
};

// "Харкові" -> try "Харків": strip `ending`, append `replacement`.
struct CaseEnding {
  std::string ending;
  std::string replacement;
};

// A sentence and one mention it must yield (examples.tsv).
struct PackExample {
  std::string sentence;
  MentionKind kind = MentionKind::kTrigger;
  std::string text;   // the matched words, as written in the sentence
  std::string value;  // optional: expected value ("20", "25-35", "Attack")
  int line = 0;
};

struct LanguagePack {
  std::string code;  // ISO 639-1: "fr"
  std::string name;  // "French"
  int format_version = kPackFormatVersion;
  std::string directory;  // where it was loaded from
  // Number formatting (manifest.tsv): "1 200" / "1,200" / "1.200".
  std::string decimal_separator = ".";        // one character
  std::string thousands_separators = ",";     // characters; ' ' stands for any space
  std::string date_order = "dmy";             // numeric dates: "dmy" or "mdy"

  std::vector<TriggerEntry> triggers;
  std::vector<CasualtyEntry> casualties;
  std::vector<WeaponEntry> weapons;
  std::vector<ActorEntry> actors;
  std::vector<VictimEntry> victims;
  std::vector<NumberEntry> numbers;
  std::vector<QuantifierEntry> quantifiers;
  std::vector<DateWordEntry> date_words;
  std::vector<AttributionEntry> attributions;
  std::vector<DenialEntry> denials;
  std::vector<NegationEntry> negations;
  std::vector<HedgeEntry> hedges;
  std::vector<OpinionEntry> opinions;
  std::vector<PlaceCueEntry> place_cues;
  std::vector<LandmarkEntry> landmarks;
  std::vector<ExonymEntry> exonyms;
  std::vector<CaseEnding> case_endings;
  std::vector<std::string> place_stopwords;  // common words that are also place names
  std::vector<PackExample> examples;

  // The phrase of entry `index` of table `kind` (empty when out of range).
  std::string_view Phrase(MentionKind kind, size_t index) const;
  // Number of entries of table `kind`.
  size_t EntryCount(MentionKind kind) const;
};

// Loads one pack folder. Fails (kNotFound, kUnsupported, kInvalidInput) only
// when the manifest is missing, of an unknown version, or unreadable; bad
// rows elsewhere go to `sink` and are skipped.
[[nodiscard]] Result<LanguagePack> LoadLanguagePack(const std::string& directory,
                                                    DiagnosticSink& sink);

// Loads every sub-folder of `root` that has a manifest.tsv, sorted by code.
[[nodiscard]] Result<std::vector<LanguagePack>> LoadLanguagePacks(const std::string& root,
                                                                  DiagnosticSink& sink);

}  // namespace sitrep
