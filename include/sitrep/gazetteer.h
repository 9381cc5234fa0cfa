// The gazetteer: GeoNames places compiled into a memory-mapped index.
//
// Building reads GeoNames dumps (the `geoname` table: cities500, per-country
// files such as UA.txt, allCountries; alternateNamesV2; admin1CodesASCII,
// admin2Codes, countryInfo) and writes one `.gaz` file
// (docs/gazetteer-format.md). Every name of a place is stored under two kinds
// of key: its folded form (FoldForMatch) and its "skeletons", the Latin
// transliteration reduced by the romanisation-equivalence rules of
// data/gazetteer/skeleton.tsv, so that Харків, Харьков, Kharkiv, Kharkov and
// Charkiw meet. The rules are embedded in the file, so lookups always use the
// rules the index was built with.
//
// Opening maps the file and checks its header (magic, format version, rules
// hash, section bounds); it takes milliseconds. Lookups are binary searches
// over the mapped key table. The gazetteer sits before the geocoder
// (geocode.h), which picks one candidate per mention from the context.
//
//   CollectingSink sink;
//   GazetteerBuildOptions options;
//   options.geonames_files = {"cities500.txt"};
//   options.admin1_file = "admin1CodesASCII.txt";
//   Result<GazetteerBuildStats> stats = BuildGazetteer(options, "world.gaz", sink);
//   Result<Gazetteer> gaz = Gazetteer::Open("world.gaz");
//   for (const GazetteerCandidate& c : gaz->Lookup("Kharkov")) ...
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/error.h"

