// Compiles GeoNames rows into a .gaz file (docs/gazetteer-format.md).
//
// Admin areas and countries that have no geoname row of their own (cities500
// has none) are made from the admin and country tables, with their seat's
// coordinates: a region mention then still resolves to a place with
// coordinates (geo_precision 3).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "gazetteer/gaz_format.h"
#include "gazetteer/name_keys.h"
#include "sitrep/gazetteer.h"

namespace sitrep {

using namespace gazetteer_internal;

namespace {

struct BuildPlace {
  GeoNameRow row;
  std::vector<std::pair<std::string, NameSource>> names;
  int64_t seat_id = 0;
  bool synthesized = false;
  bool has_coordinates = true;
};

struct AdminInfo {
  AdminCodeRow row;
  std::string common_name;
};

// Interns strings into the strings section.
class StringTable {
 public:
  StrRef Add(std::string_view s) {
    if (s.empty()) return StrRef{0, 0};
    auto it = index_.find(std::string(s));
    if (it != index_.end()) return it->second;
    StrRef ref{static_cast<uint32_t>(bytes_.size()), static_cast<uint32_t>(s.size())};
    bytes_.append(s);
    index_.emplace(std::string(s), ref);
    return ref;
  }
  // Keys are unique already; no need to intern them.
  StrRef AddUnique(std::string_view s) {
    StrRef ref{static_cast<uint32_t>(bytes_.size()), static_cast<uint32_t>(s.size())};
    bytes_.append(s);
    return ref;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  std::unordered_map<std::string, StrRef> index_;
};

NameSource SourceOf(const AlternateNameRow& row) {
  if (row.is_historic || row.is_colloquial) return NameSource::kHistoric;
  if (row.is_preferred || row.is_short) return NameSource::kPreferred;
  return NameSource::kAlternate;
}

bool IsPseudoLanguage(std::string_view lang) {
  // GeoNames' own codes for things that are not names (geonames-readme.txt).
  static const char* const kPseudo[] = {"link", "post", "iata", "icao", "faac", "fr_1793",
                                        "abbr", "wkdt", "unlc", "tcid", "phon", "piny"};
  for (const char* p : kPseudo) {
    if (lang == p) return true;
  }
  return false;
}

int32_t ToE7(double degrees) { return static_cast<int32_t>(std::lround(degrees * 1e7)); }

std::string ReadWholeFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *ok = false;
    return {};
  }
  *ok = true;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

template <typename T>
void AppendPod(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

void PadTo8(std::string& out) {
  while (out.size() % 8 != 0) out.push_back('\0');
}

}  // namespace

struct GazetteerBuilder::Impl {
  std::string rules_text;
  std::unique_ptr<NameKeyMaker> keys;
  DiagnosticSink* sink = nullptr;
  std::vector<BuildPlace> places;
  std::unordered_map<int64_t, size_t> by_id;
  std::map<std::string, AdminInfo> admin1;  // "UA.07"
  std::map<std::string, AdminInfo> admin2;  // "UA.07.6308"
  std::map<std::string, CountryInfoRow> countries;
  std::unordered_map<std::string, std::string> common_names;
  std::string source_description;

