#include "sitrep/pipeline.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

#include "sitrep/assemble.h"
#include "sitrep/gazetteer.h"
#include "sitrep/geocode.h"
#include "sitrep/lang_pack.h"
#include "sitrep/language.h"
#include "sitrep/normalize.h"
#include "sitrep/quantity.h"
#include "sitrep/recognize.h"
#include "sitrep/segment.h"
#include "sitrep/temporal.h"

#ifndef SITREP_DEFAULT_DATA_DIR
#define SITREP_DEFAULT_DATA_DIR "data"
#endif

namespace sitrep {
namespace {

// A title is the article's first paragraph when it is short and does not
// end like a sentence.
constexpr size_t kMaxTitleBytes = 300;

struct LoadedPack {
  LanguagePack pack;
  Recognizer recognizer;
};

// A 128-bit content digest (two FNV-1a passes with different seeds). Not
// cryptographic: it identifies identical texts for idempotent ingest.
std::string ContentHash(std::string_view text) {
  const uint64_t a = Fnv1a64(text);
  const uint64_t b = Fnv1a64(text, 0x9E3779B97F4A7C15ULL);
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return buf;
}

bool LooksLikeTitle(std::string_view paragraph) {
  if (paragraph.empty() || paragraph.size() > kMaxTitleBytes) return false;
  const char last = paragraph.back();
  return last != '.' && last != ':' && last != ';';
}

// One block per sentence: its text, then what each stage found in it.
std::string TraceAnalysis(const ArticleAnalysis& analysis) {
  std::string out;
  const std::string& text = analysis.text->text;
  for (size_t i = 0; i < analysis.sentences.size(); ++i) {
    const SentenceAnalysis& s = analysis.sentences[i];
    out += "[" + std::to_string(i) + "] " + (s.is_title ? "(title) " : "") +
           std::string(Slice(text, s.sentence.span)) + "\n";
    for (const Mention& m : s.mentions) {
      out += "    ";
      out += MentionKindName(m.kind);
      out += ": " + std::string(Slice(text, m.span)) + "\n";
    }
    for (const Quantity& q : s.quantities) {
      out += "    count: " + std::string(Slice(text, q.span)) + " = " +
             (q.count.low ? std::to_string(*q.count.low) : "?") + ".." +
             (q.count.high ? std::to_string(*q.count.high) : "?") +
             (q.sub_count ? " (sub-count)" : "") + (q.is_year_like ? " (year?)" : "") + "\n";
    }
    for (const DateMention& d : s.dates) {
      out += "    date: " + std::string(Slice(text, d.span)) + " = " +
             (d.date ? FormatIsoDate(*d.date) : "unresolved") + " " +
             DatePrecisionName(d.precision) + "\n";
    }
    for (const PlaceMention& p : s.places) {
      out += "    place: " + std::string(Slice(text, p.context_span)) + " -> " + p.location.name +
             " " + p.location.country + "/" + p.location.admin1 + " id " +
             std::to_string(p.location.geonames_id) + " prec " +
             std::to_string(p.location.geo_precision) + (p.is_region ? " region" : "") +
             (p.is_country ? " country" : "") +
             (p.location.note.empty() ? "" : " (" + p.location.note + ")") + "\n";
    }
  }
  return out;
}

}  // namespace

std::string DefaultDataDir() {
  if (const char* env = std::getenv("SITREP_DATA_DIR"); env && *env) return env;
  return SITREP_DEFAULT_DATA_DIR;
}

struct Pipeline::Impl {
  PipelineOptions options;
  std::vector<std::unique_ptr<LoadedPack>> packs;
  std::map<std::string, size_t> pack_by_code;
  std::unique_ptr<Gazetteer> gazetteer;
  std::unique_ptr<Geocoder> geocoder;

