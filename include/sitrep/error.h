// sitrep's one error style: a Result for the call, a Diagnostic for a record.
//
// A call returns a value or an Error (tl::expected, the shape of C++23
// std::expected). A bad record inside good input (a broken JSON line, an
// invalid UTF-8 article, a GeoNames row with 18 columns) is not an error of
// the call: the reader tells a DiagnosticSink, skips the record and goes on.
//
//   sitrep::Result<Article> a = ReadTextFile(path);
//   if (!a) std::cerr << a.error().message << "\n";
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace sitrep {

enum class ErrorCode {
  kInvalidInput,  // the input is malformed; fix the input
  kUnsupported,   // a format or version we cannot read
  kTooLarge,      // over a documented limit
  kNotFound,      // a file, id or name that does not exist
  kCorrupt,       // a compiled artefact or store that fails its checks
  kIo,            // the operating system refused a read or write
  kInternal,      // a library we call failed unexpectedly
};

// Returns a stable lower-case name ("invalid_input", ...).
const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // names the place: file, line or byte offset
};

template <typename T>
using Result = tl::expected<T, Error>;
using Status = Result<void>;

inline tl::unexpected<Error> MakeError(ErrorCode code, std::string message) {
  return tl::unexpected<Error>(Error{code, std::move(message)});
}

// One skipped or doubtful record: where, and why.
struct Diagnostic {
  enum class Severity { kWarning, kSkipped };
  Severity severity = Severity::kSkipped;
  std::string where;    // "articles.jsonl:17" or "page.html"
  std::string message;  // "invalid UTF-8 at byte 204"
};

// Collects diagnostics from readers and loaders. Report is thread-safe.
class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void Report(Diagnostic diagnostic) = 0;
};

// Keeps every diagnostic in memory; counts skipped records.
class CollectingSink final : public DiagnosticSink {
 public:
  void Report(Diagnostic diagnostic) override;
  std::vector<Diagnostic> Take();
  size_t skipped_count() const;
  size_t warning_count() const;

 private:
  mutable std::mutex mu_;
  std::vector<Diagnostic> items_;
  size_t skipped_count_ = 0;
  size_t warning_count_ = 0;
};

}  // namespace sitrep