  void Synthesize();
  std::string AdminName(const std::string& code, const std::map<std::string, AdminInfo>& table) const;
};

GazetteerBuilder::GazetteerBuilder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GazetteerBuilder::GazetteerBuilder(GazetteerBuilder&&) noexcept = default;
GazetteerBuilder& GazetteerBuilder::operator=(GazetteerBuilder&&) noexcept = default;
GazetteerBuilder::~GazetteerBuilder() = default;

Result<GazetteerBuilder> GazetteerBuilder::Create(std::string skeleton_rules,
                                                  DiagnosticSink& sink) {
  auto maker = NameKeyMaker::Create(skeleton_rules, "skeleton rules");
  if (!maker) return tl::unexpected(maker.error());
  auto impl = std::make_unique<Impl>();
  impl->rules_text = std::move(skeleton_rules);
  impl->keys = std::move(*maker);
  impl->sink = &sink;
  return GazetteerBuilder(std::move(impl));
}

void GazetteerBuilder::AddPlace(GeoNameRow row) {
  auto it = impl_->by_id.find(row.geonameid);
  if (it != impl_->by_id.end()) {
    // A later file (UA.txt after cities500) only adds names: the first
    // file's fields stay, so the order of files decides display names.
    BuildPlace& place = impl_->places[it->second];
    place.names.emplace_back(row.name, NameSource::kAlternate);
    place.names.emplace_back(row.asciiname, NameSource::kAlternate);
    for (auto& alt : row.alternate_names) place.names.emplace_back(std::move(alt), NameSource::kAlternate);
    if (place.row.admin2_code.empty()) place.row.admin2_code = row.admin2_code;
    return;
  }
  BuildPlace place;
  place.names.emplace_back(row.name, NameSource::kMain);
  place.names.emplace_back(row.asciiname, NameSource::kAscii);
  for (auto& alt : row.alternate_names) place.names.emplace_back(std::move(alt), NameSource::kAlternate);
  row.alternate_names.clear();
  row.alternate_names.shrink_to_fit();
  place.row = std::move(row);
  impl_->by_id.emplace(place.row.geonameid, impl_->places.size());
  impl_->places.push_back(std::move(place));
}

void GazetteerBuilder::AddAlternateName(const AlternateNameRow& row) {
  auto it = impl_->by_id.find(row.geonameid);
  if (it == impl_->by_id.end()) return;
  impl_->places[it->second].names.emplace_back(row.name, SourceOf(row));
}

void GazetteerBuilder::AddAdmin1(const AdminCodeRow& row) { impl_->admin1[row.code] = {row, {}}; }
void GazetteerBuilder::AddAdmin2(const AdminCodeRow& row) { impl_->admin2[row.code] = {row, {}}; }
void GazetteerBuilder::AddCountry(const CountryInfoRow& row) { impl_->countries[row.iso2] = row; }
void GazetteerBuilder::SetAdminCommonName(const std::string& code, const std::string& name) {
  impl_->common_names[code] = name;
}
void GazetteerBuilder::SetSourceDescription(std::string description) {
  impl_->source_description = std::move(description);
}
size_t GazetteerBuilder::place_count() const { return impl_->places.size(); }

std::string GazetteerBuilder::Impl::AdminName(const std::string& code,
                                              const std::map<std::string, AdminInfo>& table) const {
  auto common = common_names.find(code);
  if (common != common_names.end()) return common->second;
  auto it = table.find(code);
  if (it == table.end()) return {};
  return it->second.row.asciiname.empty() ? it->second.row.name : it->second.row.asciiname;
}

void GazetteerBuilder::Impl::Synthesize() {
  // Seats: the best populated place of each admin area, by feature code
  // (capital codes first) then population.
  auto seat_rank = [](const GeoNameRow& r, int level) {
    if (r.feature_code == "PPLC") return 0;
    if (level == 1 && r.feature_code == "PPLA") return 1;
    if (level == 2 && r.feature_code == "PPLA2") return 1;
    if (level == 2 && r.feature_code == "PPLA") return 1;
    return 2;
  };
  struct Seat {
    size_t index = SIZE_MAX;
    int rank = 3;
    int64_t population = -1;
    double lat_sum = 0, lon_sum = 0;
    size_t count = 0;
  };
  std::unordered_map<std::string, Seat> seats1, seats2;
  std::unordered_map<std::string, Seat> capitals;  // by country
  const size_t real_count = places.size();
  for (size_t i = 0; i < real_count; ++i) {
    const GeoNameRow& r = places[i].row;
    if (r.feature_class != 'P' || r.country_code.empty()) continue;
    auto consider = [&](Seat& seat, int rank) {
      seat.lat_sum += r.latitude;
      seat.lon_sum += r.longitude;
      ++seat.count;
      if (rank < seat.rank || (rank == seat.rank && r.population > seat.population)) {
        seat.index = i;
        seat.rank = rank;
        seat.population = r.population;
      }
    };
    const std::string c1 = r.country_code + "." + r.admin1_code;
    consider(seats1[c1], seat_rank(r, 1));
    if (!r.admin2_code.empty()) consider(seats2[c1 + "." + r.admin2_code], seat_rank(r, 2));
    Seat& cap = capitals[r.country_code];
    const int cap_rank = r.feature_code == "PPLC" ? 0 : 2;
    if (cap_rank < cap.rank || (cap_rank == cap.rank && r.population > cap.population)) {
      cap.index = i;
      cap.rank = cap_rank;
      cap.population = r.population;
    }
  }

  auto add_area = [&](const AdminCodeRow& row, const std::string& common, const Seat* seat,
                      const char* feature_code, const std::string& country,
                      const std::string& a1, const std::string& a2) {
    auto existing = by_id.find(row.geonameid);
    BuildPlace* place = nullptr;
    if (row.geonameid > 0 && existing != by_id.end()) {
      place = &places[existing->second];
    } else {
      BuildPlace p;
      p.synthesized = true;
      p.row.geonameid = row.geonameid > 0 ? row.geonameid : 0;
      p.row.name = common.empty() ? row.name : common;
      p.row.asciiname = row.asciiname;
      p.row.feature_class = 'A';
      p.row.feature_code = feature_code;
      p.row.country_code = country;
      p.row.admin1_code = a1;
      p.row.admin2_code = a2;
      p.has_coordinates = false;
      if (seat != nullptr && seat->index != SIZE_MAX) {
        p.row.latitude = places[seat->index].row.latitude;
        p.row.longitude = places[seat->index].row.longitude;
        p.has_coordinates = true;
      } else if (seat != nullptr && seat->count > 0) {
        p.row.latitude = seat->lat_sum / static_cast<double>(seat->count);
        p.row.longitude = seat->lon_sum / static_cast<double>(seat->count);
        p.has_coordinates = true;
      }
      if (p.row.geonameid == 0) return;  // no id to report; skip
      by_id.emplace(p.row.geonameid, places.size());
      places.push_back(std::move(p));
      place = &places.back();
    }
    if (seat != nullptr && seat->index != SIZE_MAX) place->seat_id = places[seat->index].row.geonameid;
    place->names.emplace_back(row.name, NameSource::kAdmin);
    place->names.emplace_back(row.asciiname, NameSource::kAdmin);
    if (!common.empty()) place->names.emplace_back(common, NameSource::kAdmin);
  };

  for (const auto& [code, info] : admin1) {
    auto seat = seats1.find(code);
    auto common = common_names.find(code);
    add_area(info.row, common == common_names.end() ? std::string() : common->second,
             seat == seats1.end() ? nullptr : &seat->second, "ADM1", code.substr(0, 2),
             code.substr(3), "");
  }
  for (const auto& [code, info] : admin2) {
    const size_t dot2 = code.find('.', 3);
    if (dot2 == std::string::npos) continue;
    auto seat = seats2.find(code);
    auto common = common_names.find(code);
    add_area(info.row, common == common_names.end() ? std::string() : common->second,
             seat == seats2.end() ? nullptr : &seat->second, "ADM2", code.substr(0, 2),
             code.substr(3, dot2 - 3), code.substr(dot2 + 1));
  }
  for (const auto& [iso, country] : countries) {
    AdminCodeRow row{iso, country.name, country.name, country.geonameid};
    auto cap = capitals.find(iso);
    add_area(row, "", cap == capitals.end() ? nullptr : &cap->second, "PCLI", iso, "00", "");
  }
}

Result<GazetteerBuildStats> GazetteerBuilder::Write(const std::string& output_path) {
  const auto start = std::chrono::steady_clock::now();
  Impl& impl = *impl_;
  if (impl.places.empty()) {
    return MakeError(ErrorCode::kInvalidInput, output_path + ": no place to index");
  }
  impl.Synthesize();

  // Places sorted by id: FindById is a binary search, postings point here.
  std::vector<uint32_t> order(impl.places.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return impl.places[a].row.geonameid < impl.places[b].row.geonameid;
  });

