// The on-disk layout of a .gaz file (docs/gazetteer-format.md). Shared by
// the builder (writes) and the reader (maps and checks). Little-endian;
// every section starts on an 8-byte boundary.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace sitrep::gazetteer_internal {

static_assert(std::endian::native == std::endian::little,
              ".gaz files are little-endian; a big-endian build needs byte swaps");

inline constexpr char kGazMagic[8] = {'S', 'I', 'T', 'R', 'E', 'P', 'G', 'Z'};

// A string in the strings section: byte offset from the section start and
// length. Readers check both against the section size.
struct StrRef {
  uint32_t offset = 0;
  uint32_t length = 0;
};

struct GazHeader {
  char magic[8];
  uint32_t format_version;
  uint32_t header_bytes;  // sizeof(GazHeader)
  uint64_t file_bytes;
  uint64_t rules_hash;    // Fnv1a64 of the embedded skeleton rules
  uint64_t header_check;  // Fnv1a64 of this header with header_check = 0
  uint32_t place_count;
  uint32_t key_count;
  uint32_t posting_count;
  uint32_t country_count;
  uint64_t places_offset;
  uint64_t keys_offset;
  uint64_t postings_offset;
  uint64_t countries_offset;
  uint64_t strings_offset;
  uint64_t strings_bytes;
  StrRef rules;   // skeleton.tsv text
  StrRef source;  // source description
  uint32_t flags;
  uint32_t reserved;
};
static_assert(sizeof(GazHeader) == 128);

enum PlaceFlags : uint8_t {
  kPlaceHasCoordinates = 1,
  kPlaceSynthesized = 2,
};

struct GazPlace {
  int64_t geonameid;
  int64_t population;
  int64_t seat_id;
  int32_t lat_e7;  // degrees * 1e7
  int32_t lon_e7;
  StrRef name;
  StrRef feature_code;
  StrRef admin1_code;
  StrRef admin2_code;
  StrRef admin1_name;
  StrRef admin2_name;
  char feature_class;
  char country[2];
  uint8_t flags;
  uint32_t reserved;
};
static_assert(sizeof(GazPlace) == 88);

// Keys are sorted by their bytes (memcmp order, shorter first on a tie).
struct GazKey {
  StrRef key;
  uint32_t postings_begin;
  uint32_t postings_count;
};
static_assert(sizeof(GazKey) == 16);

struct GazPosting {
  uint32_t place_index;  // into the places section (sorted by geonameid)
  uint8_t source;        // NameSource
  uint8_t reserved[3];
};
static_assert(sizeof(GazPosting) == 8);

struct GazCountry {
  char iso2[2];
  char iso3[3];
  char reserved[3];
  StrRef name;
  StrRef capital;
  int64_t geonameid;
};
static_assert(sizeof(GazCountry) == 32);

}  // namespace sitrep::gazetteer_internal
