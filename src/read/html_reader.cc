// HTML: the page's main text without navigation, scripts and comments, its
// title, canonical address and publication date. gumbo parses the page as a
// browser would, so cut-off or broken markup still yields the text it has.
#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "read/read_internal.h"
#include "sitrep/date.h"
#include "sitrep/read.h"

namespace sitrep {
namespace read_internal {

namespace {

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

// Candidate main-text elements weighed at most; bounds the work on pages
// that nest <article> deeply or list hundreds of teasers.
constexpr size_t kMaxArticleCandidates = 32;
// JSON-LD is searched this deep for datePublished; real graphs are shallow.
constexpr int kMaxJsonLdDepth = 32;

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// gumbo's tree building is quadratic in nesting depth (50,000 nested <div>s
// take seconds), while real pages nest a few hundred deep at most. Pages
// are cut where they would nest deeper than this.
constexpr size_t kMaxNestingDepth = 1024;

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Tags that never hold children, or close themselves when a sibling opens,
// so they do not deepen the tree.
bool IsFlatTag(std::string_view name) {
  static constexpr std::string_view kFlat[] = {
      "area", "base", "br",    "col",    "embed", "hr",     "img",      "input",
      "link", "meta", "param", "source", "track", "wbr",    "p",        "li",
      "dt",   "dd",   "tr",    "td",     "th",    "option", "optgroup", "rb",
      "rp",   "rt",   "rtc",   "thead",  "tbody", "tfoot",  "colgroup", "caption"};
  return std::find(std::begin(kFlat), std::end(kFlat), name) != std::end(kFlat);
}

bool IsRawTextTag(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes";
}

// The byte offset where `html`, tokenised roughly as a browser would, first
// opens an element deeper than `max_depth`; html.size() when it never does.
size_t NestingCutOffset(std::string_view html, size_t max_depth) {
  std::vector<std::string> open;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    const size_t tag_start = pos;
    if (html.substr(pos, 4) == "<!--") {
      const size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    const bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    size_t name_begin = pos + (closing ? 2 : 1);
    if (name_begin >= html.size() || !IsAsciiAlpha(html[name_begin])) {
      pos = name_begin;
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < html.size() &&
           (IsAsciiAlpha(html[name_end]) || (html[name_end] >= '0' && html[name_end] <= '9') ||
            html[name_end] == '-' || html[name_end] == ':')) {
      ++name_end;
    }
    const std::string name = AsciiLower(html.substr(name_begin, name_end - name_begin));
    // The end of the tag, stepping over quoted attribute values.
    size_t end = name_end;
    char quote = 0;
    for (; end < html.size(); ++end) {
      const char c = html[end];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (end >= html.size()) break;
    pos = end + 1;
    if (closing) {
      for (size_t i = open.size(); i > 0; --i) {
        if (open[i - 1] == name) {
          open.resize(i - 1);
          break;
        }
      }
      continue;
    }
    if (IsRawTextTag(name)) {
      const std::string close = "</" + name;
      size_t search = pos;
      for (;;) {
        const size_t found = html.find("</", search);
        if (found == std::string_view::npos) return html.size();
        if (AsciiLower(html.substr(found, close.size())) == close) {
          pos = found;
          break;
        }
        search = found + 2;
      }
      continue;
    }
    if (html[end - 1] == '/' || IsFlatTag(name)) continue;
    open.push_back(name);
    if (open.size() > max_depth) return tag_start;
  }
  return html.size();
}

std::string_view TrimSpace(std::string_view s) {
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool IsElement(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

std::string_view Attribute(const GumboNode* node, const char* name) {
  if (!IsElement(node)) return {};
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? std::string_view(attr->value) : std::string_view();
}

// Elements whose text is never part of the article: code, chrome around
// the article, forms, embedded media, captions.
bool IsDropped(const GumboNode* node) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
      return true;
    default:
      break;
  }
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden")) return true;
  return AsciiLower(Attribute(node, "aria-hidden")) == "true";
}

// Elements that start and end a paragraph.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_HGROUP:
      return true;
    default:
      return false;
  }
}

// Builds paragraphs: whitespace (and no-break space) collapses to one space
// inside a paragraph, paragraphs are joined by a blank line.
class TextBuilder {
 public:
  void AddText(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space_ = true;
      } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
        pending_space_ = true;
        ++i;
      } else {
        if (pending_space_ && !paragraph_.empty()) paragraph_.push_back(' ');
        pending_space_ = false;
        paragraph_.push_back(c);
      }
    }
  }
  void Space() { pending_space_ = true; }
  void Break() {
    if (!paragraph_.empty()) {
      if (!text_.empty()) text_.append("\n\n");
      text_.append(paragraph_);
      paragraph_.clear();
    }
    pending_space_ = false;
  }
  std::string Finish() {
    Break();
    return std::move(text_);
  }

 private:
  std::string text_;
  std::string paragraph_;
  bool pending_space_ = false;
};

