// Fuzzes ReadHtml: each page gives exactly one article or one skipped
// record; a delivered article is non-blank UTF-8 within the limit whose
// text is paragraphs of collapsed whitespace joined by one blank line.
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

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // gumbo is linear, but the reader weighs up to 32 <article> candidates;
  // 256 KiB keeps each run well under a second.
  if (size < 1 || size > (256u << 10)) return 0;
  const size_t limits[] = {16, 4096, sitrep::kMaxArticleBytes};
  sitrep::ReadOptions options;
  options.max_article_bytes = limits[data[0] % 3];
  const std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);

  sitrep::CollectingSink sink;
  std::vector<sitrep::Article> articles;
  sitrep::ReadHtml(content, "fuzz/page.html", options, sink,
                   [&](sitrep::Article a) { articles.push_back(std::move(a)); });

  Check(articles.size() + sink.skipped_count() == 1);
  for (const sitrep::Diagnostic& d : sink.Take()) Check(d.where == "fuzz/page.html");
  for (const sitrep::Article& a : articles) {
    const std::string& t = a.raw_text;
    Check(sitrep::IsValidUtf8(t));
    Check(!t.empty() && t.size() <= options.max_article_bytes);
    Check(!IsSpace(t.front()) && !IsSpace(t.back()));
    Check(t.find('\0') == std::string::npos);
    for (const char* bad : {"  ", "\t", "\r", "\f", "\n\n\n", " \n", "\n "}) {
      Check(t.find(bad) == std::string::npos);
    }
    // Lone newlines never appear: paragraphs are joined by exactly "\n\n".
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] != '\n') continue;
      Check(i + 1 < t.size() && t[i + 1] == '\n');
      ++i;
    }
    Check(a.title.find('\n') == std::string::npos);
    if (!a.title.empty()) Check(t.starts_with(a.title));
    Check(sitrep::IsValidUtf8(a.title) && sitrep::IsValidUtf8(a.url) &&
          sitrep::IsValidUtf8(a.lang));
    if (a.pub_date)
      Check(sitrep::IsValidDate(a.pub_date->year, a.pub_date->month, a.pub_date->day));
    Check(a.id == "page");
  }
  return 0;
}
