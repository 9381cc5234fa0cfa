// JSON Lines: one article an object a line. A bad line is reported with its
// number and skipped; blank lines are ignored.
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "read/read_internal.h"
#include "sitrep/date.h"
#include "sitrep/read.h"
#include "sitrep/text.h"

#ifdef SITREP_HAVE_SIMDJSON
#include <simdjson.h>
#else
#include <nlohmann/json.hpp>
#endif

namespace sitrep {
namespace read_internal {

namespace {

// What one line holds, before it becomes an Article. Each string field is
// set only when the line has it as a JSON string.
struct LineFields {
  std::optional<std::string> id, url, title, lang, text, source, outlet, pub_date_text;
  std::optional<double> pub_date_seconds;  // a numeric Unix timestamp
  std::string error;                       // why the line must be skipped
  std::vector<std::string> warnings;       // fields ignored, the line kept
};

bool IsFieldWeRead(std::string_view key) {
  return key == "id" || key == "url" || key == "title" || key == "lang" || key == "text" ||
         key == "source" || key == "outlet" || key == "pub_date";
}

std::optional<std::string>* StringSlot(LineFields& fields, std::string_view key) {
  if (key == "id") return &fields.id;
  if (key == "url") return &fields.url;
  if (key == "title") return &fields.title;
  if (key == "lang") return &fields.lang;
  if (key == "text") return &fields.text;
  if (key == "source") return &fields.source;
  if (key == "outlet") return &fields.outlet;
  if (key == "pub_date") return &fields.pub_date_text;
  return nullptr;
}

std::string NumberText(double value) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, r.ptr);
}

// A Unix timestamp in seconds, or in milliseconds when it is too large to be
// seconds (1e11 s is in the year 5138), as a date.
std::optional<Date> DateFromTimestamp(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  if (std::fabs(value) > 1e11) value /= 1000.0;
  if (std::fabs(value) > 1e11) return std::nullopt;
  const auto days = static_cast<int64_t>(std::floor(value / 86400.0));
  return FromDays(days);
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

#ifdef SITREP_HAVE_SIMDJSON

// simdjson's DOM parser, reused across lines so its buffers are allocated once.
struct JsonlReader::Parser {
  simdjson::dom::parser parser;

  LineFields Parse(std::string_view line) {
    LineFields fields;
    const simdjson::padded_string padded(line);
    simdjson::dom::element doc;
    if (const auto err = parser.parse(padded).get(doc); err) {
      fields.error = std::string("broken JSON: ") + simdjson::error_message(err);
      return fields;
    }
    simdjson::dom::object object;
    if (doc.get_object().get(object)) {
      fields.error = "not a JSON object";
      return fields;
    }
    for (const auto field : object) {
      const std::string_view key = field.key;
      if (!IsFieldWeRead(key)) continue;
      const simdjson::dom::element value = field.value;
      if (value.is_null()) continue;
      std::string_view text;
      if (!value.get_string().get(text)) {
        *StringSlot(fields, key) = std::string(text);
      } else if (value.is_number() && (key == "id" || key == "pub_date")) {
        double number = 0;
        int64_t integer = 0;
        uint64_t unsigned_integer = 0;
        if (!value.get_int64().get(integer)) {
          number = static_cast<double>(integer);
          if (key == "id") fields.id = std::to_string(integer);
        } else if (!value.get_uint64().get(unsigned_integer)) {
          number = static_cast<double>(unsigned_integer);
          if (key == "id") fields.id = std::to_string(unsigned_integer);
        } else {
          if (value.get_double().get(number)) number = 0;
          if (key == "id") fields.id = NumberText(number);
        }
        if (key == "pub_date") fields.pub_date_seconds = number;
      } else if (key == "text") {
        fields.error = "\"text\" is not a string";
        return fields;
      } else {
        fields.warnings.push_back("\"" + std::string(key) + "\" is not a string; ignored");
      }
    }
    return fields;
  }
};

#else

// nlohmann::json, used when simdjson is not installed.
struct JsonlReader::Parser {
  LineFields Parse(std::string_view line) {
    LineFields fields;
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    } catch (const std::exception& e) {
      doc = nlohmann::json(nlohmann::json::value_t::discarded);
    }
    if (doc.is_discarded()) {
      fields.error = "broken JSON: not valid JSON";
      return fields;
    }
    if (!doc.is_object()) {
      fields.error = "not a JSON object";
      return fields;
    }
    for (const auto& [key, value] : doc.items()) {
      if (!IsFieldWeRead(key) || value.is_null()) continue;
      if (value.is_string()) {
        *StringSlot(fields, key) = value.get_ref<const std::string&>();
      } else if (value.is_number() && (key == "id" || key == "pub_date")) {
        double number = value.get<double>();
        if (key == "id") {
          fields.id = value.is_number_integer()
                          ? (value.is_number_unsigned() ? std::to_string(value.get<uint64_t>())
                                                        : std::to_string(value.get<int64_t>()))
                          : NumberText(number);
        }
        if (key == "pub_date") fields.pub_date_seconds = number;
      } else if (key == "text") {
        fields.error = "\"text\" is not a string";
        return fields;
      } else {
        fields.warnings.push_back("\"" + key + "\" is not a string; ignored");
      }
    }
    return fields;
  }
};

#endif

JsonlReader::JsonlReader(std::string origin, const ReadOptions& options, DiagnosticSink& sink,
                         const ArticleCallback& on_article)
    : origin_(std::move(origin)),
      stem_(StemOf(origin_)),
      options_(options),
      sink_(sink),
      on_article_(on_article),
      parser_(std::make_unique<Parser>()) {
  constexpr size_t kSlack = 64 * 1024;
  const size_t max = options_.max_article_bytes;
  max_line_bytes_ = max > (std::numeric_limits<size_t>::max() - kSlack) / 3
                        ? std::numeric_limits<size_t>::max()
                        : 3 * max + kSlack;
}

JsonlReader::~JsonlReader() = default;

void JsonlReader::Feed(std::string_view chunk) {
  if (binary_) return;
  if (head_checked_) {
    FeedLines(chunk);
    return;
  }
  head_.append(chunk);
  if (head_.size() >= kBinarySniffBytes) CheckHead();
}

void JsonlReader::CheckHead() {
  head_checked_ = true;
  std::string head = std::move(head_);
  head_.clear();
  if (const auto nul = FindNulInHead(head)) {
    binary_ = true;
    ReportSkipped(sink_, origin_, "binary data (NUL byte at byte " + std::to_string(*nul) + ")");
    return;
  }
  const std::string_view view = StripBom(head);
  offset_ = line_start_ = head.size() - view.size();
  FeedLines(view);
}

void JsonlReader::Finish() {
  if (!head_checked_) CheckHead();
  if (binary_) return;
  if (!line_.empty() || line_too_long_) EndLine();
  if (!saw_content_) ReportSkipped(sink_, origin_, "empty file");
}

void JsonlReader::FeedLines(std::string_view chunk) {
  while (!chunk.empty()) {
    const size_t newline = chunk.find('\n');
    const std::string_view piece = chunk.substr(0, newline);
    if (!line_too_long_) {
      if (line_.size() + piece.size() > max_line_bytes_) {
        line_too_long_ = true;
        line_.clear();
        line_.shrink_to_fit();
      } else {
        line_.append(piece);
      }
    }
    offset_ += piece.size();
    if (newline == std::string_view::npos) break;
    ++offset_;
    EndLine();
    chunk.remove_prefix(newline + 1);
  }
}

void JsonlReader::EndLine() {
  ++line_number_;
  if (line_too_long_) {
    saw_content_ = true;
    ReportSkipped(sink_, origin_ + ":" + std::to_string(line_number_),
                  "line longer than " + std::to_string(max_line_bytes_) + " bytes");
  } else {
    std::string_view line = line_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!IsBlank(line)) {
      saw_content_ = true;
      HandleLine(line, line_number_, line_start_);
    }
  }
  line_.clear();
  line_too_long_ = false;
  line_start_ = offset_;
}

