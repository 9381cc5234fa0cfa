// Fuzzes ReadJsonl: delivered articles are non-blank UTF-8 within the limit,
// named by a line that exists, in increasing line order; every record is
// either delivered or skipped at most once per line; and reading the input
// in two chunks split anywhere gives the same result as one buffer.
#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "read/read_internal.h"
#include "sitrep/read.h"
#include "sitrep/text.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos;
}

constexpr std::string_view kOrigin = "fuzz.jsonl";

// The line number in "fuzz.jsonl:<n>", or 0 for the file itself.
size_t LineOf(std::string_view where) {
  if (where == kOrigin) return 0;
  Check(where.starts_with("fuzz.jsonl:"));
  where.remove_prefix(kOrigin.size() + 1);
  size_t line = 0;
  const auto r = std::from_chars(where.data(), where.data() + where.size(), line);
  Check(r.ec == std::errc() && r.ptr == where.data() + where.size() && line > 0);
  return line;
}

struct Outcome {
  std::vector<sitrep::Article> articles;
  std::vector<sitrep::Diagnostic> diagnostics;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // JSON parsing is linear; 256 KiB holds many lines and keeps runs fast.
  if (size < 2 || size > (256u << 10)) return 0;
  const size_t limits[] = {16, 4096, sitrep::kMaxArticleBytes};
  sitrep::ReadOptions options;
  options.max_article_bytes = limits[data[0] % 3];
  const std::string_view content(reinterpret_cast<const char*>(data) + 2, size - 2);
  const size_t split = content.empty() ? 0 : (data[1] * 131u) % (content.size() + 1);

  Outcome whole;
  {
    sitrep::CollectingSink sink;
    sitrep::ReadJsonl(content, std::string(kOrigin), options, sink,
                      [&](sitrep::Article a) { whole.articles.push_back(std::move(a)); });
    whole.diagnostics = sink.Take();
  }
  const size_t line_count =
      static_cast<size_t>(std::count(content.begin(), content.end(), '\n')) + 1;

  size_t last_line = 0;
  for (const sitrep::Article& a : whole.articles) {
    Check(sitrep::IsValidUtf8(a.raw_text));
    Check(!IsBlank(a.raw_text));
    Check(a.raw_text.size() <= options.max_article_bytes);
    Check(a.raw_text.find('\0') == std::string::npos);
    Check(!a.id.empty());
    Check(sitrep::IsValidUtf8(a.id) && sitrep::IsValidUtf8(a.title) && sitrep::IsValidUtf8(a.url));
    if (!a.title.empty()) Check(a.raw_text.starts_with(a.title + "\n\n"));
    if (a.pub_date)
      Check(sitrep::IsValidDate(a.pub_date->year, a.pub_date->month, a.pub_date->day));
    const size_t line = LineOf(a.origin);
    Check(line > last_line && line <= line_count);
    last_line = line;
  }
  // A line is delivered or skipped, never both, never twice; a file-level
  // skip (binary, empty) means nothing was read.
  std::vector<size_t> skipped_lines;
  bool file_skipped = false;
  for (const sitrep::Diagnostic& d : whole.diagnostics) {
    const size_t line = LineOf(d.where);
    Check(line <= line_count);
    if (d.severity != sitrep::Diagnostic::Severity::kSkipped) continue;
    if (line == 0) {
      Check(!file_skipped);
      file_skipped = true;
    } else {
      skipped_lines.push_back(line);
    }
  }
  if (file_skipped) Check(whole.articles.empty() && skipped_lines.empty());
  Check(std::is_sorted(skipped_lines.begin(), skipped_lines.end()));
  Check(std::adjacent_find(skipped_lines.begin(), skipped_lines.end()) == skipped_lines.end());
  for (const sitrep::Article& a : whole.articles) {
    Check(!std::binary_search(skipped_lines.begin(), skipped_lines.end(), LineOf(a.origin)));
  }
  Check(whole.articles.size() + skipped_lines.size() <= line_count);

  // The streaming path agrees with the one-buffer path.
  Outcome chunked;
  {
    sitrep::CollectingSink sink;
    sitrep::read_internal::JsonlReader reader(
        std::string(kOrigin), options, sink,
        [&](sitrep::Article a) { chunked.articles.push_back(std::move(a)); });
    reader.Feed(content.substr(0, split));
    reader.Feed(content.substr(split));
    reader.Finish();
    chunked.diagnostics = sink.Take();
  }
  Check(chunked.articles.size() == whole.articles.size());
  for (size_t i = 0; i < whole.articles.size(); ++i) {
    Check(chunked.articles[i].origin == whole.articles[i].origin);
    Check(chunked.articles[i].id == whole.articles[i].id);
    Check(chunked.articles[i].raw_text == whole.articles[i].raw_text);
  }
  Check(chunked.diagnostics.size() == whole.diagnostics.size());
  for (size_t i = 0; i < whole.diagnostics.size(); ++i) {
    Check(chunked.diagnostics[i].where == whole.diagnostics[i].where);
    Check(chunked.diagnostics[i].message == whole.diagnostics[i].message);
  }
  return 0;
}
