// Downloads a GeoNames country dump (CC.zip, alternatenames/CC.zip) and
// builds an index from it. The only network code of the gazetteer; the
// build itself stays offline.
#include <archive.h>
#include <archive_entry.h>
#include <curl/curl.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>

#include "sitrep/gazetteer.h"

namespace sitrep {
namespace {

size_t WriteToString(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// Fetches `url` into `body`. Returns the HTTP status, or an error for a
// transport failure.
Result<long> Download(const std::string& url, long timeout_seconds, std::string* body) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return MakeError(ErrorCode::kInternal, "curl_easy_init failed");
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, WriteToString);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, body);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "sitrep-gazetteer-fetch");
  const CURLcode rc = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    return MakeError(ErrorCode::kIo, url + ": " + (error[0] ? error : curl_easy_strerror(rc)));
  }
  return status;
}

// Extracts the member named `member` of the zip in `zip` to `out_path`.
Status ExtractMember(const std::string& zip, const std::string& member, const std::string& url,
                     const std::string& out_path) {
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  archive_read_support_filter_all(a);
  if (archive_read_open_memory(a, zip.data(), zip.size()) != ARCHIVE_OK) {
    std::string message = url + ": not a zip archive: " + archive_error_string(a);
    archive_read_free(a);
    return MakeError(ErrorCode::kIo, message);
  }
  archive_entry* entry = nullptr;
  int rc;
  while ((rc = archive_read_next_header(a, &entry)) == ARCHIVE_OK) {
    const char* name = archive_entry_pathname(entry);
    if (name == nullptr || member != name) {
      archive_read_data_skip(a);
      continue;
    }
    std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
    if (!out) {
      archive_read_free(a);
      return MakeError(ErrorCode::kIo, out_path + ": cannot open for writing");
    }
    char buffer[1 << 16];
    la_ssize_t n;
    while ((n = archive_read_data(a, buffer, sizeof(buffer))) > 0) out.write(buffer, n);
    if (n < 0) {
      std::string message = url + ": " + member + ": " + archive_error_string(a);
      archive_read_free(a);
      return MakeError(ErrorCode::kIo, message);
    }
    archive_read_free(a);
    out.flush();
    if (!out) return MakeError(ErrorCode::kIo, out_path + ": write failed");
    return {};
  }
  const std::string message =
      rc == ARCHIVE_EOF ? url + ": the zip has no member " + member
                        : url + ": " + (archive_error_string(a) ? archive_error_string(a) : "bad zip");
  archive_read_free(a);
  return MakeError(ErrorCode::kIo, message);
}

}  // namespace

Result<GazetteerBuildStats> FetchGeoNamesCountry(const FetchOptions& options,
                                                 const std::string& output_path,
                                                 DiagnosticSink& sink) {
  const std::string& cc = options.country_code;
  if (cc.size() != 2 || !std::isalpha(static_cast<unsigned char>(cc[0])) ||
      !std::isalpha(static_cast<unsigned char>(cc[1]))) {
    return MakeError(ErrorCode::kInvalidInput, "country code '" + cc + "' is not two letters");
  }
  std::string code = cc;
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string base = options.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();

  std::error_code ec;
  const std::filesystem::path out_dir =
      std::filesystem::absolute(output_path, ec).parent_path();
  const std::filesystem::path work =
      out_dir / (".sitrep-fetch-" + code + "-" + std::to_string(::getpid()));
  std::filesystem::create_directories(work, ec);
  if (ec) return MakeError(ErrorCode::kIo, work.string() + ": " + ec.message());
  struct Cleanup {
    std::filesystem::path dir;
    ~Cleanup() {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  } cleanup{work};

  GazetteerBuildOptions build = options.build;
  {
    const std::string url = base + "/" + code + ".zip";
    std::string body;
    auto status = Download(url, options.timeout_seconds, &body);
    if (!status) return tl::unexpected(status.error());
    if (*status != 200) {
      return MakeError(ErrorCode::kIo, url + ": HTTP status " + std::to_string(*status));
    }
    const std::string txt = (work / (code + ".txt")).string();
    if (auto st = ExtractMember(body, code + ".txt", url, txt); !st) return tl::unexpected(st.error());
    build.geonames_files = {txt};
  }
  if (options.alternate_names) {
    const std::string url = base + "/alternatenames/" + code + ".zip";
    std::string body;
    auto status = Download(url, options.timeout_seconds, &body);
    if (!status) return tl::unexpected(status.error());
    if (*status == 200) {
      const std::string txt = (work / ("alternateNames-" + code + ".txt")).string();
      if (auto st = ExtractMember(body, code + ".txt", url, txt); !st) {
        return tl::unexpected(st.error());
      }
      build.alternate_names_files = {txt};
    } else {
      sink.Report({Diagnostic::Severity::kWarning, url,
                   "HTTP status " + std::to_string(*status) + "; building without alternate names"});
    }
  }
  if (build.source_description.empty()) {
    build.source_description = "GeoNames " + code + ".zip from " + base;
  }
  return BuildGazetteer(build, output_path, sink);
}

}  // namespace sitrep
