#include "sitrep/error.h"

namespace sitrep {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return "invalid_input";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kCorrupt: return "corrupt";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

void CollectingSink::Report(Diagnostic diagnostic) {
  std::lock_guard<std::mutex> lock(mu_);
  if (diagnostic.severity == Diagnostic::Severity::kSkipped) {
    ++skipped_count_;
  } else {
    ++warning_count_;
  }
  items_.push_back(std::move(diagnostic));
}

std::vector<Diagnostic> CollectingSink::Take() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<Diagnostic> out;
  out.swap(items_);
  return out;
}

size_t CollectingSink::skipped_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return skipped_count_;
}

size_t CollectingSink::warning_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return warning_count_;
}

}  // namespace sitrep
