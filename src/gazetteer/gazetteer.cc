// Opens a .gaz file and answers lookups from the mapped bytes.
//
// Open checks only the header and the section bounds (O(1)), so opening the
// default index takes well under a millisecond of work beyond mmap. Every
// later read of a record checks its own offsets against the section it
// points into: a damaged file gives wrong or empty answers, never a read
// outside the mapping.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <unordered_map>

#include "gazetteer/gaz_format.h"
#include "gazetteer/name_keys.h"
#include "sitrep/gazetteer.h"

namespace sitrep {

using namespace gazetteer_internal;

const char* MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact: return "exact";
    case MatchKind::kSkeleton: return "skeleton";
  }
  return "exact";
}

const char* NameSourceName(NameSource source) {
  switch (source) {
    case NameSource::kMain: return "main name";
    case NameSource::kAscii: return "ascii name";
    case NameSource::kAdmin: return "admin name";
    case NameSource::kPreferred: return "preferred name";
    case NameSource::kAlternate: return "alternate name";
    case NameSource::kHistoric: return "historic name";
  }
  return "alternate name";
}

std::string DefaultGazetteerPath() {
  return std::string(SITREP_DEFAULT_DATA_DIR) + "/gazetteer/default.gaz";
}

struct Gazetteer::Impl {
  // Exactly one of these owns the bytes.
  void* mapping = nullptr;
  size_t mapping_bytes = 0;
  std::string owned;

  const char* base = nullptr;
  size_t size = 0;
  GazHeader header{};
  const GazPlace* places = nullptr;
  const GazKey* keys = nullptr;
  const GazPosting* postings = nullptr;
  const GazCountry* countries = nullptr;
  const char* strings = nullptr;
  GazetteerInfo info;
  std::unique_ptr<NameKeyMaker> key_maker;

  ~Impl() {
    if (mapping != nullptr) ::munmap(mapping, mapping_bytes);
  }

  std::string_view Str(StrRef ref) const {
    if (ref.offset > header.strings_bytes || ref.length > header.strings_bytes - ref.offset) return {};
    return std::string_view(strings + ref.offset, ref.length);
  }
  GazetteerPlace PlaceAt(uint32_t index) const;
  const GazKey* FindKey(std::string_view key) const;
  static Result<std::unique_ptr<Impl>> Check(std::unique_ptr<Impl> impl, const std::string& name);
};

