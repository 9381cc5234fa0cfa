// Synthetic articles and reports for the store's tests and benchmark: a
// seeded, deterministic generator (no randomness from the environment).
// Internal and header-only: tests and bench/store_bench.cc include it.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "sitrep/date.h"
#include "sitrep/event.h"
#include "sitrep/store.h"

namespace sitrep::store {

struct SyntheticOptions {
  uint64_t seed = 1;
  size_t article_count = 100;
  size_t first_article = 0;       // index of the first article (for chunks)
  int max_events_per_article = 3; // 1..max
  Date start{2024, 1, 1};
  int day_span = 30;              // event dates in [start, start + day_span)
  double lat_min = 48.0, lat_max = 50.0;  // the area the towns are in
  double lon_min = 35.0, lon_max = 38.0;
  size_t town_count = 40;         // distinct places events happen at
  size_t text_bytes = 1500;       // length of each article's text
};

struct SyntheticArticle {
  StoredArticle article;
  std::vector<Event> events;
};

class SyntheticGenerator {
 public:
  explicit SyntheticGenerator(SyntheticOptions options) : options_(options) {
    uint64_t town_state = options_.seed * 0x9E3779B97F4A7C15ull + 7;
    for (size_t i = 0; i < options_.town_count; ++i) {
      Town town;
      town.name = "Town-" + std::to_string(i);
      town.lat = options_.lat_min + Uniform(town_state) * (options_.lat_max - options_.lat_min);
      town.lon = options_.lon_min + Uniform(town_state) * (options_.lon_max - options_.lon_min);
      // One admin1 per 1-degree cell; region-only reports sit at its centre.
      town.admin1 = "Region-" + std::to_string(static_cast<int>(std::floor(town.lat))) + "-" +
                    std::to_string(static_cast<int>(std::floor(town.lon)));
      towns_.push_back(town);
    }
  }

