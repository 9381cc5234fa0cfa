// sitrep show: one merged event, each report with its evidence in context.
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "sitrep/output.h"
#include "sitrep/store.h"

namespace sitrep::cli {
namespace {

struct ShowFlags {
  std::string db = "sitrep.db";
  std::string event_id;
  bool json = false;
};

// Moves `offset` back (or forward) to a UTF-8 code point boundary.
size_t BackToBoundary(std::string_view text, size_t offset) {
  while (offset > 0 && offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
    --offset;
  return offset;
}

// The span with up to `context` bytes either side, the span highlighted:
// bold on a terminal, «…» otherwise. Newlines become spaces.
std::string Highlight(std::string_view text, Span span, bool terminal, size_t context = 100) {
  if (span.empty() || span.end > text.size()) return "(no evidence span)";
  const size_t begin = BackToBoundary(text, span.begin > context ? span.begin - context : 0);
  const size_t end = BackToBoundary(text, std::min(text.size(), static_cast<size_t>(span.end) + context));
  std::string out = begin > 0 ? "…" : "";
  out += text.substr(begin, span.begin - begin);
  out += terminal ? "\033[1m" : "«";
  out += text.substr(span.begin, span.size());
  out += terminal ? "\033[0m" : "»";
  out += text.substr(span.end, end - span.end);
  if (end < text.size()) out += "…";
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

std::string Count(const CountRange& c) {
  auto f = [](const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string("-"); };
  return "low " + f(c.low) + ", best " + f(c.best) + ", high " + f(c.high);
}

std::string Figure(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "-"; }

int RunShow(const ShowFlags& flags) {
  StoreOptions options;
  options.read_only = true;
  auto store = Store::Open(flags.db, options);
  if (!store) {
    std::cerr << "sitrep: " << store.error().message << "\n";
    return kExitError;
  }
  auto event = store->GetEvent(flags.event_id);
  if (!event) {
    std::cerr << "sitrep: " << flags.db << ": " << event.error().message << "\n";
    return kExitError;
  }
  if (flags.json) {
    std::cout << EventToJson(*event) << "\n";
    return kExitOk;
  }
  auto reports = store->GetEventReports(flags.event_id);
  if (!reports) {
    std::cerr << "sitrep: " << reports.error().message << "\n";
    return kExitError;
  }
  const bool terminal = isatty(STDOUT_FILENO) == 1;
  const Event& e = *event;
  const Location& l = e.location;
  std::cout << e.event_id << "  " << e.event_type << " / " << e.sub_event_type << "\n";
  std::cout << "  date      " << (e.event_date ? FormatIsoDate(*e.event_date) : "?") << " ("
            << DatePrecisionName(e.date_precision) << ")\n";
  std::cout << "  place     " << l.name << (l.admin2.empty() ? "" : ", " + l.admin2)
            << (l.admin1.empty() ? "" : ", " + l.admin1) << " " << l.country;
  if (l.has_coordinates()) std::cout << " (" << *l.lat << ", " << *l.lon << ")";
  std::cout << ", geo_precision " << l.geo_precision << "\n";
  std::cout << "  actors    " << e.actor1 << (e.actor2.empty() ? "" : " -> " + e.actor2) << "\n";
  std::cout << "  killed    " << Count(e.fatalities)
            << (e.fatalities_children ? ", children " + std::to_string(*e.fatalities_children) : "")
            << "\n";
  std::cout << "  injured   " << Count(e.injured) << "\n";
  for (const std::string& note : e.notes) std::cout << "  note      " << note << "\n";
  std::cout << "\n" << reports->size() << " article report(s):\n";
  size_t n = 0;
  for (const StoredReport& r : *reports) {
    const StoredArticle& a = r.article;
    std::cout << "\n[" << ++n << "] " << a.article_id << "  " << a.source
              << (a.pub_date ? "  published " + FormatIsoDate(*a.pub_date) : "") << "  (" << a.lang
              << ")" << (a.url.empty() ? "" : "  " + a.url) << "\n";
    const Event& re = r.event;
    std::cout << "    says      " << re.event_type << " / " << re.sub_event_type << ", "
              << (re.event_date ? FormatIsoDate(*re.event_date) : "?") << ", "
              << re.location.name << ", " << re.actor1 << ", killed " << Count(re.fatalities)
              << "\n";
    for (const Report& claim : re.reports) {
      std::cout << "    claim     " << (claim.source.empty() ? a.source : claim.source) << " "
                << StanceName(claim.stance) << ", killed " << Figure(claim.fatalities)
                << ", injured " << Figure(claim.injured) << "\n";
      std::cout << "              " << Highlight(a.text, claim.span, terminal) << "\n";
    }
    for (const auto& [field, spans] : re.evidence) {
      for (const Span& span : spans) {
        std::cout << "    " << field << std::string(field.size() < 10 ? 10 - field.size() : 1, ' ')
                  << Highlight(a.text, span, terminal, 60) << "\n";
      }
    }
  }
  return kExitOk;
}

void AddShow(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ShowFlags>();
  CLI::App* cmd = app.add_subcommand("show", "Show one merged event with each report's evidence");
  cmd->add_option("event_id", flags->event_id, "The event's id (ev-...)")->required();
  cmd->add_option("--db", flags->db, "Store file")->capture_default_str();
  cmd->add_flag("--json", flags->json, "Print the record as JSON instead");
  cmd->callback([flags, &exit_code] { exit_code = RunShow(*flags); });
}

}  // namespace

SITREP_REGISTER_COMMAND(80, AddShow);

}  // namespace sitrep::cli