namespace sitrep {

// ---------------------------------------------------------------------------
// GeoNames rows and their loaders.
//
// Each loader parses UTF-8 text with one record a line. A bad row (wrong
// column count, a non-numeric id, a latitude out of range, ...) is reported
// to the sink as a kSkipped Diagnostic whose `where` is "source:line" and is
// counted; loading goes on. Loaders never fail on content; the file variants
// fail only with kNotFound or kIo when the file cannot be read. Thread-safe
// (no shared state).
// ---------------------------------------------------------------------------

// One row of the `geoname` table (19 tab-separated columns).
struct GeoNameRow {
  int64_t geonameid = 0;
  std::string name;        // UTF-8 main name
  std::string asciiname;
  std::vector<std::string> alternate_names;  // column 4, split on ','
  double latitude = 0.0;
  double longitude = 0.0;
  char feature_class = 0;    // 'P', 'A', 'H', ... (0 when empty)
  std::string feature_code;  // "PPLA2"
  std::string country_code;  // ISO2, may be empty
  std::string admin1_code;   // "07"
  std::string admin2_code;   // "6308"
  int64_t population = 0;
};

// One row of alternateNamesV2 (10 columns; the older 8-column
// alternateNames is accepted too).
struct AlternateNameRow {
  int64_t alternate_name_id = 0;
  int64_t geonameid = 0;
  std::string isolanguage;  // "uk", "fr", "" or a pseudo code: "post", "link", "iata", ...
  std::string name;
  bool is_preferred = false;
  bool is_short = false;
  bool is_colloquial = false;
  bool is_historic = false;
};

// One row of admin1CodesASCII ("UA.07") or admin2Codes ("UA.07.6308").
struct AdminCodeRow {
  std::string code;
  std::string name;
  std::string asciiname;
  int64_t geonameid = 0;
};

// One row of countryInfo ('#' lines are comments).
struct CountryInfoRow {
  std::string iso2;
  std::string iso3;
  std::string name;
  std::string capital;
  int64_t population = 0;
  int64_t geonameid = 0;
};

struct LoadStats {
  size_t rows = 0;     // rows delivered to the callback
  size_t skipped = 0;  // rows reported to the sink and dropped
};

// Parses `text`; calls `on_row` for each good row. `source` names the input
// in diagnostics ("UA.txt").
LoadStats ParseGeoNames(std::string_view text, std::string_view source, DiagnosticSink& sink,
                        const std::function<void(GeoNameRow&&)>& on_row);
LoadStats ParseAlternateNames(std::string_view text, std::string_view source,
                              DiagnosticSink& sink,
                              const std::function<void(AlternateNameRow&&)>& on_row);
LoadStats ParseAdminCodes(std::string_view text, std::string_view source, DiagnosticSink& sink,
                          const std::function<void(AdminCodeRow&&)>& on_row);
LoadStats ParseCountryInfo(std::string_view text, std::string_view source, DiagnosticSink& sink,
                           const std::function<void(CountryInfoRow&&)>& on_row);

// The same over a file (memory-mapped while parsing). Diagnostics name the
// file by its base name.
[[nodiscard]] Result<LoadStats> LoadGeoNamesFile(const std::string& path, DiagnosticSink& sink,
                                                 const std::function<void(GeoNameRow&&)>& on_row);
[[nodiscard]] Result<LoadStats> LoadAlternateNamesFile(
    const std::string& path, DiagnosticSink& sink,
    const std::function<void(AlternateNameRow&&)>& on_row);
[[nodiscard]] Result<LoadStats> LoadAdminCodesFile(
    const std::string& path, DiagnosticSink& sink,
    const std::function<void(AdminCodeRow&&)>& on_row);
[[nodiscard]] Result<LoadStats> LoadCountryInfoFile(
    const std::string& path, DiagnosticSink& sink,
    const std::function<void(CountryInfoRow&&)>& on_row);

// ---------------------------------------------------------------------------
// Building a .gaz index.
// ---------------------------------------------------------------------------

inline constexpr uint32_t kGazetteerFormatVersion = 1;

struct GazetteerBuildOptions {
  std::vector<std::string> geonames_files;         // geoname tables; a later row with
                                                   // a known id only adds names
  std::vector<std::string> alternate_names_files;  // alternateNamesV2, optional
  std::string admin1_file;                         // admin1CodesASCII.txt, optional
  std::string admin2_file;                         // admin2Codes.txt, optional
  std::string country_info_file;                   // countryInfo.txt, optional
  // Romanisation-equivalence rules; default: <data>/gazetteer/skeleton.tsv.
  std::string skeleton_rules_file;
  // "CODE<TAB>common English name" overrides for admin areas ("UA.07 Kharkiv");
  // default: <data>/gazetteer/admin-names.tsv when it exists.
  std::string admin_names_file;
  // Free text stored in the header ("GeoNames cities500 2023-03-05 + UA.txt");
  // default: the input file names.
  std::string source_description;
  // alternateNamesV2 pseudo-languages that are not names ("link", "post",
  // "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc") are skipped.
  bool skip_pseudo_languages = true;  // default: true
};

struct GazetteerBuildStats {
  size_t place_count = 0;
  size_t key_count = 0;
  size_t posting_count = 0;
  size_t skipped_rows = 0;  // over all inputs
  size_t file_bytes = 0;
  double seconds = 0.0;
};

// Builds `output_path` from the files in `options` (written to a temporary
// file, then renamed). Fails with kNotFound/kIo when a file cannot be read or
// written, kInvalidInput when the skeleton rules are malformed or no place was
// loaded. Bad rows go to `sink`. Thread-compatible.
[[nodiscard]] Result<GazetteerBuildStats> BuildGazetteer(const GazetteerBuildOptions& options,
                                                         const std::string& output_path,
                                                         DiagnosticSink& sink);

// The in-memory builder behind BuildGazetteer, for callers (tests, fetch)
// that have rows already. Add in any order; Write sorts.
class GazetteerBuilder {
 public:
  // `skeleton_rules` is the text of a skeleton.tsv. Fails with kInvalidInput
  // (naming the line) when a rule is malformed, kInternal when ICU's
  // transliterators are missing.
  [[nodiscard]] static Result<GazetteerBuilder> Create(std::string skeleton_rules,
                                                       DiagnosticSink& sink);
  GazetteerBuilder(GazetteerBuilder&&) noexcept;
  GazetteerBuilder& operator=(GazetteerBuilder&&) noexcept;
  ~GazetteerBuilder();
  GazetteerBuilder(const GazetteerBuilder&) = delete;  // owns large tables
  GazetteerBuilder& operator=(const GazetteerBuilder&) = delete;

  void AddPlace(GeoNameRow row);
  void AddAlternateName(const AlternateNameRow& row);  // ignored for unknown ids
  void AddAdmin1(const AdminCodeRow& row);
  void AddAdmin2(const AdminCodeRow& row);
  void AddCountry(const CountryInfoRow& row);
  void SetAdminCommonName(const std::string& code, const std::string& name);
  void SetSourceDescription(std::string description);
  size_t place_count() const;

  // Compiles and writes the index. Fails with kIo, or kInvalidInput when
  // there is no place.
  [[nodiscard]] Result<GazetteerBuildStats> Write(const std::string& output_path);