  // Article `index` (0-based, global): the same index always gives the same
  // article.
  SyntheticArticle Make(size_t index) const {
    uint64_t state = options_.seed ^ (0xD1B54A32D192ED03ull * (index + 1));
    SyntheticArticle out;
    StoredArticle& a = out.article;
    a.article_id = "syn-" + std::to_string(index);
    a.source = kOutlets[Next(state) % 4];
    a.lang = kLangs[Next(state) % 4];
    a.title = "Report " + std::to_string(index);
    a.url = "https://example.org/" + std::to_string(index);
    const int64_t start_day = ToDays(options_.start);
    const int64_t base_day = start_day + static_cast<int64_t>(Next(state) % static_cast<uint64_t>(options_.day_span));
    a.pub_date = FromDays(base_day + 1);
    a.text.reserve(options_.text_bytes + 64);
    a.text = "Article " + std::to_string(index) + ". ";
    while (a.text.size() < options_.text_bytes) {
      a.text += kWords[Next(state) % 8];
      a.text += (Next(state) % 9 == 0) ? ". " : " ";
    }
    a.content_hash = HexHash(a.text);
    const int n_events = 1 + static_cast<int>(Next(state) % static_cast<uint64_t>(options_.max_events_per_article));
    for (int k = 0; k < n_events; ++k) {
      Event e;
      e.article_id = a.article_id;
      e.lang = a.lang;
      const uint64_t type_roll = Next(state) % 10;
      e.event_type = type_roll < 5 ? "Explosions/Remote violence"
                   : type_roll < 7 ? "Battles"
                   : type_roll < 9 ? "Violence against civilians"
                                   : "Protests";
      e.sub_event_type = e.event_type == "Battles" ? "Armed clash"
                       : e.event_type == "Protests" ? "Peaceful protest"
                       : e.event_type == "Violence against civilians" ? "Attack"
                       : (Next(state) % 2 ? "Shelling/artillery/missile attack" : "Air/drone strike");
      const int64_t day = base_day - static_cast<int64_t>(Next(state) % 2);
      e.event_date = FromDays(day);
      e.date_precision = Next(state) % 12 == 0 ? DatePrecision::kWeek : DatePrecision::kDay;
      const Town& town = towns_[Next(state) % towns_.size()];
      const uint64_t precision_roll = Next(state) % 20;
      e.location.country = "UA";
      e.location.admin1 = town.admin1;
      if (precision_roll == 0) {  // region only
        e.location.name = town.admin1;
        e.location.geo_precision = 3;
        e.location.lat = std::floor(town.lat) + 0.5;
        e.location.lon = std::floor(town.lon) + 0.5;
      } else {
        e.location.name = town.name;
        e.location.geo_precision = precision_roll < 4 ? 2 : 1;
        // Outlets place the same town a few kilometres apart.
        e.location.lat = town.lat + (Uniform(state) - 0.5) * 0.04;
        e.location.lon = town.lon + (Uniform(state) - 0.5) * 0.04;
      }
      e.location.mention = "in " + e.location.name;
      const uint64_t actor_roll = Next(state) % 10;
      e.actor1 = actor_roll < 6 ? "Military Forces of Russia"
               : actor_roll < 8 ? "Military Forces of Ukraine"
                                : "Unidentified Armed Group (Ukraine)";
      e.actor2 = e.event_type == "Battles" ? "Military Forces of Ukraine" : "Civilians (Ukraine)";
      if (Next(state) % 4 != 0) {
        const int64_t killed = static_cast<int64_t>(Next(state) % 12);
        if (Next(state) % 5 == 0) {
          e.fatalities = CountRange{killed, std::nullopt, killed + 10};
        } else {
          e.fatalities = CountRange{killed, killed, killed};
        }
      }
      if (Next(state) % 3 == 0) {
        const int64_t hurt = static_cast<int64_t>(Next(state) % 30);
        e.injured = CountRange{hurt, hurt, hurt};
      }
      const uint32_t begin = static_cast<uint32_t>(Next(state) % (a.text.size() - 40));
      const Span span{begin, begin + 30};
      e.evidence["event"] = {span};
      if (e.fatalities.known()) e.evidence["fatalities"] = {span};
      Report report;
      report.article_id = a.article_id;
      report.source = a.source;
      report.fatalities = e.fatalities.Point();
      report.injured = e.injured.Point();
      report.span = span;
      e.reports.push_back(report);
      if (Next(state) % 8 == 0) {
        Report denial;
        denial.article_id = a.article_id;
        denial.source = "Ministry of Defence";
        denial.stance = Next(state) % 2 ? Stance::kDenies : Stance::kBlamesOther;
        denial.span = Span{span.end, span.end + 8};
        e.reports.push_back(denial);
      }
      e.tone = -static_cast<double>(Next(state) % 100) / 100.0;
      e.confidence = 0.5 + static_cast<double>(Next(state) % 50) / 100.0;
      out.events.push_back(std::move(e));
    }
    return out;
  }

  std::vector<SyntheticArticle> MakeAll() const {
    std::vector<SyntheticArticle> out;
    for (size_t i = 0; i < options_.article_count; ++i) out.push_back(Make(options_.first_article + i));
    return out;
  }

  // 16 hex digits of FNV-1a over `text`: a stand-in for the pipeline's hash.
  static std::string HexHash(const std::string& text) {
    uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
    char buffer[20];
    std::snprintf(buffer, sizeof(buffer), "%016llx", static_cast<unsigned long long>(hash));
    return buffer;
  }

 private:
  struct Town {
    std::string name;
    std::string admin1;
    double lat = 0, lon = 0;
  };
  static constexpr const char* kOutlets[4] = {"kyivindependent.com", "ukrinform.fr", "bbc.co.uk",
                                              "lemonde.fr"};
  static constexpr const char* kLangs[4] = {"en", "fr", "uk", "ru"};
  static constexpr const char* kWords[8] = {"shelling", "village",  "regional", "governor",
                                            "reported", "civilians", "overnight", "strike"};

  static uint64_t Next(uint64_t& state) {  // splitmix64
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  static double Uniform(uint64_t& state) {
    return static_cast<double>(Next(state) >> 11) * (1.0 / 9007199254740992.0);
  }

  SyntheticOptions options_;
  std::vector<Town> towns_;
};

}  // namespace sitrep::store