  StringTable strings;
  const StrRef rules_ref = strings.Add(impl.rules_text);
  const StrRef source_ref = strings.Add(impl.source_description);

  std::string places_section;
  places_section.reserve(order.size() * sizeof(GazPlace));
  // (key, place index, source) triples; keys live in one arena.
  struct Entry {
    uint32_t key_offset;
    uint32_t key_length;
    uint32_t place;
    uint8_t source;
  };
  std::string arena;
  std::vector<Entry> entries;
  std::vector<std::string> keys;
  std::unordered_map<std::string, uint8_t> seen;  // key -> best source, per place
  for (uint32_t out_index = 0; out_index < order.size(); ++out_index) {
    BuildPlace& p = impl.places[order[out_index]];
    const GeoNameRow& r = p.row;
    GazPlace g{};
    g.geonameid = r.geonameid;
    g.population = r.population;
    g.seat_id = p.seat_id;
    g.lat_e7 = p.has_coordinates ? ToE7(r.latitude) : 0;
    g.lon_e7 = p.has_coordinates ? ToE7(r.longitude) : 0;
    g.name = strings.Add(r.name);
    g.feature_code = strings.Add(r.feature_code);
    g.admin1_code = strings.Add(r.admin1_code);
    g.admin2_code = strings.Add(r.admin2_code);
    if (!r.country_code.empty()) {
      const std::string c1 = r.country_code + "." + r.admin1_code;
      g.admin1_name = strings.Add(impl.AdminName(c1, impl.admin1));
      if (!r.admin2_code.empty()) {
        g.admin2_name = strings.Add(impl.AdminName(c1 + "." + r.admin2_code, impl.admin2));
      }
    }
    g.feature_class = r.feature_class;
    if (r.country_code.size() == 2) std::memcpy(g.country, r.country_code.data(), 2);
    g.flags = (p.has_coordinates ? kPlaceHasCoordinates : 0) |
              (p.synthesized ? kPlaceSynthesized : 0);
    AppendPod(places_section, g);

    seen.clear();
    for (const auto& [name, source] : p.names) {
      if (name.empty()) continue;
      keys.clear();
      impl.keys->Keys(name, /*skeleton=*/true, keys);
      for (const std::string& key : keys) {
        auto [it, inserted] = seen.emplace(key, static_cast<uint8_t>(source));
        if (!inserted) it->second = std::min(it->second, static_cast<uint8_t>(source));
      }
    }
    for (const auto& [key, source] : seen) {
      entries.push_back({static_cast<uint32_t>(arena.size()), static_cast<uint32_t>(key.size()),
                         out_index, source});
      arena.append(key);
    }
    // Names are no longer needed once keyed.
    p.names.clear();
    p.names.shrink_to_fit();
  }

