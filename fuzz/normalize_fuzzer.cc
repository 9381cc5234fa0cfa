// Fuzzes Normalize and FoldForMatch: the alignment must stay a monotone map
// onto UTF-8 boundaries of the NFC text, normalising and folding are
// idempotent, and the two folding entry points agree.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/normalize.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Normalisation is linear; 64 KiB already covers every path and keeps
  // each run fast.
  if (size > (64u << 10)) return 0;
  const std::string_view raw(reinterpret_cast<const char*>(data), size);

  // Folding any bytes never fails, and folding twice changes nothing.
  const std::string folded_any = sitrep::FoldForMatch(raw);
  Check(sitrep::IsValidUtf8(folded_any));
  Check(sitrep::FoldForMatch(folded_any) == folded_any);

  sitrep::Result<sitrep::NormalizedText> n = sitrep::Normalize(raw);
  if (!n) {
    Check(n.error().code == sitrep::ErrorCode::kInvalidInput);
    return 0;
  }
  const std::string& text = n->text;
  const std::vector<uint32_t>& map = n->folded_to_text;
  Check(sitrep::IsValidUtf8(text));
  Check(sitrep::IsValidUtf8(n->folded));
  Check(map.size() == n->folded.size() + 1);
  Check(map.back() == text.size());
  for (size_t i = 0; i < map.size(); ++i) {
    Check(map[i] <= text.size());
    Check(sitrep::IsUtf8Boundary(text, map[i]));
    if (i > 0) Check(map[i - 1] <= map[i]);
  }

  // The two folding paths agree on NFC text.
  Check(sitrep::FoldForMatch(text) == n->folded);

  // Normalising the output changes nothing.
  sitrep::Result<sitrep::NormalizedText> again = sitrep::Normalize(text);
  Check(again.has_value());
  Check(again->text == text);
  Check(again->folded == n->folded);
  Check(again->folded_to_text == map);

  // Round trips through the alignment stay inside the text, on boundaries,
  // and cover the folded span they came from.
  const uint32_t folded_size = static_cast<uint32_t>(n->folded.size());
  for (uint32_t begin = 0; begin <= folded_size; begin += 7) {
    const uint32_t end = std::min(folded_size, begin + 5);
    const sitrep::Span t = n->ToText(sitrep::Span{begin, end});
    Check(t.begin <= t.end && t.end <= text.size());
    Check(sitrep::IsUtf8Boundary(text, t.begin) && sitrep::IsUtf8Boundary(text, t.end));
    const sitrep::Span f = n->ToFolded(t);
    Check(f.begin <= begin && end <= f.end);
  }
  return 0;
}
