// An article as the readers give it: raw text in, with where it came from.
//
// Readers (read.h) fill `raw_text` (UTF-8, possibly not yet NFC) and the
// metadata they find; the pipeline normalises it into `text` before any
// stage runs. Spans in events are byte offsets into `text`.
#pragma once

#include <optional>
#include <string>

#include "sitrep/date.h"

namespace sitrep {

struct Article {
  std::string id;        // from the input ("fr-0003") or derived from the path
  std::string url;       // may be empty
  std::string source;    // the outlet ("ukrinform.fr"), may be empty
  std::string title;     // may be empty
  std::optional<Date> pub_date;  // publication date, when known
  std::string lang;      // a hint from the input ("fr"); empty = detect
  std::string raw_text;  // title + blank line + body, as read (valid UTF-8)
  std::string origin;    // where it was read: "file.jsonl:17", "page.html"
};

}  // namespace sitrep
