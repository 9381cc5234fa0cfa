// Loaders for the GeoNames dump formats (geonames-readme.txt describes them).
// Each parses one line at a time; a bad line is reported with source:line
// and skipped, so a damaged dump still loads everything that is readable.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <string>

#include "sitrep/gazetteer.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

// A line longer than this is not a GeoNames row; the longest real rows
// (big cities' alternate names) are about 20 KB.
constexpr size_t kMaxLineBytes = 1 << 20;

// Splits on tabs into at most `max` fields; returns the field count found
// (which may exceed `max`: the remaining fields are not stored).
size_t SplitTabs(std::string_view line, std::string_view* fields, size_t max) {
  size_t count = 0;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    const std::string_view field =
        line.substr(start, tab == std::string_view::npos ? line.npos : tab - start);
    if (count < max) fields[count] = field;
    ++count;
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return count;
}

bool ParseInt(std::string_view s, int64_t* out) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(*out);
}

// Calls `on_line(line, line_no)` for each line, reporting lines that are
// too long or not UTF-8 to the sink. Returns the number skipped that way.
template <typename F>
size_t ForEachLine(std::string_view text, std::string_view source, DiagnosticSink& sink,
                   F&& on_line) {
  size_t skipped = 0;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    auto report = [&](std::string message) {
      sink.Report({Diagnostic::Severity::kSkipped,
                   std::string(source) + ":" + std::to_string(line_no), std::move(message)});
      ++skipped;
    };
    if (line.size() > kMaxLineBytes) {
      report("line of " + std::to_string(line.size()) + " bytes, over the limit");
      continue;
    }
    size_t bad = 0;
    if (!IsValidUtf8(line, &bad)) {
      report("invalid UTF-8 at byte " + std::to_string(bad));
      continue;
    }
    std::string error = on_line(line, line_no);
    if (!error.empty()) report(std::move(error));
  }
  return skipped;
}

std::string ColumnCountError(size_t got, size_t expected) {
  return std::to_string(got) + " columns, expected " + std::to_string(expected);
}

// Maps a whole file read-only for the duration of `parse`.
template <typename F>
Result<LoadStats> WithMappedFile(const std::string& path, F&& parse) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return MakeError(err == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo,
                     path + ": " + std::strerror(err));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return MakeError(ErrorCode::kIo, path + ": " + std::strerror(err));
  }
  const std::string source = std::filesystem::path(path).filename().string();
  if (st.st_size == 0) {
    ::close(fd);
    return parse(std::string_view(), source);
  }
  void* data = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (data == MAP_FAILED) {
    return MakeError(ErrorCode::kIo, path + ": mmap: " + std::strerror(errno));
  }
  ::madvise(data, static_cast<size_t>(st.st_size), MADV_SEQUENTIAL);
  LoadStats stats =
      parse(std::string_view(static_cast<const char*>(data), static_cast<size_t>(st.st_size)),
            source);
  ::munmap(data, static_cast<size_t>(st.st_size));
  return stats;
}

}  // namespace

LoadStats ParseGeoNames(std::string_view text, std::string_view source, DiagnosticSink& sink,
                        const std::function<void(GeoNameRow&&)>& on_row) {
  LoadStats stats;
  constexpr size_t kColumns = 19;
  stats.skipped = ForEachLine(text, source, sink, [&](std::string_view line, size_t) {
    std::string_view f[kColumns];
    const size_t n = SplitTabs(line, f, kColumns);
    if (n != kColumns) return ColumnCountError(n, kColumns);
    GeoNameRow row;
    if (!ParseInt(f[0], &row.geonameid) || row.geonameid <= 0) {
      return "geonameid '" + std::string(f[0].substr(0, 32)) + "' is not a positive number";
    }
    if (f[1].empty()) return std::string("empty name");
    if (!ParseDouble(f[4], &row.latitude) || row.latitude < -90 || row.latitude > 90) {
      return "latitude '" + std::string(f[4].substr(0, 32)) + "' is not in -90..90";
    }
    if (!ParseDouble(f[5], &row.longitude) || row.longitude < -180 || row.longitude > 180) {
      return "longitude '" + std::string(f[5].substr(0, 32)) + "' is not in -180..180";
    }
    if (f[6].size() > 1) return "feature class '" + std::string(f[6].substr(0, 32)) + "' is not one letter";
    if (f[7].size() > 10) return std::string("feature code longer than 10 bytes");
    if (!f[8].empty() && f[8].size() != 2) {
      return "country code '" + std::string(f[8].substr(0, 32)) + "' is not 2 letters";
    }
    if (!f[14].empty() && (!ParseInt(f[14], &row.population) || row.population < 0)) {
      return "population '" + std::string(f[14].substr(0, 32)) + "' is not a number";
    }
    row.name = f[1];
    row.asciiname = f[2];
    size_t start = 0;
    const std::string_view alt = f[3];
    while (start < alt.size()) {
      size_t comma = alt.find(',', start);
      if (comma == std::string_view::npos) comma = alt.size();
      if (comma > start) row.alternate_names.emplace_back(alt.substr(start, comma - start));
      start = comma + 1;
    }
    row.feature_class = f[6].empty() ? 0 : f[6][0];
    row.feature_code = f[7];
    row.country_code = f[8];
    row.admin1_code = f[10];
    row.admin2_code = f[11];
    on_row(std::move(row));
    ++stats.rows;
    return std::string();
  });
  return stats;
}