  const LoadedPack* PackFor(const std::string& code) const {
    auto it = pack_by_code.find(code);
    return it == pack_by_code.end() ? nullptr : packs[it->second].get();
  }
};

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Result<Pipeline> Pipeline::Create(const PipelineOptions& options, DiagnosticSink& sink) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->options.data_dir.empty()) impl->options.data_dir = DefaultDataDir();
  const std::string lang_dir = impl->options.data_dir + "/lang";
  auto packs = LoadLanguagePacks(lang_dir, sink);
  if (!packs) return tl::unexpected(packs.error());
  for (LanguagePack& pack : *packs) {
    if (!options.languages.empty() &&
        std::find(options.languages.begin(), options.languages.end(), pack.code) ==
            options.languages.end()) {
      continue;
    }
    auto recognizer = Recognizer::Create(pack);
    if (!recognizer) return tl::unexpected(recognizer.error());
    impl->pack_by_code[pack.code] = impl->packs.size();
    impl->packs.push_back(std::make_unique<LoadedPack>(
        LoadedPack{std::move(pack), std::move(*recognizer)}));
  }
  if (impl->packs.empty()) {
    return MakeError(ErrorCode::kNotFound, "no language pack loaded from " + lang_dir);
  }
  if (options.geocode) {
    std::string path = options.gazetteer_path;
    if (path.empty()) {
      const std::string fallback = impl->options.data_dir + "/gazetteer/default.gaz";
      std::error_code ec;
      if (std::filesystem::exists(fallback, ec)) path = fallback;
    }
    if (!path.empty()) {
      auto gaz = Gazetteer::Open(path);
      if (!gaz) return tl::unexpected(gaz.error());
      impl->gazetteer = std::make_unique<Gazetteer>(std::move(*gaz));
    } else {
      sink.Report(Diagnostic{Diagnostic::Severity::kWarning, impl->options.data_dir,
                             "no gazetteer (run scripts/build-gazetteer): places keep no coordinates"});
    }
  }
  auto geocoder = Geocoder::Create(impl->gazetteer.get());
  if (!geocoder) return tl::unexpected(geocoder.error());
  impl->geocoder = std::make_unique<Geocoder>(std::move(*geocoder));
  return Pipeline(std::move(impl));
}

std::vector<std::string> Pipeline::Languages() const {
  std::vector<std::string> out;
  for (const auto& p : impl_->packs) out.push_back(p->pack.code);
  return out;
}

