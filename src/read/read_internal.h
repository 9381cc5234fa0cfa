// Pieces the readers share: the checks every input and every article pass,
// and the JSON Lines reader that ReadPath feeds chunk by chunk. Private to
// src/read/.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sitrep/article.h"
#include "sitrep/error.h"
#include "sitrep/read.h"

namespace sitrep::read_internal {

// A NUL byte in this many leading bytes marks an input as binary, the test
// git and grep use: text formats never contain NUL.
inline constexpr size_t kBinarySniffBytes = 8 * 1024;

void ReportSkipped(DiagnosticSink& sink, std::string where, std::string message);
void ReportWarning(DiagnosticSink& sink, std::string where, std::string message);

// `content` without its leading UTF-8 byte order marks (files joined by
// `cat` can carry several).
std::string_view StripBom(std::string_view content);

// True when `text` holds only ASCII whitespace.
bool IsBlank(std::string_view text);

// The offset of the first NUL byte within the first kBinarySniffBytes.
std::optional<size_t> FindNulInHead(std::string_view content);

// Why a whole input (a text or HTML file, BOM removed) cannot be read, or
// nullopt when it can: empty, binary, over `max_bytes`, invalid UTF-8.
std::optional<std::string> CheckWholeInput(std::string_view content, size_t max_bytes);

// Why an article about to be delivered must be dropped, or nullopt: its
// raw_text is empty or blank, over `max_bytes`, not UTF-8, or holds NUL.
// Every reader passes this gate last, so callers may rely on it.
std::optional<std::string> CheckRawText(std::string_view raw_text, size_t max_bytes);

// "dir/page.html.gz" -> "page": the file name without compression suffix
// and extension.
std::string StemOf(std::string_view path);

// The lower-case extension of `path` ("txt"), after dropping a compression
// suffix (".gz", ".bz2", ".xz", ".zst").
std::string FormatExtensionOf(std::string_view path);

// The format an extension names, or kAuto when it names none.
InputFormat FormatForExtension(std::string_view extension);

// The readers of read.h with the article id chosen by the caller.
void ReadTextAs(std::string_view content, const std::string& origin, const std::string& id,
                const ReadOptions& options, DiagnosticSink& sink,
                const ArticleCallback& on_article);
void ReadHtmlAs(std::string_view content, const std::string& origin, const std::string& id,
                const ReadOptions& options, DiagnosticSink& sink,
                const ArticleCallback& on_article);

// Reads JSON Lines fed in chunks split anywhere, so a large file streams
// through a bounded buffer. Lines are numbered from 1; the first
// kBinarySniffBytes decide whether the whole input is binary.
class JsonlReader {
 public:
  JsonlReader(std::string origin, const ReadOptions& options, DiagnosticSink& sink,
              const ArticleCallback& on_article);
  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;
  ~JsonlReader();

  void Feed(std::string_view chunk);
  // Reads the last line (with or without a final newline) and reports an
  // input with no lines at all as empty.
  void Finish();

  size_t line_count() const { return line_number_; }

 private:
  struct Parser;

  void CheckHead();
  void FeedLines(std::string_view chunk);
  void EndLine();
  void HandleLine(std::string_view line, size_t line_number, size_t file_offset);

  std::string origin_;
  std::string stem_;
  ReadOptions options_;
  DiagnosticSink& sink_;
  ArticleCallback on_article_;
  std::unique_ptr<Parser> parser_;

  // Lines longer than this are skipped unread. JSON escapes can take three
  // times the bytes of the text they stand for ("\u0430" is 6 bytes for 2),
  // so a line may be that much longer than the article it holds.
  size_t max_line_bytes_ = 0;

  std::string head_;  // the first bytes, until the binary test is done
  bool head_checked_ = false;
  bool binary_ = false;
  bool saw_content_ = false;
  std::string line_;  // the current, unfinished line
  bool line_too_long_ = false;
  size_t line_number_ = 0;  // lines finished so far
  size_t offset_ = 0;       // bytes consumed before line_ (BOM included)
  size_t line_start_ = 0;   // file offset where the current line starts
};

}  // namespace sitrep::read_internal