void JsonlReader::HandleLine(std::string_view line, size_t line_number, size_t file_offset) {
  const std::string where = origin_ + ":" + std::to_string(line_number);
  size_t bad = 0;
  if (!IsValidUtf8(line, &bad)) {
    ReportSkipped(sink_, where, "invalid UTF-8 at byte " + std::to_string(file_offset + bad));
    return;
  }
  LineFields fields = parser_->Parse(line);
  if (!fields.error.empty()) {
    ReportSkipped(sink_, where, std::move(fields.error));
    return;
  }
  if (!fields.text) {
    ReportSkipped(sink_, where, "no \"text\" string");
    return;
  }
  if (IsBlank(*fields.text)) {
    ReportSkipped(sink_, where, "empty \"text\"");
    return;
  }
  for (std::string& warning : fields.warnings) ReportWarning(sink_, where, std::move(warning));

  Article article;
  article.id = fields.id && !fields.id->empty() ? std::move(*fields.id)
                                                : stem_ + ":" + std::to_string(line_number);
  article.url = std::move(fields.url).value_or("");
  article.title = std::move(fields.title).value_or("");
  article.lang = std::move(fields.lang).value_or("");
  article.source = fields.source && !fields.source->empty() ? std::move(*fields.source)
                                                            : std::move(fields.outlet).value_or("");
  if (fields.pub_date_text) {
    const std::string_view date_text = TrimAscii(*fields.pub_date_text);
    if (!date_text.empty()) {
      article.pub_date = ParseIsoDate(date_text);
      double seconds = 0;
      const auto r =
          std::from_chars(date_text.data(), date_text.data() + date_text.size(), seconds);
      if (!article.pub_date && r.ec == std::errc() &&
          r.ptr == date_text.data() + date_text.size()) {
        article.pub_date = DateFromTimestamp(seconds);
      }
      if (!article.pub_date) {
        ReportWarning(sink_, where, "pub_date is not an ISO date; read without a date");
      }
    }
  } else if (fields.pub_date_seconds) {
    article.pub_date = DateFromTimestamp(*fields.pub_date_seconds);
    if (!article.pub_date) {
      ReportWarning(sink_, where, "pub_date timestamp out of range; read without a date");
    }
  }
  if (article.title.empty()) {
    article.raw_text = std::move(*fields.text);
  } else {
    article.raw_text.reserve(article.title.size() + 2 + fields.text->size());
    article.raw_text.append(article.title).append("\n\n").append(*fields.text);
  }
  if (auto why = CheckRawText(article.raw_text, options_.max_article_bytes)) {
    ReportSkipped(sink_, where, std::move(*why));
    return;
  }
  article.origin = where;
  on_article_(std::move(article));
}

}  // namespace read_internal

void ReadJsonl(std::string_view content, const std::string& origin, const ReadOptions& options,
               DiagnosticSink& sink, const ArticleCallback& on_article) {
  read_internal::JsonlReader reader(origin, options, sink, on_article);
  reader.Feed(content);
  reader.Finish();
}

}  // namespace sitrep