Result<std::unique_ptr<Gazetteer::Impl>> Gazetteer::Impl::Check(std::unique_ptr<Impl> impl,
                                                                const std::string& name) {
  auto corrupt = [&name](const std::string& what) {
    return MakeError(ErrorCode::kCorrupt, name + ": not a valid .gaz file: " + what);
  };
  if (impl->size < sizeof(GazHeader)) {
    return corrupt("file of " + std::to_string(impl->size) + " bytes is shorter than the header");
  }
  if (std::memcmp(impl->base, kGazMagic, sizeof(kGazMagic)) != 0) return corrupt("bad magic");
  GazHeader& h = impl->header;
  std::memcpy(&h, impl->base, sizeof(GazHeader));
  if (h.format_version > kGazetteerFormatVersion) {
    return MakeError(ErrorCode::kUnsupported,
                     name + ": .gaz format version " + std::to_string(h.format_version) +
                         " is newer than this build reads (" +
                         std::to_string(kGazetteerFormatVersion) + "); upgrade sitrep or rebuild the index");
  }
  if (h.format_version < kGazetteerFormatVersion) {
    return MakeError(ErrorCode::kUnsupported,
                     name + ": .gaz format version " + std::to_string(h.format_version) +
                         " is no longer read; rebuild the index with `sitrep gazetteer build`");
  }
  if (h.header_bytes != sizeof(GazHeader)) return corrupt("header size " + std::to_string(h.header_bytes));
  GazHeader copy = h;
  copy.header_check = 0;
  if (Fnv1a64(std::string_view(reinterpret_cast<const char*>(&copy), sizeof(copy))) != h.header_check) {
    return corrupt("header checksum mismatch");
  }
  if (h.file_bytes != impl->size) {
    return corrupt("size " + std::to_string(impl->size) + " bytes, header says " +
                   std::to_string(h.file_bytes) + " (truncated?)");
  }
  auto section_ok = [&](uint64_t offset, uint64_t count, uint64_t item) {
    if (offset % 8 != 0 || offset < sizeof(GazHeader) || offset > impl->size) return false;
    return count <= (impl->size - offset) / item;
  };
  if (!section_ok(h.places_offset, h.place_count, sizeof(GazPlace))) return corrupt("places section out of bounds");
  if (!section_ok(h.keys_offset, h.key_count, sizeof(GazKey))) return corrupt("keys section out of bounds");
  if (!section_ok(h.postings_offset, h.posting_count, sizeof(GazPosting))) return corrupt("postings section out of bounds");
  if (!section_ok(h.countries_offset, h.country_count, sizeof(GazCountry))) return corrupt("countries section out of bounds");
  if (!section_ok(h.strings_offset, h.strings_bytes, 1)) return corrupt("strings section out of bounds");
  impl->places = reinterpret_cast<const GazPlace*>(impl->base + h.places_offset);
  impl->keys = reinterpret_cast<const GazKey*>(impl->base + h.keys_offset);
  impl->postings = reinterpret_cast<const GazPosting*>(impl->base + h.postings_offset);
  impl->countries = reinterpret_cast<const GazCountry*>(impl->base + h.countries_offset);
  impl->strings = impl->base + h.strings_offset;
  if (h.rules.length == 0 || impl->Str(h.rules).size() != h.rules.length) return corrupt("rules out of bounds");
  const std::string_view rules = impl->Str(h.rules);
  if (Fnv1a64(rules) != h.rules_hash) return corrupt("skeleton rules do not match their hash");
  auto maker = NameKeyMaker::Create(rules, name + " (embedded skeleton rules)");
  if (!maker) return corrupt(maker.error().message);
  impl->key_maker = std::move(*maker);
  impl->info.format_version = h.format_version;
  impl->info.source_description = std::string(impl->Str(h.source));
  impl->info.rules_hash = h.rules_hash;
  impl->info.place_count = h.place_count;
  impl->info.key_count = h.key_count;
  impl->info.posting_count = h.posting_count;
  impl->info.file_bytes = impl->size;
  return impl;
}

GazetteerPlace Gazetteer::Impl::PlaceAt(uint32_t index) const {
  GazetteerPlace out;
  if (index >= header.place_count) return out;
  GazPlace p;
  std::memcpy(&p, &places[index], sizeof(p));
  out.geonames_id = p.geonameid;
  out.name = std::string(Str(p.name));
  out.feature_class = p.feature_class;
  out.feature_code = std::string(Str(p.feature_code));
  if (p.country[0] != 0) out.country.assign(p.country, 2);
  out.admin1_code = std::string(Str(p.admin1_code));
  out.admin2_code = std::string(Str(p.admin2_code));
  out.admin1 = std::string(Str(p.admin1_name));
  out.admin2 = std::string(Str(p.admin2_name));
  if (p.flags & kPlaceHasCoordinates) {
    out.lat = p.lat_e7 / 1e7;
    out.lon = p.lon_e7 / 1e7;
  }
  out.population = p.population;
  out.seat_id = p.seat_id;
  out.synthesized = (p.flags & kPlaceSynthesized) != 0;
  return out;
}

const GazKey* Gazetteer::Impl::FindKey(std::string_view key) const {
  size_t lo = 0;
  size_t hi = header.key_count;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const int c = Str(keys[mid].key).compare(key);
    if (c == 0) return &keys[mid];
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return nullptr;
}

Gazetteer::Gazetteer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

Result<Gazetteer> Gazetteer::Open(const std::string& path) {
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
  auto impl = std::make_unique<Impl>();
  if (st.st_size > 0) {
    void* data = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
    if (data == MAP_FAILED) {
      const int err = errno;
      ::close(fd);
      return MakeError(ErrorCode::kIo, path + ": mmap: " + std::strerror(err));
    }
    impl->mapping = data;
    impl->mapping_bytes = static_cast<size_t>(st.st_size);
    impl->base = static_cast<const char*>(data);
    impl->size = impl->mapping_bytes;
  }
  ::close(fd);
  auto checked = Impl::Check(std::move(impl), path);
  if (!checked) return tl::unexpected(checked.error());
  return Gazetteer(std::move(*checked));
}

