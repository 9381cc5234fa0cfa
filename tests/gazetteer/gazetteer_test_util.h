// Builds the small test index from tests/testdata/gazetteer into a temp dir.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "sitrep/gazetteer.h"

namespace sitrep::testing {

inline std::string TestGazDir() {
  static const std::string dir = [] {
    const auto d = std::filesystem::temp_directory_path() /
                   ("sitrep-gaz-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d.string();
  }();
  return dir;
}

inline GazetteerBuildOptions TestBuildOptions() {
  const std::string td = std::string(SITREP_TESTDATA_DIR) + "/gazetteer/";
  GazetteerBuildOptions options;
  options.geonames_files = {td + "places.txt"};
  options.admin1_file = td + "admin1.txt";
  options.admin2_file = td + "admin2.txt";
  options.country_info_file = td + "country_info.txt";
  options.admin_names_file = td + "admin-names.tsv";
  options.skeleton_rules_file = std::string(SITREP_DATA_DIR) + "/gazetteer/skeleton.tsv";
  options.source_description = "test rows";
  return options;
}

// Path of the built test index (built once per process).
inline std::string TestGazPath() {
  static const std::string path = [] {
    const std::string out = TestGazDir() + "/test.gaz";
    CollectingSink sink;
    auto stats = BuildGazetteer(TestBuildOptions(), out, sink);
    EXPECT_TRUE(stats) << (stats ? "" : stats.error().message);
    return out;
  }();
  return path;
}

}  // namespace sitrep::testing