  auto key_of = [&](const Entry& e) { return std::string_view(arena).substr(e.key_offset, e.key_length); };
  std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    const int c = key_of(a).compare(key_of(b));
    if (c != 0) return c < 0;
    return a.place < b.place;
  });

  std::string keys_section;
  std::string postings_section;
  size_t key_count = 0;
  for (size_t i = 0; i < entries.size();) {
    size_t j = i;
    const std::string_view key = key_of(entries[i]);
    GazKey k{};
    k.key = strings.AddUnique(key);
    k.postings_begin = static_cast<uint32_t>(postings_section.size() / sizeof(GazPosting));
    while (j < entries.size() && key_of(entries[j]) == key) {
      GazPosting posting{};
      posting.place_index = entries[j].place;
      posting.source = entries[j].source;
      AppendPod(postings_section, posting);
      ++j;
    }
    k.postings_count = static_cast<uint32_t>(j - i);
    AppendPod(keys_section, k);
    ++key_count;
    i = j;
  }
  const size_t posting_count = entries.size();
  entries.clear();
  entries.shrink_to_fit();
  arena.clear();
  arena.shrink_to_fit();

  std::string countries_section;
  for (const auto& [iso, c] : impl.countries) {
    GazCountry gc{};
    std::memcpy(gc.iso2, iso.data(), 2);
    if (c.iso3.size() == 3) std::memcpy(gc.iso3, c.iso3.data(), 3);
    gc.name = strings.Add(c.name);
    gc.capital = strings.Add(c.capital);
    gc.geonameid = c.geonameid;
    AppendPod(countries_section, gc);
  }

  GazHeader header{};
  std::memcpy(header.magic, kGazMagic, sizeof(kGazMagic));
  header.format_version = kGazetteerFormatVersion;
  header.header_bytes = sizeof(GazHeader);
  header.rules_hash = Fnv1a64(impl.rules_text);
  header.place_count = static_cast<uint32_t>(order.size());
  header.key_count = static_cast<uint32_t>(key_count);
  header.posting_count = static_cast<uint32_t>(posting_count);
  header.country_count = static_cast<uint32_t>(impl.countries.size());
  header.rules = rules_ref;
  header.source = source_ref;
  uint64_t offset = sizeof(GazHeader);
  auto place_section = [&offset](const std::string& s) {
    const uint64_t at = offset;
    offset += (s.size() + 7) / 8 * 8;
    return at;
  };
  header.places_offset = place_section(places_section);
  header.keys_offset = place_section(keys_section);
  header.postings_offset = place_section(postings_section);
  header.countries_offset = place_section(countries_section);
  header.strings_offset = place_section(strings.bytes());
  header.strings_bytes = strings.bytes().size();
  header.file_bytes = offset;
  header.header_check = 0;
  header.header_check = Fnv1a64(std::string_view(reinterpret_cast<const char*>(&header), sizeof(header)));

  const std::string tmp_path = output_path + ".tmp";
  {
    std::ofstream out(tmp_path, std::ios::binary | std::ios::trunc);
    if (!out) return MakeError(ErrorCode::kIo, tmp_path + ": cannot open for writing");
    auto write_section = [&out](std::string& s) {
      PadTo8(s);
      out.write(s.data(), static_cast<std::streamsize>(s.size()));
    };
    out.write(reinterpret_cast<const char*>(&header), sizeof(header));
    write_section(places_section);
    write_section(keys_section);
    write_section(postings_section);
    write_section(countries_section);
    std::string strings_copy = strings.bytes();
    write_section(strings_copy);
    out.flush();
    if (!out) return MakeError(ErrorCode::kIo, tmp_path + ": write failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp_path, output_path, ec);
  if (ec) return MakeError(ErrorCode::kIo, output_path + ": " + ec.message());

  GazetteerBuildStats stats;
  stats.place_count = order.size();
  stats.key_count = key_count;
  stats.posting_count = posting_count;
  stats.file_bytes = offset;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

Result<GazetteerBuildStats> BuildGazetteer(const GazetteerBuildOptions& options,
                                           const std::string& output_path,
                                           DiagnosticSink& sink) {
  const auto start = std::chrono::steady_clock::now();
  const std::string data_dir = SITREP_DEFAULT_DATA_DIR;
  const std::string rules_path = options.skeleton_rules_file.empty()
                                     ? data_dir + "/gazetteer/skeleton.tsv"
                                     : options.skeleton_rules_file;
  bool ok = false;
  std::string rules = ReadWholeFile(rules_path, &ok);
  if (!ok) return MakeError(ErrorCode::kNotFound, rules_path + ": cannot read skeleton rules");
  // Rule errors should name the file the user can fix.
  if (auto parsed = SkeletonRules::Parse(rules, rules_path); !parsed) {
    return tl::unexpected(parsed.error());
  }
  auto builder = GazetteerBuilder::Create(rules, sink);
  if (!builder) return tl::unexpected(builder.error());

  size_t skipped = 0;
  std::string description;
  for (const std::string& file : options.geonames_files) {
    auto stats = LoadGeoNamesFile(file, sink, [&](GeoNameRow&& row) { builder->AddPlace(std::move(row)); });
    if (!stats) return tl::unexpected(stats.error());
    skipped += stats->skipped;
    if (!description.empty()) description += " + ";
    description += std::filesystem::path(file).filename().string();
  }
  for (const std::string& file : options.alternate_names_files) {
    auto stats = LoadAlternateNamesFile(file, sink, [&](AlternateNameRow&& row) {
      if (options.skip_pseudo_languages && IsPseudoLanguage(row.isolanguage)) return;
      builder->AddAlternateName(row);
    });
    if (!stats) return tl::unexpected(stats.error());
    skipped += stats->skipped;
    description += " + " + std::filesystem::path(file).filename().string();
  }
  if (!options.admin1_file.empty()) {
    auto stats = LoadAdminCodesFile(options.admin1_file, sink,
                                    [&](AdminCodeRow&& row) { builder->AddAdmin1(row); });
    if (!stats) return tl::unexpected(stats.error());
    skipped += stats->skipped;
  }
  if (!options.admin2_file.empty()) {
    auto stats = LoadAdminCodesFile(options.admin2_file, sink,
                                    [&](AdminCodeRow&& row) { builder->AddAdmin2(row); });
    if (!stats) return tl::unexpected(stats.error());
    skipped += stats->skipped;
  }
  if (!options.country_info_file.empty()) {
    auto stats = LoadCountryInfoFile(options.country_info_file, sink,
                                     [&](CountryInfoRow&& row) { builder->AddCountry(row); });
    if (!stats) return tl::unexpected(stats.error());
    skipped += stats->skipped;
  }
  std::string names_path = options.admin_names_file;
  if (names_path.empty() && std::filesystem::exists(data_dir + "/gazetteer/admin-names.tsv")) {
    names_path = data_dir + "/gazetteer/admin-names.tsv";
  }
  if (!names_path.empty()) {
    std::string text = ReadWholeFile(names_path, &ok);
    if (!ok) return MakeError(ErrorCode::kNotFound, names_path + ": cannot read admin names");
    size_t line_no = 0;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      std::string_view line(text.data() + pos, end - pos);
      pos = end + 1;
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      const size_t tab = line.find('\t');
      if (tab == std::string_view::npos || tab == 0 || tab + 1 >= line.size()) {
        sink.Report({Diagnostic::Severity::kSkipped,
                     std::filesystem::path(names_path).filename().string() + ":" +
                         std::to_string(line_no),
                     "expected CODE<TAB>name"});
        ++skipped;
        continue;
      }
      builder->SetAdminCommonName(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    }
  }
  builder->SetSourceDescription(options.source_description.empty() ? "GeoNames " + description
                                                                   : options.source_description);
  auto stats = builder->Write(output_path);
  if (!stats) return stats;
  stats->skipped_rows = skipped;
  stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace sitrep
