// FetchGeoNamesCountry against a GeoNames-like server on loopback serving
// zips this test writes with libarchive.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <thread>

#include "gazetteer/gazetteer_test_util.h"
#include "sitrep/gazetteer.h"

namespace sitrep {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A zip holding one member.
std::string Zip(const std::string& member, const std::string& content) {
  std::string out;
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_open(
      a, &out, nullptr,
      [](archive*, void* user, const void* buffer, size_t length) -> la_ssize_t {
        static_cast<std::string*>(user)->append(static_cast<const char*>(buffer), length);
        return static_cast<la_ssize_t>(length);
      },
      nullptr);
  archive_entry* entry = archive_entry_new();
  archive_entry_set_pathname(entry, member.c_str());
  archive_entry_set_size(entry, static_cast<la_int64_t>(content.size()));
  archive_entry_set_filetype(entry, AE_IFREG);
  archive_entry_set_perm(entry, 0644);
  archive_write_header(a, entry);
  archive_write_data(a, content.data(), content.size());
  archive_entry_free(entry);
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

class FakeGeoNames {
 public:
  explicit FakeGeoNames(std::map<std::string, std::string> files) : files_(std::move(files)) {
    server_.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      auto it = files_.find(req.path);
      if (it == files_.end()) {
        res.status = 404;
        return;
      }
      res.set_content(it->second, "application/zip");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    // bind_to_any_port also listens: requests queue until the thread accepts.
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~FakeGeoNames() {
    // stop() is a no-op before the loop runs; wait for it so join returns.
    while (!server_.is_running()) std::this_thread::yield();
    server_.stop();
    thread_.join();
  }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/dump"; }

 private:
  std::map<std::string, std::string> files_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

FetchOptions Options(const std::string& base_url) {
  FetchOptions options;
  options.country_code = "ua";
  options.base_url = base_url;
  options.timeout_seconds = 30;
  options.build = testing::TestBuildOptions();
  options.build.geonames_files.clear();
  options.build.source_description.clear();
  return options;
}

TEST(FetchGeoNamesCountry, DownloadsUnzipsAndBuilds) {
  const std::string td = std::string(SITREP_TESTDATA_DIR) + "/gazetteer/";
  FakeGeoNames server({
      {"/dump/UA.zip", Zip("UA.txt", ReadFile(td + "places.txt"))},
      {"/dump/alternatenames/UA.zip",
       Zip("UA.txt", "90000001\t703610\tfr\tKourylivka\t1\t\t\t\t\t\n"
                     "90000002\t703610\tlink\thttps://example.org/Kurylivka\t\t\t\t\t\t\n")},
  });
  const std::string out = testing::TestGazDir() + "/fetched.gaz";
  CollectingSink sink;
  auto stats = FetchGeoNamesCountry(Options(server.base_url()), out, sink);
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(stats->skipped_rows, 0u);
  EXPECT_EQ(sink.Take().size(), 0u);
  auto gaz = Gazetteer::Open(out);
  ASSERT_TRUE(gaz) << gaz.error().message;
  EXPECT_EQ(gaz->info().source_description, "GeoNames UA.zip from " + server.base_url());
  // From the main dump.
  auto kupiansk = gaz->Lookup("Kupiansk");
  ASSERT_FALSE(kupiansk.empty());
  EXPECT_EQ(kupiansk[0].place.geonames_id, 703656);
  // From alternatenames/UA.zip: an exact, preferred name.
  auto fr = gaz->Lookup("Kourylivka");
  ASSERT_FALSE(fr.empty());
  EXPECT_EQ(fr[0].place.geonames_id, 703610);
  EXPECT_EQ(fr[0].match, MatchKind::kExact);
  EXPECT_EQ(fr[0].source, NameSource::kPreferred);
  // The pseudo-language "link" row is not a name.
  EXPECT_TRUE(gaz->Lookup("https://example.org/Kurylivka", LookupOptions{false, 10}).empty());
  // The temporary folder is gone.
  for (const auto& e : std::filesystem::directory_iterator(testing::TestGazDir())) {
    EXPECT_EQ(e.path().filename().string().rfind(".sitrep-fetch-", 0), std::string::npos);
  }
}

TEST(FetchGeoNamesCountry, MissingAlternateNamesIsAWarning) {
  const std::string td = std::string(SITREP_TESTDATA_DIR) + "/gazetteer/";
  FakeGeoNames server({{"/dump/UA.zip", Zip("UA.txt", ReadFile(td + "places.txt"))}});
  CollectingSink sink;
  auto stats =
      FetchGeoNamesCountry(Options(server.base_url()), testing::TestGazDir() + "/noalt.gaz", sink);
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(sink.warning_count(), 1u);
  const auto d = sink.Take();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].where, server.base_url() + "/alternatenames/UA.zip");
  EXPECT_EQ(d[0].message, "HTTP status 404; building without alternate names");
}

TEST(FetchGeoNamesCountry, MissingDumpIsAnIoErrorWithTheUrl) {
  FakeGeoNames server({});
  CollectingSink sink;
  auto stats =
      FetchGeoNamesCountry(Options(server.base_url()), testing::TestGazDir() + "/none.gaz", sink);
  ASSERT_FALSE(stats);
  EXPECT_EQ(stats.error().code, ErrorCode::kIo);
  EXPECT_EQ(stats.error().message, server.base_url() + "/UA.zip: HTTP status 404");
}

TEST(FetchGeoNamesCountry, ZipWithoutTheCountryFileIsAnError) {
  FakeGeoNames server({{"/dump/UA.zip", Zip("readme.txt", "hello")}});
  CollectingSink sink;
  auto stats =
      FetchGeoNamesCountry(Options(server.base_url()), testing::TestGazDir() + "/bad.gaz", sink);
  ASSERT_FALSE(stats);
  EXPECT_EQ(stats.error().code, ErrorCode::kIo);
  EXPECT_EQ(stats.error().message, server.base_url() + "/UA.zip: the zip has no member UA.txt");
}

TEST(FetchGeoNamesCountry, BadCountryCodeIsInvalidInput) {
  CollectingSink sink;
  FetchOptions options;
  options.country_code = "UKR";
  auto stats = FetchGeoNamesCountry(options, testing::TestGazDir() + "/x.gaz", sink);
  ASSERT_FALSE(stats);
  EXPECT_EQ(stats.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace sitrep