LoadStats ParseAlternateNames(std::string_view text, std::string_view source,
                              DiagnosticSink& sink,
                              const std::function<void(AlternateNameRow&&)>& on_row) {
  LoadStats stats;
  stats.skipped = ForEachLine(text, source, sink, [&](std::string_view line, size_t) {
    std::string_view f[10];
    const size_t n = SplitTabs(line, f, 10);
    // alternateNamesV2 has 10 columns; the older alternateNames 8.
    if (n != 10 && n != 8) return std::to_string(n) + " columns, expected 10 (or 8)";
    AlternateNameRow row;
    if (!ParseInt(f[0], &row.alternate_name_id)) {
      return "alternateNameId '" + std::string(f[0].substr(0, 32)) + "' is not a number";
    }
    if (!ParseInt(f[1], &row.geonameid) || row.geonameid <= 0) {
      return "geonameid '" + std::string(f[1].substr(0, 32)) + "' is not a positive number";
    }
    if (f[3].empty()) return std::string("empty alternate name");
    for (int i = 4; i < 8; ++i) {
      if (!f[i].empty() && f[i] != "1" && f[i] != "0") {
        return "flag column " + std::to_string(i + 1) + " is '" +
               std::string(f[i].substr(0, 32)) + "', expected 1 or empty";
      }
    }
    row.isolanguage = f[2];
    row.name = f[3];
    row.is_preferred = f[4] == "1";
    row.is_short = f[5] == "1";
    row.is_colloquial = f[6] == "1";
    row.is_historic = f[7] == "1";
    on_row(std::move(row));
    ++stats.rows;
    return std::string();
  });
  return stats;
}

LoadStats ParseAdminCodes(std::string_view text, std::string_view source, DiagnosticSink& sink,
                          const std::function<void(AdminCodeRow&&)>& on_row) {
  LoadStats stats;
  stats.skipped = ForEachLine(text, source, sink, [&](std::string_view line, size_t) {
    std::string_view f[4];
    const size_t n = SplitTabs(line, f, 4);
    if (n != 4) return ColumnCountError(n, 4);
    AdminCodeRow row;
    const size_t dot = f[0].find('.');
    if (dot != 2 || f[0].size() < 4) {
      return "code '" + std::string(f[0].substr(0, 32)) + "' is not CC.CODE";
    }
    if (f[1].empty()) return std::string("empty name");
    if (!ParseInt(f[3], &row.geonameid) || row.geonameid < 0) {
      return "geonameid '" + std::string(f[3].substr(0, 32)) + "' is not a number";
    }
    row.code = f[0];
    row.name = f[1];
    row.asciiname = f[2];
    on_row(std::move(row));
    ++stats.rows;
    return std::string();
  });
  return stats;
}

LoadStats ParseCountryInfo(std::string_view text, std::string_view source, DiagnosticSink& sink,
                           const std::function<void(CountryInfoRow&&)>& on_row) {
  LoadStats stats;
  stats.skipped = ForEachLine(text, source, sink, [&](std::string_view line, size_t) {
    if (line[0] == '#') return std::string();
    std::string_view f[19];
    const size_t n = SplitTabs(line, f, 19);
    // Some copies drop the trailing empty EquivalentFips column.
    if (n != 19 && n != 18) return ColumnCountError(n, 19);
    CountryInfoRow row;
    if (f[0].size() != 2) return "ISO code '" + std::string(f[0].substr(0, 32)) + "' is not 2 letters";
    if (f[1].size() != 3) return "ISO3 code '" + std::string(f[1].substr(0, 32)) + "' is not 3 letters";
    if (f[4].empty()) return std::string("empty country name");
    if (!f[7].empty() && !ParseInt(f[7], &row.population)) {
      return "population '" + std::string(f[7].substr(0, 32)) + "' is not a number";
    }
    if (!f[16].empty() && !ParseInt(f[16], &row.geonameid)) {
      return "geonameid '" + std::string(f[16].substr(0, 32)) + "' is not a number";
    }
    row.iso2 = f[0];
    row.iso3 = f[1];
    row.name = f[4];
    row.capital = f[5];
    on_row(std::move(row));
    ++stats.rows;
    return std::string();
  });
  return stats;
}

Result<LoadStats> LoadGeoNamesFile(const std::string& path, DiagnosticSink& sink,
                                   const std::function<void(GeoNameRow&&)>& on_row) {
  return WithMappedFile(path, [&](std::string_view text, const std::string& source) {
    return ParseGeoNames(text, source, sink, on_row);
  });
}

Result<LoadStats> LoadAlternateNamesFile(const std::string& path, DiagnosticSink& sink,
                                         const std::function<void(AlternateNameRow&&)>& on_row) {
  return WithMappedFile(path, [&](std::string_view text, const std::string& source) {
    return ParseAlternateNames(text, source, sink, on_row);
  });
}

Result<LoadStats> LoadAdminCodesFile(const std::string& path, DiagnosticSink& sink,
                                     const std::function<void(AdminCodeRow&&)>& on_row) {
  return WithMappedFile(path, [&](std::string_view text, const std::string& source) {
    return ParseAdminCodes(text, source, sink, on_row);
  });
}

Result<LoadStats> LoadCountryInfoFile(const std::string& path, DiagnosticSink& sink,
                                      const std::function<void(CountryInfoRow&&)>& on_row) {
  return WithMappedFile(path, [&](std::string_view text, const std::string& source) {
    return ParseCountryInfo(text, source, sink, on_row);
  });
}

}  // namespace sitrep