// The visible text under `root` as paragraphs. Iterative, so deep nesting
// cannot exhaust the stack.
std::string ExtractText(const GumboNode* root, bool drop_chrome) {
  TextBuilder builder;
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
  };
  std::vector<Frame> stack;
  stack.push_back({root, 0});
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboNode* node = frame.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      builder.AddText(node->v.text.text);
      stack.pop_back();
      continue;
    }
    if (node->type == GUMBO_NODE_COMMENT) {
      stack.pop_back();
      continue;
    }
    const GumboVector* children =
        node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
    if (frame.next_child == 0 && IsElement(node)) {
      if (drop_chrome && node != root && IsDropped(node)) {
        stack.pop_back();
        continue;
      }
      if (IsBlock(node->v.element.tag)) builder.Break();
    }
    if (frame.next_child < children->length) {
      const auto* child = static_cast<const GumboNode*>(children->data[frame.next_child++]);
      stack.push_back({child, 0});  // invalidates `frame`
      continue;
    }
    if (IsElement(node)) {
      const GumboTag tag = node->v.element.tag;
      if (IsBlock(tag)) builder.Break();
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) builder.Space();
    }
    stack.pop_back();
  }
  return builder.Finish();
}

// Finds the first "datePublished" string in JSON-LD, looking through
// objects, arrays and @graph.
std::optional<std::string> FindDatePublished(const nlohmann::json& value, int depth) {
  if (depth > kMaxJsonLdDepth) return std::nullopt;
  if (value.is_object()) {
    const auto it = value.find("datePublished");
    if (it != value.end() && it->is_string()) return it->get<std::string>();
  }
  if (value.is_object() || value.is_array()) {
    for (const auto& child : value) {
      if (!child.is_structured()) continue;
      if (auto found = FindDatePublished(child, depth + 1)) return found;
    }
  }
  return std::nullopt;
}

