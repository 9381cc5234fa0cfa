// Readers: files, folders and standard input in, Articles out.
//
// Formats: plain text (.txt and anything unrecognised that is valid UTF-8),
// JSON Lines (.jsonl: one article an object with id, url, title, pub_date,
// lang, text, and optional source), HTML (.html/.htm, or content that starts
// like HTML: main text without navigation, scripts and comments, title, and
// publication date from article:published_time, JSON-LD datePublished or
// <time datetime>). A folder is walked recursively in sorted order; "-" is
// standard input (format sniffed from its content).
//
// A bad record (invalid UTF-8, binary data, empty, over kMaxArticleBytes,
// broken JSON line, HTML without text) is reported to the sink with file and
// line, skipped, and reading goes on.
//
//   CollectingSink sink;
//   ReadOptions opts;
//   Status s = ReadPath("articles.jsonl", opts, sink, [](Article a) { ... });
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/error.h"

namespace sitrep {

inline constexpr size_t kMaxArticleBytes = 10 * 1024 * 1024;

enum class InputFormat { kAuto, kText, kJsonl, kHtml };

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension, then content
  size_t max_article_bytes = kMaxArticleBytes;
};

using ArticleCallback = std::function<void(Article)>;

// Reads a file, a folder (recursively) or "-" (stdin). Calls `on_article`
// for each good article, in input order. Fails only when the path itself
// cannot be opened (kNotFound, kIo); bad records go to `sink`.
[[nodiscard]] Status ReadPath(const std::string& path, const ReadOptions& options,
                              DiagnosticSink& sink, const ArticleCallback& on_article);

// The per-format readers, on content already in memory. `origin` names the
// input in messages ("page.html", "<stdin>").
void ReadText(std::string_view content, const std::string& origin, const ReadOptions& options,
              DiagnosticSink& sink, const ArticleCallback& on_article);
void ReadJsonl(std::string_view content, const std::string& origin, const ReadOptions& options,
               DiagnosticSink& sink, const ArticleCallback& on_article);
void ReadHtml(std::string_view content, const std::string& origin, const ReadOptions& options,
              DiagnosticSink& sink, const ArticleCallback& on_article);

// Guesses the format of `content` ("<" -> HTML, "{" -> JSON Lines, else text).
InputFormat SniffFormat(std::string_view content);

}  // namespace sitrep
