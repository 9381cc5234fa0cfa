#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/read.h"

namespace sitrep {
namespace {

struct Collected {
  std::vector<Article> articles;
  std::vector<Diagnostic> diagnostics;
};

Collected RunHtml(std::string_view content, const std::string& origin = "site/page.html") {
  CollectingSink sink;
  Collected out;
  ReadHtml(content, origin, ReadOptions{}, sink,
           [&](Article a) { out.articles.push_back(std::move(a)); });
  out.diagnostics = sink.Take();
  return out;
}

const char kPage[] = R"(<!DOCTYPE html>
<html lang="fr-FR">
<head>
  <title>Le pont rouvre | Journal du Soir</title>
  <meta property="og:title" content="Le pont rouvre apr&egrave;s trois jours">
  <meta property="og:site_name" content="Journal du Soir">
  <meta property="article:published_time" content="2023-05-05T07:15:00+02:00">
  <link rel="canonical" href="https://journal.example/pont">
  <style>.x { color: red }</style>
  <script>var tracking = "SCRIPT TEXT";</script>
</head>
<body>
  <nav><a href="/">NAV TEXT</a></nav>
  <header><p>HEADER TEXT</p></header>
  <main>
    <article>
      <!-- COMMENT TEXT -->
      <p>Le   pont a
         rouvert <b>mercredi</b> matin.</p>
      <figure><img src="a.jpg"><figcaption>CAPTION TEXT</figcaption></figure>
      <p>Les travaux ont dur&eacute; trois&nbsp;jours &amp; deux nuits.<br>Une seconde ligne.</p>
      <ul><li>Premier point</li><li>Second point</li></ul>
      <aside>ASIDE TEXT</aside>
      <form><button>BUTTON TEXT</button></form>
      <script>document.write("INLINE SCRIPT")</script>
      <noscript>NOSCRIPT TEXT</noscript>
    </article>
    <p>MAIN OUTSIDE ARTICLE</p>
  </main>
  <footer>FOOTER TEXT</footer>
</body>
</html>
)";

TEST(ReadHtml, ExtractsMainTextTitleDateAndAddress) {
  const Collected got = RunHtml(kPage);
  EXPECT_TRUE(got.diagnostics.empty());
  ASSERT_EQ(got.articles.size(), 1u);
  const Article& a = got.articles[0];
  EXPECT_EQ(a.title, "Le pont rouvre apr\xC3\xA8s trois jours");
  EXPECT_EQ(a.raw_text,
            "Le pont rouvre apr\xC3\xA8s trois jours\n\n"
            "Le pont a rouvert mercredi matin.\n\n"
            "Les travaux ont dur\xC3\xA9 trois jours & deux nuits.\n\n"
            "Une seconde ligne.\n\n"
            "Premier point\n\n"
            "Second point");
  EXPECT_EQ(a.pub_date, (Date{2023, 5, 5}));
  EXPECT_EQ(a.url, "https://journal.example/pont");
  EXPECT_EQ(a.source, "Journal du Soir");
  EXPECT_EQ(a.lang, "fr");
  EXPECT_EQ(a.id, "page");
  EXPECT_EQ(a.origin, "site/page.html");
  for (const char* absent : {"SCRIPT", "NAV", "HEADER", "COMMENT", "CAPTION", "ASIDE", "BUTTON",
                             "NOSCRIPT", "FOOTER", "OUTSIDE", "color"}) {
    EXPECT_EQ(a.raw_text.find(absent), std::string::npos) << absent;
  }
}

TEST(ReadHtml, PicksThePublicationDateFromEachSource) {
  struct Case {
    std::string head;
    std::string body;
    Date expected;
  };
  const std::vector<Case> cases = {
      {R"(<meta property="article:published_time" content="2021-03-04T10:00:00Z">)",
       "",
       {2021, 3, 4}},
      {R"(<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2021-03-05T09:00:00+01:00"}]}</script>)",
       "",
       {2021, 3, 5}},
      {R"(<script type="application/ld+json">[{"@type": "NewsArticle", "datePublished": "2021-03-06"}]</script>)",
       "",
       {2021, 3, 6}},
      {"", R"(<p>Posted <time datetime="2021-03-07T08:00">Sunday</time>.</p>)", {2021, 3, 7}},
      {R"(<meta name="DC.date.issued" content="2021-03-08">)", "", {2021, 3, 8}},
      {R"(<meta name="pubdate" content="2021-03-09">)", "", {2021, 3, 9}},
      // The page's own published_time wins over a <time> in the text.
      {R"(<meta property="article:published_time" content="2021-03-10">)",
       R"(<p><time datetime="2020-01-01">long ago</time></p>)",
       {2021, 3, 10}},
      // Broken JSON-LD is ignored; the next source is used.
      {R"(<script type="application/ld+json">{"datePublished": </script><meta name="date" content="2021-03-11">)",
       "",
       {2021, 3, 11}},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const std::string page = "<html><head>" + cases[i].head + "</head><body><p>Body text.</p>" +
                             cases[i].body + "</body></html>";
    const Collected got = RunHtml(page);
    ASSERT_EQ(got.articles.size(), 1u) << "case " << i;
    EXPECT_EQ(got.articles[0].pub_date, cases[i].expected) << "case " << i;
  }
}