Result<Gazetteer> Gazetteer::OpenBytes(std::string_view bytes) {
  auto impl = std::make_unique<Impl>();
  // A heap std::string buffer is malloc-aligned (16 bytes), which the
  // 8-aligned sections need; inputs short enough for the small-string
  // buffer fail the header size check before any record is read.
  impl->owned.assign(bytes.data(), bytes.size());
  impl->base = impl->owned.data();
  impl->size = impl->owned.size();
  auto checked = Impl::Check(std::move(impl), "<memory>");
  if (!checked) return tl::unexpected(checked.error());
  return Gazetteer(std::move(*checked));
}

const GazetteerInfo& Gazetteer::info() const { return impl_->info; }

std::vector<std::string> Gazetteer::KeysFor(std::string_view name) const {
  std::vector<std::string> keys;
  impl_->key_maker->Keys(name, /*skeleton=*/true, keys);
  return keys;
}

std::vector<GazetteerCandidate> Gazetteer::Lookup(std::string_view name,
                                                  const LookupOptions& options) const {
  std::vector<std::string> keys;
  impl_->key_maker->Keys(name, options.skeleton, keys);
  struct Hit {
    uint32_t place;
    MatchKind match;
    uint8_t source;
    size_t key;
  };
  std::vector<Hit> hits;
  std::unordered_map<uint32_t, size_t> by_place;
  for (size_t key_idx = 0; key_idx < keys.size(); ++key_idx) {
    const GazKey* k = impl_->FindKey(keys[key_idx]);
    if (k == nullptr) continue;
    const MatchKind match = keys[key_idx][0] == kExactPrefix ? MatchKind::kExact : MatchKind::kSkeleton;
    const uint64_t begin = k->postings_begin;
    const uint64_t end = std::min<uint64_t>(begin + k->postings_count, impl_->header.posting_count);
    for (uint64_t i = begin; i < end; ++i) {
      const GazPosting& p = impl_->postings[i];
      if (p.place_index >= impl_->header.place_count) continue;
      auto [it, inserted] = by_place.emplace(p.place_index, hits.size());
      if (inserted) {
        hits.push_back({p.place_index, match, p.source, key_idx});
        continue;
      }
      Hit& h = hits[it->second];
      if (match < h.match || (match == h.match && p.source < h.source)) {
        h.match = match;
        h.source = p.source;
        h.key = key_idx;
      }
    }
  }
  // Best first: exact before skeleton, then the name's standing, populated
  // places before admin areas before the rest, then size.
  auto population = [this](uint32_t place) { return impl_->places[place].population; };
  auto class_rank = [this](uint32_t place) {
    const char c = impl_->places[place].feature_class;
    return c == 'P' ? 0 : c == 'A' ? 1 : 2;
  };
  std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
    if (a.match != b.match) return a.match < b.match;
    const bool a_strong = a.source <= static_cast<uint8_t>(NameSource::kPreferred);
    const bool b_strong = b.source <= static_cast<uint8_t>(NameSource::kPreferred);
    if (a_strong != b_strong) return a_strong;
    if (class_rank(a.place) != class_rank(b.place)) return class_rank(a.place) < class_rank(b.place);
    if (population(a.place) != population(b.place)) return population(a.place) > population(b.place);
    return a.place < b.place;
  });
  if (hits.size() > options.max_candidates) hits.resize(options.max_candidates);
  std::vector<GazetteerCandidate> out;
  out.reserve(hits.size());
  for (const Hit& h : hits) {
    GazetteerCandidate c;
    c.place = impl_->PlaceAt(h.place);
    c.match = h.match;
    c.source = h.source <= static_cast<uint8_t>(NameSource::kHistoric) ? static_cast<NameSource>(h.source)
                                                                      : NameSource::kAlternate;
    c.key = keys[h.key];
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<GazetteerPlace> Gazetteer::FindById(int64_t geonames_id) const {
  size_t lo = 0;
  size_t hi = impl_->header.place_count;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const int64_t id = impl_->places[mid].geonameid;
    if (id == geonames_id) return impl_->PlaceAt(static_cast<uint32_t>(mid));
    if (id < geonames_id) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return std::nullopt;
}

std::string Gazetteer::CountryName(std::string_view iso2) const {
  if (iso2.size() != 2) return {};
  for (uint32_t i = 0; i < impl_->header.country_count; ++i) {
    const GazCountry& c = impl_->countries[i];
    if (c.iso2[0] == iso2[0] && c.iso2[1] == iso2[1]) return std::string(impl_->Str(c.name));
  }
  return {};
}

}  // namespace sitrep
