// The pipeline: the one place that knows the order of the stages.
//
//   read -> normalise -> detect language -> segment -> recognise ->
//   assemble -> geocode -> (merge -> store, in store.h)
//
// Create once (loads every language pack, compiles the recognisers, opens
// the gazetteer); Extract is const and thread-safe.
//
//   CollectingSink sink;
//   Result<Pipeline> p = Pipeline::Create(PipelineOptions{}, sink);
//   Result<ArticleResult> r = p->Extract(article);
//   for (const Event& e : r->events) ...
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/date.h"
#include "sitrep/error.h"
#include "sitrep/event.h"

namespace sitrep {

struct PipelineOptions {
  std::string data_dir;        // default: the build's data/ folder
  std::string gazetteer_path;  // default: data_dir/gazetteer/default.gaz when present
  bool geocode = true;         // false: places keep only their mention
  std::vector<std::string> languages;  // only these packs; empty = all
  std::optional<Date> pub_date_override;  // --pub-date
  bool trace = false;  // fill ArticleResult::trace with what each sentence holds
};

// What one article gives.
struct ArticleResult {
  std::string article_id;
  std::string lang;          // detected (or declared) language
  std::string text;          // the normalised text all spans point into
  std::string content_hash;  // hex SHA-256-like digest of `text` (stable)
  std::optional<Date> pub_date;
  std::vector<Event> events;
  std::vector<std::string> notes;  // e.g. "no publication date: relative dates unresolved"
  std::string trace;  // when PipelineOptions::trace: mentions, counts, dates, places per sentence
};

class Pipeline {
 public:
  // Fails when no language pack loads or the gazetteer is corrupt; bad pack
  // rows go to `sink`.
  [[nodiscard]] static Result<Pipeline> Create(const PipelineOptions& options,
                                               DiagnosticSink& sink);

  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;  // owns compiled packs and a mapped index
  Pipeline& operator=(const Pipeline&) = delete;

  // Runs every stage on one article. Fails with kInvalidInput when the text
  // is not valid UTF-8 or kUnsupported when no pack fits its language.
  // Thread-safe.
  [[nodiscard]] Result<ArticleResult> Extract(const Article& article) const;

  // Codes of the loaded packs.
  std::vector<std::string> Languages() const;

 private:
  struct Impl;
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The default data folder: $SITREP_DATA_DIR, else data/ next to the
// executable's source tree as configured at build time.
std::string DefaultDataDir();

}  // namespace sitrep