std::optional<Date> JsonLdDate(std::string_view script) {
  try {
    const nlohmann::json doc = nlohmann::json::parse(script, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return std::nullopt;
    if (const auto text = FindDatePublished(doc, 0)) return ParseIsoDate(TrimSpace(*text));
  } catch (const std::exception&) {
    // A malformed script is as good as none.
  }
  return std::nullopt;
}

bool IsInside(const GumboNode* node, const GumboNode* ancestor) {
  for (; node != nullptr; node = node->parent) {
    if (node == ancestor) return true;
  }
  return false;
}

// What one pass over the whole page finds.
struct PageFacts {
  std::string og_title, og_url, og_site_name, og_locale;
  std::string title_element, first_h1, canonical, html_lang;
  std::optional<Date> published_meta, json_ld, named_meta, itemprop;
  std::vector<std::pair<const GumboNode*, Date>> times;  // <time datetime>, in order
  std::vector<const GumboNode*> articles;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
};

void SetOnce(std::string& slot, std::string_view value) {
  value = TrimSpace(value);
  if (slot.empty() && !value.empty()) slot = std::string(value);
}

void SetOnce(std::optional<Date>& slot, std::string_view value) {
  if (!slot) slot = ParseIsoDate(TrimSpace(value));
}

std::string TextOf(const GumboNode* node) { return ExtractText(node, /*drop_chrome=*/true); }

void NoteMeta(const GumboNode* node, PageFacts& facts) {
  const std::string_view content = Attribute(node, "content");
  for (const char* attr : {"property", "name", "itemprop"}) {
    const std::string key = AsciiLower(TrimSpace(Attribute(node, attr)));
    if (key.empty()) continue;
    if (key == "og:title")
      SetOnce(facts.og_title, content);
    else if (key == "og:url")
      SetOnce(facts.og_url, content);
    else if (key == "og:site_name")
      SetOnce(facts.og_site_name, content);
    else if (key == "og:locale")
      SetOnce(facts.og_locale, content);
    else if (key == "article:published_time")
      SetOnce(facts.published_meta, content);
    else if (key == "datepublished")
      SetOnce(facts.itemprop, content);
    else if (key == "date" || key == "pubdate" || key == "publishdate" || key == "dc.date.issued" ||
             key == "dcterms.created") {
      SetOnce(facts.named_meta, content);
    }
  }
}

PageFacts CollectFacts(const GumboNode* root) {
  PageFacts facts;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_DOCUMENT && !IsElement(node)) continue;
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    // Push in reverse so nodes come off the stack in document order.
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
    if (!IsElement(node)) continue;
    switch (node->v.element.tag) {
      case GUMBO_TAG_HTML:
        SetOnce(facts.html_lang, Attribute(node, "lang"));
        break;
      case GUMBO_TAG_META:
        NoteMeta(node, facts);
        break;
      case GUMBO_TAG_TITLE:
        if (facts.title_element.empty()) facts.title_element = TextOf(node);
        break;
      case GUMBO_TAG_H1:
        if (facts.first_h1.empty()) facts.first_h1 = TextOf(node);
        break;
      case GUMBO_TAG_LINK:
        if (AsciiLower(TrimSpace(Attribute(node, "rel"))) == "canonical") {
          SetOnce(facts.canonical, Attribute(node, "href"));
        }
        break;
      case GUMBO_TAG_SCRIPT:
        if (!facts.json_ld &&
            AsciiLower(TrimSpace(Attribute(node, "type"))) == "application/ld+json" &&
            node->v.element.children.length > 0) {
          const auto* text = static_cast<const GumboNode*>(node->v.element.children.data[0]);
          if (text->type == GUMBO_NODE_TEXT) facts.json_ld = JsonLdDate(text->v.text.text);
        }
        break;
      case GUMBO_TAG_TIME:
        if (auto date = ParseIsoDate(TrimSpace(Attribute(node, "datetime")))) {
          facts.times.emplace_back(node, *date);
        }
        break;
      case GUMBO_TAG_ARTICLE:
        facts.articles.push_back(node);
        break;
      case GUMBO_TAG_MAIN:
        if (!facts.main) facts.main = node;
        break;
      case GUMBO_TAG_BODY:
        if (!facts.body) facts.body = node;
        break;
      default:
        break;
    }
  }
  return facts;
}

// "fr-FR" or "fr_FR" -> "fr"; anything that is not a language subtag -> "".
std::string LanguageHint(std::string_view tag) {
  const size_t end = tag.find_first_of("-_");
  const std::string primary = AsciiLower(tag.substr(0, end));
  if (primary.size() < 2 || primary.size() > 3) return "";
  if (!std::all_of(primary.begin(), primary.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return "";
  }
  return primary;
}

}  // namespace

