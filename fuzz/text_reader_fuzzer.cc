// Fuzzes ReadText: each input gives exactly one article or one skipped
// record, and a delivered article is non-blank UTF-8 within the limit, with
// no BOM and no CR left.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/read.h"
#include "sitrep/text.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Reading is linear; 1 MiB covers every path without slowing the run.
  if (size < 1 || size > (1u << 20)) return 0;
  // The first byte picks the article limit, so the limit check is reached
  // with small inputs too.
  const size_t limits[] = {16, 4096, sitrep::kMaxArticleBytes};
  sitrep::ReadOptions options;
  options.max_article_bytes = limits[data[0] % 3];
  const std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);

  sitrep::CollectingSink sink;
  std::vector<sitrep::Article> articles;
  sitrep::ReadText(content, "fuzz/input.txt", options, sink,
                   [&](sitrep::Article a) { articles.push_back(std::move(a)); });

  Check(articles.size() + sink.skipped_count() == 1);
  Check(sink.warning_count() == 0);
  for (const sitrep::Diagnostic& d : sink.Take()) Check(d.where == "fuzz/input.txt");
  for (const sitrep::Article& a : articles) {
    Check(sitrep::IsValidUtf8(a.raw_text));
    Check(!IsBlank(a.raw_text));
    Check(a.raw_text.size() <= options.max_article_bytes);
    Check(a.raw_text.size() <= content.size());
    Check(a.raw_text.find('\r') == std::string::npos);
    Check(a.raw_text.find('\0') == std::string::npos);
    Check(!a.raw_text.starts_with("\xEF\xBB\xBF"));
    Check(a.id == "input");
    Check(a.origin == "fuzz/input.txt");
  }
  return 0;
}
