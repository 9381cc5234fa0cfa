// Plain text: the whole input is one article.
#include <string>

#include "read/read_internal.h"
#include "sitrep/read.h"

namespace sitrep {
namespace read_internal {

namespace {

// CRLF and lone CR become LF, so offsets do not depend on where a file was
// written.
std::string NormalizeLineEnds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

void ReadTextAs(std::string_view content, const std::string& origin, const std::string& id,
                const ReadOptions& options, DiagnosticSink& sink,
                const ArticleCallback& on_article) {
  if (auto why = CheckWholeInput(content, options.max_article_bytes)) {
    ReportSkipped(sink, origin, std::move(*why));
    return;
  }
  Article article;
  article.id = id;
  article.origin = origin;
  article.raw_text = NormalizeLineEnds(StripBom(content));
  if (auto why = CheckRawText(article.raw_text, options.max_article_bytes)) {
    ReportSkipped(sink, origin, std::move(*why));
    return;
  }
  on_article(std::move(article));
}

}  // namespace read_internal

void ReadText(std::string_view content, const std::string& origin, const ReadOptions& options,
              DiagnosticSink& sink, const ArticleCallback& on_article) {
  read_internal::ReadTextAs(content, origin, read_internal::StemOf(origin), options, sink,
                            on_article);
}

}  // namespace sitrep