Result<ArticleResult> Pipeline::Extract(const Article& article) const {
  auto normalized = Normalize(article.raw_text);
  if (!normalized) {
    return MakeError(normalized.error().code,
                     (article.origin.empty() ? article.id : article.origin) + ": " +
                         normalized.error().message);
  }
  const NormalizedText& norm = *normalized;
  ArticleResult result;
  result.article_id = article.id;
  result.pub_date = impl_->options.pub_date_override ? impl_->options.pub_date_override
                                                     : article.pub_date;
  if (!result.pub_date) {
    result.notes.push_back("no publication date: relative dates stay unresolved");
  }

  // Language: the declared one when we have its pack, else CLD2's guess.
  std::vector<std::string> available = Languages();
  std::string lang = article.lang;
  if (lang.empty() || !impl_->PackFor(lang)) {
    lang = DetectLanguage(norm.text, article.lang).code;
  }
  if (!impl_->PackFor(lang)) {
    return MakeError(ErrorCode::kUnsupported,
                     (article.origin.empty() ? article.id : article.origin) +
                         ": no language pack for '" + lang + "'");
  }
  result.lang = lang;

  const std::vector<Span> paragraphs = SplitParagraphs(norm.text);
  const std::vector<SpanLanguage> paragraph_langs =
      DetectParagraphLanguages(norm.text, paragraphs, lang, available);

  // Each thread keeps its own segmenters and scratch spaces.
  thread_local std::map<std::string, Segmenter> segmenters;
  thread_local std::map<const Recognizer*, RecognizerScratch> scratches;
  auto segmenter_for = [&](const std::string& code) -> Result<Segmenter*> {
    auto it = segmenters.find(code);
    if (it == segmenters.end()) {
      auto seg = Segmenter::Create(code);
      if (!seg) return tl::unexpected(seg.error());
      it = segmenters.emplace(code, std::move(*seg)).first;
    }
    return &it->second;
  };

  auto main_segmenter = segmenter_for(lang);
  if (!main_segmenter) return tl::unexpected(main_segmenter.error());
  std::vector<Sentence> sentences = (*main_segmenter)->Sentences(norm.text);

  ArticleAnalysis analysis;
  analysis.article_id = article.id;
  analysis.source = article.source;
  analysis.lang = lang;
  analysis.text = &norm;
  analysis.pub_date = result.pub_date;

  // Group sentences by the language of their paragraph.
  auto paragraph_lang = [&](uint32_t paragraph) -> const std::string& {
    return paragraph < paragraph_langs.size() ? paragraph_langs[paragraph].code : lang;
  };
  std::map<std::string, std::vector<size_t>> by_lang;
  for (size_t i = 0; i < sentences.size(); ++i) {
    std::string code = paragraph_lang(sentences[i].paragraph);
    if (!impl_->PackFor(code)) code = lang;
    by_lang[code].push_back(i);
  }
  analysis.sentences.resize(sentences.size());
  for (auto& [code, indices] : by_lang) {
    const LoadedPack* loaded = impl_->PackFor(code);
    auto seg = segmenter_for(code);
    if (!seg) return tl::unexpected(seg.error());
    auto scratch_it = scratches.find(&loaded->recognizer);
    if (scratch_it == scratches.end()) {
      auto scratch = loaded->recognizer.MakeScratch();
      if (!scratch) return tl::unexpected(scratch.error());
      scratch_it = scratches.emplace(&loaded->recognizer, std::move(*scratch)).first;
    }
    std::vector<Mention> mentions;
    std::vector<Sentence> group_sentences;
    std::vector<std::vector<Token>> group_tokens;
    for (size_t i : indices) {
      SentenceAnalysis& sa = analysis.sentences[i];
      sa.sentence = sentences[i];
      sa.pack = &loaded->pack;
      sa.tokens = (*seg)->Words(norm.text, sentences[i].span);
      sa.mentions = loaded->recognizer.Find(norm, sentences[i].span, scratch_it->second);
      sa.is_title = sentences[i].paragraph == 0 && paragraphs.size() > 1 &&
                    LooksLikeTitle(Slice(norm.text, paragraphs[0]));
      mentions.insert(mentions.end(), sa.mentions.begin(), sa.mentions.end());
      group_sentences.push_back(sentences[i]);
      group_tokens.push_back(sa.tokens);
    }
    std::vector<Quantity> quantities = ParseQuantities(norm, mentions, loaded->pack);
    std::vector<DateMention> dates = ResolveDates(norm, mentions, loaded->pack, result.pub_date);
    GeocodeContext context;
    std::vector<PlaceMention> places = impl_->geocoder->FindPlaces(
        norm, group_sentences, group_tokens, mentions, loaded->pack, context);
    // Hand each finding to the sentence that holds it.
    for (size_t k = 0; k < indices.size(); ++k) {
      SentenceAnalysis& sa = analysis.sentences[indices[k]];
      const Span span = sa.sentence.span;
      for (const Quantity& q : quantities) {
        if (span.Contains(q.span)) sa.quantities.push_back(q);
      }
      for (const DateMention& d : dates) {
        if (span.Contains(d.span)) sa.dates.push_back(d);
      }
      for (const PlaceMention& p : places) {
        if (span.Contains(p.span)) sa.places.push_back(p);
      }
    }
  }

  if (impl_->options.trace) result.trace = TraceAnalysis(analysis);
  AssembleOptions assemble_options;
  if (impl_->gazetteer) {
    const Gazetteer* gaz = impl_->gazetteer.get();
    assemble_options.country_name = [gaz](const std::string& iso2) {
      std::string name = gaz->CountryName(iso2);
      return name.empty() ? iso2 : name;
    };
  }
  result.events = AssembleEvents(analysis, assemble_options);
  result.content_hash = ContentHash(norm.text);
  result.text = norm.text;
  return result;
}

}  // namespace sitrep
