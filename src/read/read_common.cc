// The checks every reader shares; see read_internal.h.
#include <algorithm>
#include <filesystem>
#include <string>

#include "read/read_internal.h"
#include "sitrep/text.h"

namespace sitrep::read_internal {

void ReportSkipped(DiagnosticSink& sink, std::string where, std::string message) {
  sink.Report(Diagnostic{Diagnostic::Severity::kSkipped, std::move(where), std::move(message)});
}

void ReportWarning(DiagnosticSink& sink, std::string where, std::string message) {
  sink.Report(Diagnostic{Diagnostic::Severity::kWarning, std::move(where), std::move(message)});
}

std::string_view StripBom(std::string_view content) {
  while (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  return content;
}

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

std::optional<size_t> FindNulInHead(std::string_view content) {
  const size_t pos = content.substr(0, kBinarySniffBytes).find('\0');
  if (pos == std::string_view::npos) return std::nullopt;
  return pos;
}

std::optional<std::string> CheckWholeInput(std::string_view content, size_t max_bytes) {
  // Offsets in messages count from the start of the file, BOM included.
  const std::string_view body = StripBom(content);
  if (body.empty()) return "empty file";
  if (const auto nul = FindNulInHead(content)) {
    return "binary data (NUL byte at byte " + std::to_string(*nul) + ")";
  }
  if (content.size() > max_bytes) {
    return "larger than the limit of " + std::to_string(max_bytes) + " bytes";
  }
  size_t bad = 0;
  if (!IsValidUtf8(content, &bad)) return "invalid UTF-8 at byte " + std::to_string(bad);
  if (IsBlank(body)) return "no text (only whitespace)";
  return std::nullopt;
}

std::optional<std::string> CheckRawText(std::string_view raw_text, size_t max_bytes) {
  if (IsBlank(raw_text)) return "no text";
  if (raw_text.size() > max_bytes) {
    return "text of " + std::to_string(raw_text.size()) + " bytes is larger than the limit of " +
           std::to_string(max_bytes) + " bytes";
  }
  size_t bad = 0;
  if (!IsValidUtf8(raw_text, &bad)) {
    return "invalid UTF-8 in text at byte " + std::to_string(bad);
  }
  // A NUL can arrive escaped ("\u0000" in JSON, "&#0;" is replaced by HTML
  // parsers); later stages treat text as C-compatible, so refuse it here.
  if (const size_t nul = raw_text.find('\0'); nul != std::string_view::npos) {
    return "NUL character in text at byte " + std::to_string(nul);
  }
  return std::nullopt;
}

namespace {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The file name of `path` without a compression suffix.
std::string NameWithoutCompression(std::string_view path) {
  std::string name = std::filesystem::path(std::string(path)).filename().string();
  const std::string lower = AsciiLower(name);
  for (const std::string_view suffix : {".gz", ".bz2", ".xz", ".zst"}) {
    if (lower.size() > suffix.size() && lower.ends_with(suffix)) {
      name.resize(name.size() - suffix.size());
      break;
    }
  }
  return name;
}

}  // namespace

std::string StemOf(std::string_view path) {
  return std::filesystem::path(NameWithoutCompression(path)).stem().string();
}

std::string FormatExtensionOf(std::string_view path) {
  std::string ext = std::filesystem::path(NameWithoutCompression(path)).extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  return AsciiLower(ext);
}

InputFormat FormatForExtension(std::string_view extension) {
  if (extension == "txt" || extension == "text" || extension == "md") return InputFormat::kText;
  if (extension == "jsonl" || extension == "ndjson") return InputFormat::kJsonl;
  if (extension == "html" || extension == "htm") return InputFormat::kHtml;
  return InputFormat::kAuto;
}

}  // namespace sitrep::read_internal