TEST(ReadHtml, NoDateWhenThePageHasNone) {
  const Collected got = RunHtml("<p>Just text.</p>");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_FALSE(got.articles[0].pub_date.has_value());
  EXPECT_EQ(got.articles[0].raw_text, "Just text.");
}

TEST(ReadHtml, TitleFallsBackFromOgTitleToTitleToFirstHeading) {
  struct Case {
    std::string page;
    std::string title;
    std::string raw_text;
  };
  const std::vector<Case> cases = {
      {"<title> Page  title </title><h1>Heading</h1><p>Body.</p>", "Page title",
       "Page title\n\nHeading\n\nBody."},
      {"<h1>Heading</h1><p>Body.</p>", "Heading", "Heading\n\nBody."},  // not repeated
      {"<meta property='og:title' content='Social'><title>Page</title><p>Body.</p>", "Social",
       "Social\n\nBody."},
      {"<p>Body.</p>", "", "Body."},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const Collected got = RunHtml(cases[i].page);
    ASSERT_EQ(got.articles.size(), 1u) << "case " << i;
    EXPECT_EQ(got.articles[0].title, cases[i].title) << "case " << i;
    EXPECT_EQ(got.articles[0].raw_text, cases[i].raw_text) << "case " << i;
  }
}

TEST(ReadHtml, PrefersArticleThenMainThenBody) {
  Collected got = RunHtml("<body><p>Body only.</p><main><p>In main.</p></main></body>");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].raw_text, "In main.");
  // Of several <article>s, the one with the most text.
  got = RunHtml(
      "<article><p>Teaser.</p></article><article><p>The full story, which is "
      "longer.</p></article>");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].raw_text, "The full story, which is longer.");
}

TEST(ReadHtml, OgUrlWhenNoCanonicalLink) {
  const Collected got =
      RunHtml("<meta property='og:url' content='https://example.org/x'><p>Body.</p>");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].url, "https://example.org/x");
}

TEST(ReadHtml, CutOffPageStillGivesItsText) {
  const Collected got = RunHtml(
      "<html><head><title>Cut</title></head><body><div><p>First paragraph.</p><p>Second "
      "paragraph cut o");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].raw_text, "Cut\n\nFirst paragraph.\n\nSecond paragraph cut o");
}

TEST(ReadHtml, TableCellsAndRows) {
  const Collected got = RunHtml(
      "<table><tr><td>Kharkiv</td><td>3</td></tr><tr><td>Odesa</td><td>1</td></tr></table>");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].raw_text, "Kharkiv 3\n\nOdesa 1");
}

TEST(ReadHtml, PageWithoutTextIsSkipped) {
  for (const std::string page :
       {"<html><head><title>T</title></head><body></body></html>",
        "<body><nav>Menu</nav><script>x()</script><!-- note --></body>", "<p> &nbsp; </p>"}) {
    const Collected got = RunHtml(page, "empty.html");
    EXPECT_TRUE(got.articles.empty()) << page;
    ASSERT_EQ(got.diagnostics.size(), 1u) << page;
    EXPECT_EQ(got.diagnostics[0].severity, Diagnostic::Severity::kSkipped);
    EXPECT_EQ(got.diagnostics[0].where, "empty.html");
    EXPECT_EQ(got.diagnostics[0].message, "no text in HTML");
  }
}

// gumbo slows down quadratically with depth; a page nested absurdly deep is
// read up to the element that goes past the limit.
TEST(ReadHtml, AbsurdNestingIsCutWithAWarning) {
  std::string page = "<p>Before.</p>";
  const size_t cut = page.size() + 1024 * 5;
  for (int i = 0; i < 3000; ++i) page += "<div>";
  page += "Too deep.";
  const Collected got = RunHtml(page, "deep.html");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].raw_text, "Before.");
  ASSERT_EQ(got.diagnostics.size(), 1u);
  EXPECT_EQ(got.diagnostics[0].severity, Diagnostic::Severity::kWarning);
  EXPECT_EQ(got.diagnostics[0].message,
            "elements nested deeper than 1024; read up to byte " + std::to_string(cut));
}

TEST(ReadHtml, ManySiblingsAndSelfClosingTagsAreNotNesting) {
  std::string page = "<ul>";
  for (int i = 0; i < 2000; ++i) page += "<li>item<br><img src='x'><span>s</span>";
  page += "</ul>";
  for (int i = 0; i < 1500; ++i) page += "<div></x></div>";  // stray end tags close nothing
  page += "<p>End.";
  const Collected got = RunHtml(page);
  EXPECT_TRUE(got.diagnostics.empty());
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_TRUE(got.articles[0].raw_text.ends_with("s\n\nitem\n\ns\n\nEnd."))
      << got.articles[0].raw_text.substr(0, 80);
}

TEST(ReadHtml, BadBytesAreSkippedWithTheOffset) {
  Collected got = RunHtml("<p>caf\xE9</p>", "latin1.html");
  ASSERT_EQ(got.diagnostics.size(), 1u);
  EXPECT_EQ(got.diagnostics[0].where, "latin1.html");
  EXPECT_EQ(got.diagnostics[0].message, "invalid UTF-8 at byte 6");
  got = RunHtml(std::string("<p>a\0b</p>", 10), "nul.html");
  ASSERT_EQ(got.diagnostics.size(), 1u);
  EXPECT_EQ(got.diagnostics[0].message, "binary data (NUL byte at byte 4)");
  EXPECT_TRUE(got.articles.empty());
}

}  // namespace
}  // namespace sitrep
