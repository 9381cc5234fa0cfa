// The pack loader: manifest.tsv first (code, format version, number
// formatting), then one TSV table per concept. Every table goes through
// LoadTable, which splits lines and cells, counts columns and reports a bad
// row as "path:line" with its reason before going on to the next row.
#include "sitrep/lang_pack.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "lang_pack/pack_words.h"
#include "sitrep/normalize.h"
#include "sitrep/taxonomy.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

// A pack table is a hand-written word list; anything this large is a wrong
// file, and reading it whole would only burn memory.
constexpr uintmax_t kMaxTableBytes = 64u << 20;
// docs/language-packs.md: stems shorter than this match too many words.
constexpr size_t kMinStemLetters = 4;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

struct Row {
  std::string where;  // "dir/triggers.tsv:12"
  int line = 0;
  std::vector<std::string_view> cells;
};

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

void Report(DiagnosticSink& sink, Diagnostic::Severity severity, std::string where,
            std::string message) {
  sink.Report(Diagnostic{severity, std::move(where), std::move(message)});
}

// Reads a whole file. A missing file is kNotFound; anything else kIo.
Result<std::string> ReadFile(const fs::path& path) {
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (ec || !exists) return MakeError(ErrorCode::kNotFound, path.string() + ": no such file");
  if (!fs::is_regular_file(path, ec) || ec) {
    return MakeError(ErrorCode::kIo, path.string() + ": not a regular file");
  }
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) return MakeError(ErrorCode::kIo, path.string() + ": " + ec.message());
  if (size > kMaxTableBytes) {
    return MakeError(ErrorCode::kTooLarge, path.string() + ": " + std::to_string(size) +
                                               " bytes, over the limit of " +
                                               std::to_string(kMaxTableBytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIo, path.string() + ": cannot open");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return MakeError(ErrorCode::kIo, path.string() + ": read failed");
  return bytes;
}

// Calls `visit(where, line_number, line)` for each line that is not blank or a comment,
// with the line's '\r' and the file's byte-order mark removed. Lines that are
// not UTF-8 are reported and skipped here.
template <typename Visit>
void ForEachLine(const std::string& path, std::string_view content, DiagnosticSink& sink,
                 Visit visit) {
  if (content.starts_with(kUtf8Bom)) content.remove_prefix(kUtf8Bom.size());
  int line_number = 0;
  while (!content.empty()) {
    ++line_number;
    const size_t eol = content.find('\n');
    std::string_view line = content.substr(0, eol);
    content.remove_prefix(eol == std::string_view::npos ? content.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (line.front() == '#') continue;
    std::string where = path + ":" + std::to_string(line_number);
    size_t bad = 0;
    if (!IsValidUtf8(line, &bad)) {
      Report(sink, Diagnostic::Severity::kSkipped, std::move(where),
             "invalid UTF-8 at byte " + std::to_string(bad) + " of the line");
      continue;
    }
    if (line.find('\0') != std::string_view::npos) {
      Report(sink, Diagnostic::Severity::kSkipped, std::move(where), "NUL byte in the line");
      continue;
    }
    visit(std::move(where), line_number, line);
  }
}

std::vector<std::string_view> SplitCells(std::string_view line) {
  std::vector<std::string_view> cells;
  while (true) {
    const size_t tab = line.find('\t');
    cells.push_back(TrimSpaces(line.substr(0, tab)));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  // Optional trailing columns may be left out or left empty.
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  return cells;
}

std::string ColumnCountMessage(size_t count, size_t min_cells, size_t max_cells) {
  std::string expected = std::to_string(min_cells);
  if (max_cells != min_cells) expected += " to " + std::to_string(max_cells);
  return std::to_string(count) + (count == 1 ? " column" : " columns") + ", expected " + expected;
}

// Loads one optional table: for every row with min..max cells, `parse(row)`
// returns an empty string when it accepted the row, or the reason to skip it.
template <typename Parse>
void LoadTable(const fs::path& dir, const char* file_name, size_t min_cells, size_t max_cells,
               DiagnosticSink& sink, Parse parse) {
  const fs::path path = dir / file_name;
  Result<std::string> content = ReadFile(path);
  if (!content) {
    if (content.error().code != ErrorCode::kNotFound) {
      Report(sink, Diagnostic::Severity::kSkipped, path.string(),
             content.error().message + "; table not loaded");
    }
    return;
  }
  ForEachLine(path.string(), *content, sink,
              [&](std::string where, int line_number, std::string_view line) {
                Row row{std::move(where), line_number, SplitCells(line)};
                if (row.cells.size() < min_cells || row.cells.size() > max_cells) {
                  Report(sink, Diagnostic::Severity::kSkipped, std::move(row.where),
                         ColumnCountMessage(row.cells.size(), min_cells, max_cells));
                  return;
                }
                std::string error = parse(row);
                if (!error.empty()) {
                  Report(sink, Diagnostic::Severity::kSkipped, std::move(row.where),
                         std::move(error));
                }
              });
}

bool IsWordChar(char32_t cp) { return u_isalnum(static_cast<UChar32>(cp)) != 0; }

// A phrase must fold to something with a letter or digit, and '*' may only
// end a word whose stem is not empty. A short stem is allowed but warned of.
std::string CheckPhrase(std::string_view phrase, const std::string& where, DiagnosticSink& sink) {
  if (phrase.empty()) return "empty phrase";
  const std::string folded = FoldForMatch(phrase);
  bool has_word_char = false;
  size_t stem_letters = 0;  // letters of the current word so far
  size_t offset = 0;
  while (offset < folded.size()) {
    size_t length = 1;
    const char32_t cp = DecodeUtf8(folded, offset, &length);
    if (cp == U'*') {
      if (stem_letters == 0) return "'*' must follow a word stem: '" + std::string(phrase) + "'";
      const size_t next = offset + length;
      if (next < folded.size() && folded[next] != ' ' && folded[next] != '-') {
        return "'*' may only end a word: '" + std::string(phrase) + "'";
      }
      if (stem_letters < kMinStemLetters) {
        Report(sink, Diagnostic::Severity::kWarning, where,
               "stem shorter than " + std::to_string(kMinStemLetters) + " letters: '" +
                   std::string(phrase) + "'");
      }
      stem_letters = 0;
    } else if (IsWordChar(cp)) {
      has_word_char = true;
      ++stem_letters;
    } else {
      stem_letters = 0;
    }
    offset += length;
  }
  if (!has_word_char) return "phrase has no letter or digit: '" + std::string(phrase) + "'";
  return {};
}

template <typename Int>
bool ParseInt(std::string_view s, Int& out) {
  if (s.empty()) return false;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool ParseDouble(std::string_view s, double& out) {
  if (s.empty()) return false;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

template <typename Enum, size_t N>
std::string ParseEnum(const EnumWord<Enum> (&words)[N], std::string_view column,
                      std::string_view word, Enum& out) {
  const std::optional<Enum> value = ParseWord(words, word);
  if (!value) {
    return "unknown " + std::string(column) + " '" + std::string(word) + "', expected " +
           WordList(words);
  }
  out = *value;
  return {};
}

// The optional `weak` column of triggers and actors.
std::string ParseWeak(const Row& row, size_t index, bool& weak) {
  weak = false;
  if (row.cells.size() <= index) return {};
  if (row.cells[index] != "weak") {
    return "unknown flag '" + std::string(row.cells[index]) + "', expected weak";
  }
  weak = true;
  return {};
}

std::string NotANumber(std::string_view column, std::string_view value) {
  return std::string(column) + " '" + std::string(value) + "' is not a number";
}

bool IsValidCode(std::string_view code) {
  if (code.empty() || code.size() > 16) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

size_t CodePointCount(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// manifest.tsv: `key TAB value`. Values are not trimmed for the separator
// keys, where a space is a meaningful character.
Status LoadManifest(const fs::path& dir, LanguagePack& pack, DiagnosticSink& sink) {
  const fs::path path = dir / "manifest.tsv";
  Result<std::string> content = ReadFile(path);
  if (!content) return tl::unexpected(content.error());

  struct Value {
    std::string key;
    std::string where;
    std::string value;
  };
  std::vector<Value> values;  // in file order, so diagnostics come in line order
  auto find = [&values](std::string_view key) {
    return std::find_if(values.begin(), values.end(), [&](const Value& v) { return v.key == key; });
  };
  ForEachLine(path.string(), *content, sink, [&](std::string where, int, std::string_view line) {
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      Report(sink, Diagnostic::Severity::kSkipped, std::move(where), "1 column, expected 2");
      return;
    }
    std::string key(TrimSpaces(line.substr(0, tab)));
    std::string_view value = line.substr(tab + 1);
    if (value.find('\t') != std::string_view::npos) {
      Report(sink, Diagnostic::Severity::kSkipped, std::move(where),
             "3 or more columns, expected 2");
      return;
    }
    if (key != "decimal_separator" && key != "thousands_separators") value = TrimSpaces(value);
    if (find(key) != values.end()) {
      Report(sink, Diagnostic::Severity::kSkipped, std::move(where),
             "duplicate key '" + key + "', first value kept");
      return;
    }
    values.push_back(Value{std::move(key), std::move(where), std::string(value)});
  });

  const auto version = find("format_version");
  if (version == values.end()) {
    return MakeError(ErrorCode::kInvalidInput, path.string() + ": format_version is missing");
  }
  const std::string& version_where = version->where;
  const std::string& version_text = version->value;
  if (!ParseInt(version_text, pack.format_version)) {
    return MakeError(ErrorCode::kInvalidInput,
                     version_where + ": format_version '" + version_text + "' is not a number");
  }
  if (pack.format_version != kPackFormatVersion) {
    return MakeError(ErrorCode::kUnsupported,
                     version_where + ": pack format version " + version_text +
                         " is not supported; this build of sitrep reads version " +
                         std::to_string(kPackFormatVersion));
  }
  const auto code = find("code");
  if (code == values.end()) {
    return MakeError(ErrorCode::kInvalidInput, path.string() + ": code is missing");
  }
  if (!IsValidCode(code->value)) {
    return MakeError(ErrorCode::kInvalidInput,
                     code->where + ": code '" + code->value + "' is not a language code");
  }
  pack.code = code->value;
  pack.name = pack.code;

  for (const auto& [key, where, value] : values) {
    if (key == "code" || key == "format_version") continue;
    if (key == "name") {
      if (!value.empty()) pack.name = value;
    } else if (key == "decimal_separator") {
      if (CodePointCount(value) != 1) {
        Report(sink, Diagnostic::Severity::kSkipped, where,
               "decimal_separator must be one character, got '" + value + "'");
      } else {
        pack.decimal_separator = value;
      }
    } else if (key == "thousands_separators") {
      pack.thousands_separators = value;
    } else if (key == "date_order") {
      if (value != "dmy" && value != "mdy") {
        Report(sink, Diagnostic::Severity::kSkipped, where,
               "unknown date_order '" + value + "', expected dmy or mdy");
      } else {
        pack.date_order = value;
      }
    } else {
      Report(sink, Diagnostic::Severity::kWarning, where, "unknown key '" + key + "' ignored");
    }
  }
  return {};
}

void LoadTables(const fs::path& dir, LanguagePack& pack, DiagnosticSink& sink) {
  LoadTable(dir, "triggers.tsv", 3, 4, sink, [&](const Row& row) -> std::string {
    TriggerEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    e.event_type = row.cells[1];
    e.sub_event_type = row.cells[2];
    if (!IsValidEventType(e.event_type, {})) {
      return "unknown event_type '" + e.event_type + "'";
    }
    if (!IsValidEventType(e.event_type, e.sub_event_type)) {
      return "sub_event_type '" + e.sub_event_type + "' is not a sub-event type of '" +
             e.event_type + "'";
    }
    if (auto err = ParseWeak(row, 3, e.weak); !err.empty()) return err;
    pack.triggers.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "casualties.tsv", 2, 2, sink, [&](const Row& row) -> std::string {
    CasualtyEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    if (auto err = ParseEnum(kCasualtyKindWords, "kind", row.cells[1], e.kind); !err.empty()) {
      return err;
    }
    pack.casualties.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "weapons.tsv", 2, 3, sink, [&](const Row& row) -> std::string {
    WeaponEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    e.weapon = row.cells[1];
    if (row.cells.size() > 2) {
      e.sub_event_type = row.cells[2];
      if (EventTypeOfSubEvent(e.sub_event_type).empty()) {
        return "unknown sub_event_type '" + e.sub_event_type + "'";
      }
    }
    pack.weapons.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "actors.tsv", 3, 4, sink, [&](const Row& row) -> std::string {
    ActorEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    e.actor = row.cells[1];
    if (auto err = ParseEnum(kActorRoleWords, "role", row.cells[2], e.role); !err.empty()) {
      return err;
    }
    if (auto err = ParseWeak(row, 3, e.weak); !err.empty()) return err;
    pack.actors.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "victims.tsv", 2, 2, sink, [&](const Row& row) -> std::string {
    VictimEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    if (auto err = ParseEnum(kVictimCategoryWords, "category", row.cells[1], e.category);
        !err.empty()) {
      return err;
    }
    pack.victims.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "numbers.tsv", 2, 3, sink, [&](const Row& row) -> std::string {
    NumberEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    if (!ParseInt(row.cells[1], e.value)) return NotANumber("value", row.cells[1]);
    if (e.value < 0) return "value " + std::to_string(e.value) + " is negative";
    if (row.cells.size() > 2) {
      if (auto err = ParseEnum(kNumberKindWords, "kind", row.cells[2], e.kind); !err.empty()) {
        return err;
      }
    }
    pack.numbers.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "quantifiers.tsv", 2, 4, sink, [&](const Row& row) -> std::string {
    QuantifierEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    if (auto err = ParseEnum(kQuantifierKindWords, "kind", row.cells[1], e.kind); !err.empty()) {
      return err;
    }
    if (e.kind == QuantifierKind::kRange) {
      if (row.cells.size() != 4) return "range needs low and high";
      if (!ParseInt(row.cells[2], e.low)) return NotANumber("low", row.cells[2]);
      if (!ParseInt(row.cells[3], e.high)) return NotANumber("high", row.cells[3]);
      if (e.low < 0 || e.low > e.high) {
        return "range " + std::to_string(e.low) + ".." + std::to_string(e.high) +
               " is not 0 <= low <= high";
      }
    } else if (row.cells.size() > 2) {
      return "low and high are only for kind range";
    }
    pack.quantifiers.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "dates.tsv", 2, 4, sink, [&](const Row& row) -> std::string {
    DateWordEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    if (auto err = ParseEnum(kDateWordKindWords, "kind", row.cells[1], e.kind); !err.empty()) {
      return err;
    }
    if (row.cells.size() < 3) {
      if (e.kind != DateWordKind::kPast)
        return "value missing for kind " + std::string(row.cells[1]);
    } else if (!ParseInt(row.cells[2], e.value)) {
      return NotANumber("value", row.cells[2]);
    }
    if (e.kind == DateWordKind::kMonth && (e.value < 1 || e.value > 12)) {
      return "month " + std::to_string(e.value) + " is not 1..12";
    }
    if (e.kind == DateWordKind::kWeekday && (e.value < 1 || e.value > 7)) {
      return "weekday " + std::to_string(e.value) + " is not 1..7";
    }
    if (row.cells.size() > 3) {
      if (row.cells[3] != "needs_day") {
        return "fourth column must be needs_day, got '" + std::string(row.cells[3]) + "'";
      }
      e.needs_day = true;
    }
    pack.date_words.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "attribution.tsv", 2, 2, sink, [&](const Row& row) -> std::string {
    AttributionEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    if (auto err = ParseEnum(kAttributionKindWords, "kind", row.cells[1], e.kind); !err.empty()) {
      return err;
    }
    pack.attributions.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "denial.tsv", 2, 2, sink, [&](const Row& row) -> std::string {
    DenialEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    if (auto err = ParseEnum(kDenialStanceWords, "stance", row.cells[1], e.stance); !err.empty()) {
      return err;
    }
    pack.denials.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "negation.tsv", 1, 1, sink, [&](const Row& row) -> std::string {
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    pack.negations.push_back(NegationEntry{std::string(row.cells[0])});
    return {};
  });

  LoadTable(dir, "hedges.tsv", 2, 2, sink, [&](const Row& row) -> std::string {
    HedgeEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    if (auto err = ParseEnum(kHedgeKindWords, "kind", row.cells[1], e.kind); !err.empty()) {
      return err;
    }
    pack.hedges.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "opinion.tsv", 2, 2, sink, [&](const Row& row) -> std::string {
    OpinionEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    if (!ParseDouble(row.cells[1], e.polarity)) return NotANumber("polarity", row.cells[1]);
    if (!(e.polarity >= -1.0 && e.polarity <= 1.0)) {
      return "polarity " + std::string(row.cells[1]) + " is not in -1..1";
    }
    pack.opinions.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "place_cues.tsv", 2, 2, sink, [&](const Row& row) -> std::string {
    PlaceCueEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    if (auto err = ParseEnum(kPlaceCueRoleWords, "role", row.cells[1], e.role); !err.empty()) {
      return err;
    }
    pack.place_cues.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "landmarks.tsv", 2, 3, sink, [&](const Row& row) -> std::string {
    LandmarkEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    if (!ParseInt(row.cells[1], e.geonames_id) || e.geonames_id <= 0) {
      return "geonameid '" + std::string(row.cells[1]) + "' is not a positive number";
    }
    if (row.cells.size() > 2 &&
        (!ParseInt(row.cells[2], e.geo_precision) || e.geo_precision < 1 || e.geo_precision > 3)) {
      return "geo_precision '" + std::string(row.cells[2]) + "' is not 1, 2 or 3";
    }
    pack.landmarks.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "exonyms.tsv", 2, 2, sink, [&](const Row& row) -> std::string {
    ExonymEntry e;
    if (auto err = CheckPhrase(row.cells[0], row.where, sink); !err.empty()) return err;
    e.phrase = row.cells[0];
    if (!ParseInt(row.cells[1], e.geonames_id) || e.geonames_id <= 0) {
      return "geonameid '" + std::string(row.cells[1]) + "' is not a positive number";
    }
    pack.exonyms.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "case_endings.tsv", 1, 2, sink, [&](const Row& row) -> std::string {
    CaseEnding e;
    e.ending = row.cells[0];
    if (row.cells.size() > 1) e.replacement = row.cells[1];
    pack.case_endings.push_back(std::move(e));
    return {};
  });

  LoadTable(dir, "place_stopwords.tsv", 1, 1, sink, [&](const Row& row) -> std::string {
    pack.place_stopwords.emplace_back(row.cells[0]);
    return {};
  });

  LoadTable(dir, "examples.tsv", 3, 4, sink, [&](const Row& row) -> std::string {
    PackExample e;
    e.sentence = row.cells[0];
    const std::optional<MentionKind> kind = ParseMentionKind(row.cells[1]);
    if (!kind) return "unknown mention kind '" + std::string(row.cells[1]) + "'";
    e.kind = *kind;
    e.text = row.cells[2];
    if (row.cells.size() > 3) e.value = row.cells[3];
    e.line = row.line;  // so the examples test can name the row that fails
    pack.examples.push_back(std::move(e));
    return {};
  });
}

}  // namespace

const char* MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kTrigger:
      return "trigger";
    case MentionKind::kCasualty:
      return "casualty";
    case MentionKind::kWeapon:
      return "weapon";
    case MentionKind::kActor:
      return "actor";
    case MentionKind::kVictim:
      return "victim";
    case MentionKind::kNumber:
      return "number";
    case MentionKind::kQuantifier:
      return "quantifier";
    case MentionKind::kDateWord:
      return "date";
    case MentionKind::kAttribution:
      return "attribution";
    case MentionKind::kDenial:
      return "denial";
    case MentionKind::kNegation:
      return "negation";
    case MentionKind::kHedge:
      return "hedge";
    case MentionKind::kOpinion:
      return "opinion";
    case MentionKind::kPlaceCue:
      return "place_cue";
    case MentionKind::kLandmark:
      return "landmark";
    case MentionKind::kExonym:
      return "exonym";
    case MentionKind::kCount:
      break;
  }
  return "unknown";
}

namespace {

template <typename Entry>
std::string_view PhraseAt(const std::vector<Entry>& table, size_t index) {
  return index < table.size() ? std::string_view(table[index].phrase) : std::string_view();
}

}  // namespace

std::string_view LanguagePack::Phrase(MentionKind kind, size_t index) const {
  switch (kind) {
    case MentionKind::kTrigger:
      return PhraseAt(triggers, index);
    case MentionKind::kCasualty:
      return PhraseAt(casualties, index);
    case MentionKind::kWeapon:
      return PhraseAt(weapons, index);
    case MentionKind::kActor:
      return PhraseAt(actors, index);
    case MentionKind::kVictim:
      return PhraseAt(victims, index);
    case MentionKind::kNumber:
      return PhraseAt(numbers, index);
    case MentionKind::kQuantifier:
      return PhraseAt(quantifiers, index);
    case MentionKind::kDateWord:
      return PhraseAt(date_words, index);
    case MentionKind::kAttribution:
      return PhraseAt(attributions, index);
    case MentionKind::kDenial:
      return PhraseAt(denials, index);
    case MentionKind::kNegation:
      return PhraseAt(negations, index);
    case MentionKind::kHedge:
      return PhraseAt(hedges, index);
    case MentionKind::kOpinion:
      return PhraseAt(opinions, index);
    case MentionKind::kPlaceCue:
      return PhraseAt(place_cues, index);
    case MentionKind::kLandmark:
      return PhraseAt(landmarks, index);
    case MentionKind::kExonym:
      return PhraseAt(exonyms, index);
    case MentionKind::kCount:
      break;
  }
  return {};
}

size_t LanguagePack::EntryCount(MentionKind kind) const {
  switch (kind) {
    case MentionKind::kTrigger:
      return triggers.size();
    case MentionKind::kCasualty:
      return casualties.size();
    case MentionKind::kWeapon:
      return weapons.size();
    case MentionKind::kActor:
      return actors.size();
    case MentionKind::kVictim:
      return victims.size();
    case MentionKind::kNumber:
      return numbers.size();
    case MentionKind::kQuantifier:
      return quantifiers.size();
    case MentionKind::kDateWord:
      return date_words.size();
    case MentionKind::kAttribution:
      return attributions.size();
    case MentionKind::kDenial:
      return denials.size();
    case MentionKind::kNegation:
      return negations.size();
    case MentionKind::kHedge:
      return hedges.size();
    case MentionKind::kOpinion:
      return opinions.size();
    case MentionKind::kPlaceCue:
      return place_cues.size();
    case MentionKind::kLandmark:
      return landmarks.size();
    case MentionKind::kExonym:
      return exonyms.size();
    case MentionKind::kCount:
      break;
  }
  return 0;
}

Result<LanguagePack> LoadLanguagePack(const std::string& directory, DiagnosticSink& sink) {
  const fs::path dir(directory);
  LanguagePack pack;
  pack.directory = directory;
  if (Status manifest = LoadManifest(dir, pack, sink); !manifest) {
    return tl::unexpected(manifest.error());
  }
  LoadTables(dir, pack, sink);
  return pack;
}

Result<std::vector<LanguagePack>> LoadLanguagePacks(const std::string& root, DiagnosticSink& sink) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    return MakeError(ErrorCode::kNotFound, root + ": no such directory");
  }
  std::vector<fs::path> folders;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    if (it->is_directory(entry_ec) && fs::exists(it->path() / "manifest.tsv", entry_ec)) {
      folders.push_back(it->path());
    }
  }
  if (ec) return MakeError(ErrorCode::kIo, root + ": " + ec.message());
  std::sort(folders.begin(), folders.end());

  std::vector<LanguagePack> packs;
  for (const fs::path& folder : folders) {
    Result<LanguagePack> pack = LoadLanguagePack(folder.string(), sink);
    if (!pack) {
      // One unreadable pack does not hide the others; the sink counts it.
      Report(sink, Diagnostic::Severity::kSkipped, folder.string(),
             "pack not loaded: " + pack.error().message);
      continue;
    }
    const bool duplicate = std::any_of(packs.begin(), packs.end(),
                                       [&](const LanguagePack& p) { return p.code == pack->code; });
    if (duplicate) {
      Report(sink, Diagnostic::Severity::kSkipped, folder.string(),
             "pack code '" + pack->code + "' already loaded from another folder");
      continue;
    }
    packs.push_back(std::move(*pack));
  }
  std::sort(packs.begin(), packs.end(),
            [](const LanguagePack& a, const LanguagePack& b) { return a.code < b.code; });
  return packs;
}

}  // namespace sitrep