void ReadHtmlAs(std::string_view content, const std::string& origin, const std::string& id,
                const ReadOptions& options, DiagnosticSink& sink,
                const ArticleCallback& on_article) {
  if (auto why = CheckWholeInput(content, options.max_article_bytes)) {
    ReportSkipped(sink, origin, std::move(*why));
    return;
  }
  content = StripBom(content);
  if (const size_t cut = NestingCutOffset(content, kMaxNestingDepth); cut < content.size()) {
    ReportWarning(sink, origin,
                  "elements nested deeper than " + std::to_string(kMaxNestingDepth) +
                      "; read up to byte " + std::to_string(cut));
    content = content.substr(0, cut);
  }
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // we never read gumbo's error list; keep it empty
  const GumboOutputPtr output(
      gumbo_parse_with_options(&gumbo_options, content.data(), content.size()));
  if (!output) {
    ReportSkipped(sink, origin, "HTML parser failed");
    return;
  }
  const PageFacts facts = CollectFacts(output->document);

  // The main text: the <article> with the most text, else <main>, else <body>.
  const GumboNode* root = nullptr;
  std::string body;
  for (size_t i = 0; i < facts.articles.size() && i < kMaxArticleCandidates; ++i) {
    std::string text = ExtractText(facts.articles[i], /*drop_chrome=*/true);
    if (text.size() > body.size()) {
      body = std::move(text);
      root = facts.articles[i];
    }
  }
  if (body.empty() && facts.main) {
    root = facts.main;
    body = ExtractText(root, true);
  }
  if (body.empty()) {
    root = facts.body ? facts.body : output->document;
    body = ExtractText(root, true);
  }
  if (body.empty()) {
    ReportSkipped(sink, origin, "no text in HTML");
    return;
  }

  Article article;
  article.id = id;
  article.origin = origin;
  article.title = !facts.og_title.empty()        ? facts.og_title
                  : !facts.title_element.empty() ? facts.title_element
                                                 : facts.first_h1;
  // og:title and <title> are not decoded twice by gumbo; collapse their
  // whitespace the way the body's is.
  {
    TextBuilder title;
    title.AddText(article.title);
    article.title = title.Finish();
  }
  article.url = !facts.canonical.empty() ? facts.canonical : facts.og_url;
  article.source = facts.og_site_name;
  article.lang = LanguageHint(!facts.html_lang.empty() ? facts.html_lang : facts.og_locale);

  // The date: the page's own metadata first, then visible <time> (inside
  // the main text before elsewhere), then older meta names.
  article.pub_date = facts.published_meta;
  if (!article.pub_date) article.pub_date = facts.json_ld;
  if (!article.pub_date) {
    for (const auto& [node, date] : facts.times) {
      if (IsInside(node, root)) {
        article.pub_date = date;
        break;
      }
    }
    if (!article.pub_date && !facts.times.empty()) article.pub_date = facts.times.front().second;
  }
  if (!article.pub_date) article.pub_date = facts.itemprop;
  if (!article.pub_date) article.pub_date = facts.named_meta;

  // The headline often opens the body already (an <h1> in the article).
  const bool body_has_title =
      !article.title.empty() && body.starts_with(article.title) &&
      (body.size() == article.title.size() || body[article.title.size()] == '\n');
  if (article.title.empty() || body_has_title) {
    article.raw_text = std::move(body);
  } else {
    article.raw_text = article.title + "\n\n" + body;
  }
  if (auto why = CheckRawText(article.raw_text, options.max_article_bytes)) {
    ReportSkipped(sink, origin, std::move(*why));
    return;
  }
  on_article(std::move(article));
}

}  // namespace read_internal

void ReadHtml(std::string_view content, const std::string& origin, const ReadOptions& options,
              DiagnosticSink& sink, const ArticleCallback& on_article) {
  read_internal::ReadHtmlAs(content, origin, read_internal::StemOf(origin), options, sink,
                            on_article);
}

}  // namespace sitrep
