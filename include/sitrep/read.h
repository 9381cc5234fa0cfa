// Readers: files, folders and standard input in, Articles out. The first
// stage of the pipeline: everything after it sees only Articles.
//
// Formats: plain text (.txt/.text/.md and anything unrecognised that is
// valid UTF-8: the whole file is one article, BOM removed, CRLF -> LF),
// JSON Lines (.jsonl/.ndjson: one article an object with id, url, title,
// pub_date (ISO date, ISO timestamp or Unix seconds), lang, text, and
// optional source or outlet; other fields are ignored; raw_text is
// title + "\n\n" + text, or text when the title is empty), HTML
// (.html/.htm, or content that starts like HTML: main text from <article>,
// else <main>, else <body>, without navigation, scripts, captions and
// comments, one paragraph a block joined by "\n\n"; title from og:title,
// <title> or the first <h1>; url from rel=canonical or og:url; publication
// date from article:published_time, JSON-LD datePublished, <time datetime>
// or a date <meta>). A name ending in .gz (or .bz2, .xz, .zst), or content
// starting with such a stream's magic bytes, is decompressed first and read
// by the name without that suffix. A folder is walked recursively in sorted
// order, skipping hidden files and folders; "-" is standard input (format
// sniffed from its content).
//
// Article ids: the JSON "id", else "<file stem>:<line>"; for other formats
// the path relative to the folder given, or the file stem for a single file.
// Article.origin is "<path>:<line>" for JSON Lines and "<path>" otherwise.
//
// A bad record (invalid UTF-8 or binary data, naming the byte offset; empty;
// over max_article_bytes; a broken JSON line; HTML without text) is reported
// to the sink as Diagnostic::kSkipped with file (and line), skipped, and
// reading goes on. Every delivered Article has non-blank, valid UTF-8
// raw_text without NUL, at most max_article_bytes long.
//
// The functions keep no state between calls: several threads may call them
// at once with their own sinks and callbacks (a shared CollectingSink is
// thread-safe).
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
  // A larger article, or text or HTML file, is skipped with a Diagnostic.
  size_t max_article_bytes = kMaxArticleBytes;
};

using ArticleCallback = std::function<void(Article)>;

// Reads a file, a folder (recursively) or "-" (stdin). Calls `on_article`
// for each good article, in input order, as it is read (JSON Lines stream
// through a bounded buffer). Fails only when the path itself cannot be
// opened (kNotFound, kIo); bad records, and files of a folder that cannot be
// opened, go to `sink`.
[[nodiscard]] Status ReadPath(const std::string& path, const ReadOptions& options,
                              DiagnosticSink& sink, const ArticleCallback& on_article);

// The per-format readers, on content already in memory. `origin` names the
// input in messages ("page.html", "<stdin>"); ids default to its file stem.
// `content` is only borrowed for the call.
void ReadText(std::string_view content, const std::string& origin, const ReadOptions& options,
              DiagnosticSink& sink, const ArticleCallback& on_article);
void ReadJsonl(std::string_view content, const std::string& origin, const ReadOptions& options,
               DiagnosticSink& sink, const ArticleCallback& on_article);
void ReadHtml(std::string_view content, const std::string& origin, const ReadOptions& options,
              DiagnosticSink& sink, const ArticleCallback& on_article);

// Guesses the format of `content` ("<" -> HTML, "{" -> JSON Lines, else text).
InputFormat SniffFormat(std::string_view content);

}  // namespace sitrep
