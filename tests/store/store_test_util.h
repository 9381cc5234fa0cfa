// Helpers for the store's tests: a temporary directory per test, and the
// store's events in a comparable form.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "sitrep/store.h"
#include "store/record.h"

namespace sitrep::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sitrep-store-XXXXXX").string();
    path_ = mkdtemp(pattern.data()) ? pattern : std::string();
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Every merged event, fully encoded, in the store's export order.
inline std::vector<std::string> ExportAll(const Store& store) {
  std::vector<std::string> out;
  auto status = store.ForEachEvent(EventQuery{}, [&](const Event& e) {
    out.push_back(store::EncodeRecord(e));
    return true;
  });
  EXPECT_TRUE(status) << status.error().message;
  return out;
}

inline Store OpenOrDie(const std::string& path, const StoreOptions& options = {}) {
  auto store = Store::Open(path, options);
  if (!store) {
    ADD_FAILURE() << path << ": " << store.error().message;
    std::abort();
  }
  return std::move(*store);
}

}  // namespace sitrep::testing