 private:
  struct Impl;
  explicit GazetteerBuilder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// ---------------------------------------------------------------------------
// Reading a .gaz index.
// ---------------------------------------------------------------------------

// A place as the index stores it.
struct GazetteerPlace {
  int64_t geonames_id = 0;
  std::string name;            // GeoNames main name
  char feature_class = 0;      // 'P', 'A', ...
  std::string feature_code;    // "PPLA", "ADM1"
  std::string country;         // ISO2
  std::string admin1_code;     // "07"
  std::string admin2_code;     // "6308"
  std::string admin1;          // common English name: "Kharkiv"
  std::string admin2;          // "Kupiansk"
  std::optional<double> lat;   // absent for an admin area with no known seat
  std::optional<double> lon;
  int64_t population = 0;
  int64_t seat_id = 0;         // admin areas: the capital's geonameid, 0 if unknown
  bool synthesized = false;    // made from an admin/country table, not a geoname row
};

enum class MatchKind : uint8_t {
  kExact,     // the folded name equals a folded name of the place
  kSkeleton,  // only the romanisation skeletons are equal
};
const char* MatchKindName(MatchKind kind);  // "exact", "skeleton"

// Where a matching name of the place came from.
enum class NameSource : uint8_t {
  kMain = 0,       // column 2
  kAscii = 1,      // column 3
  kAdmin = 2,      // admin table name / common name of an admin area or country
  kPreferred = 3,  // alternateNamesV2 row marked preferred or short
  kAlternate = 4,  // column 4 or an alternateNamesV2 row
  kHistoric = 5,   // alternateNamesV2 row marked historic or colloquial
};
const char* NameSourceName(NameSource source);

struct GazetteerCandidate {
  GazetteerPlace place;
  MatchKind match = MatchKind::kExact;
  NameSource source = NameSource::kAlternate;
  std::string key;  // the key that matched, for "why"
};

struct GazetteerInfo {
  uint32_t format_version = 0;
  std::string source_description;
  uint64_t rules_hash = 0;
  size_t place_count = 0;
  size_t key_count = 0;
  size_t posting_count = 0;
  size_t file_bytes = 0;
};

struct LookupOptions {
  bool skeleton = true;          // default: also match skeleton keys
  size_t max_candidates = 256;   // default: 256, best first
};

class Gazetteer {
 public:
  // Maps `path` and checks it. Fails with kNotFound/kIo when it cannot be
  // read, kCorrupt when the magic, sizes, bounds or rules hash are wrong,
  // kUnsupported for a format version this build cannot read (messages name
  // the file and what is wrong).
  [[nodiscard]] static Result<Gazetteer> Open(const std::string& path);
  // The same over bytes in memory (copied). For tests and fuzzing.
  [[nodiscard]] static Result<Gazetteer> OpenBytes(std::string_view bytes);

  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;  // owns a mapping
  Gazetteer& operator=(const Gazetteer&) = delete;

  const GazetteerInfo& info() const;

  // Candidates for `name` as written (any script, any case): exact matches
  // first, then skeleton matches; within each, main, ASCII, admin-table and
  // preferred names first, then populated places, admin areas, the rest, then
  // by population. Empty when nothing matches. Thread-safe.
  std::vector<GazetteerCandidate> Lookup(std::string_view name,
                                         const LookupOptions& options = {}) const;

  // The place with `geonames_id`, if the index has it. Thread-safe.
  std::optional<GazetteerPlace> FindById(int64_t geonames_id) const;

  // The keys `name` produces ("E:kharkiv", "S:harkav"): what Lookup
  // searches for. Thread-safe.
  std::vector<std::string> KeysFor(std::string_view name) const;

  // Country name for an ISO2 code from countryInfo ("" when unknown).
  std::string CountryName(std::string_view iso2) const;

 private:
  struct Impl;
  explicit Gazetteer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The default index path: <built-in data dir>/gazetteer/default.gaz. (The
// CLI lets $SITREP_GAZETTEER override it; the library reads no environment.)
std::string DefaultGazetteerPath();

// ---------------------------------------------------------------------------
// Downloading a country's dump.
// ---------------------------------------------------------------------------

struct FetchOptions {
  std::string country_code;  // "UA"
  // Where CC.zip and alternatenames/CC.zip are (default: GeoNames' server).
  std::string base_url = "https://download.geonames.org/export/dump";
  bool alternate_names = true;  // default: also fetch alternatenames/CC.zip
  long timeout_seconds = 600;   // default: 600, per download
  // Admin tables, rules and description for the build; geonames_files and
  // alternate_names_files are filled in by the fetch.
  GazetteerBuildOptions build;
};

// Downloads <base_url>/CC.zip (and alternatenames/CC.zip) with libcurl,
// extracts CC.txt with libarchive into a temporary folder beside
// `output_path`, builds the index there, and removes the folder. Fails with
// kInvalidInput for a bad country code, kIo for a failed download (the
// message has the URL and HTTP status) or a zip without CC.txt, and as
// BuildGazetteer does. A missing alternate-names zip (HTTP 404) is a warning.
[[nodiscard]] Result<GazetteerBuildStats> FetchGeoNamesCountry(const FetchOptions& options,
                                                               const std::string& output_path,
                                                               DiagnosticSink& sink);

}  // namespace sitrep
