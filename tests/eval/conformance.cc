// eval_conformance: pass rates of MONEY, DATE and PERCENT values (and of the
// numeral parser) on third-party cases, scoped to news text as
// ../shared/conformance/README-money-dates.md explains.
//
//   build/tests/eval_conformance                 # a table of pass rates
//   build/tests/eval_conformance --failures      # and every failing case
//
// Duckling (vi, en): rows whose scope_hint is money-amount, money-range,
// date-absolute, date-relative or numeral, plus every negative row. Each row is
// a one-line document extracted with --published set to Duckling's reference
// date (vi 2017-02-02, en 2013-02-12). Strict: exactly one entity of the
// dimension, covering the whole text, with the right value; lenient: some
// entity of the dimension has the right value. Numerals have no entity of
// their own: they are scored with extract::ParseNumber on the whole text.
// Money: amount (relative 1e-9) and ISO currency; Duckling's "$" counts as USD
// and "£" as GBP (the "bare symbol" rows are counted apart); other non-ISO
// units are skipped. A range passes when both ends pass; an open bound when
// some money has the bound's amount (we keep no direction). Time: the value
// at its grain as our DATE strings (day, month, quarter, year; a week as its
// Monday); an interval by its start.
//
// Recognizers-Text (en): CurrencyModel and PercentModel per result (Dollar
// without isoCurrency counts as USD, in the bare bucket; other units without
// an ISO code are skipped); DateParser, DatePeriodParser and EnglishOthers'
// DateParser per result, the timex mapped as above (XXXX years resolved by
// the Future or the Past resolution, either accepted); empty Results are
// negatives.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "extract/extract.h"
#include "extract/values.h"
#include "text/normalize.h"

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace pw;
using namespace std::chrono;

namespace {

struct Tally {
  int strict = 0, lenient = 0, total = 0, skipped = 0;
};

std::map<std::string, Tally> tallies;  // "source / bucket"
bool show_failures = false;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  std::string out = s.str();
  if (out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
  return out;
}

const extract::RuleSet* rules = nullptr;

extract::Extraction Run(const std::string& text, const std::string& lang, sys_days published) {
  extract::ExtractOptions o;
  o.language = text::LanguageFromCode(lang);
  o.published = published;
  return extract::Extract(*rules, text::NormalizeDocument(text), o);
}

sys_days Day(const std::string& iso) {  // "YYYY-MM-DD..."
  return sys_days{year{std::stoi(iso.substr(0, 4))} / std::stoi(iso.substr(5, 2)) / std::stoi(iso.substr(8, 2))};
}

bool Near(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)}); }

std::string Currency(const std::string& unit, bool& bare) {
  bare = false;
  if (unit == "$" || unit == "Dollar") return bare = true, "USD";
  if (unit == "£" || unit == "Pound") return bare = true, "GBP";
  if (unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return unit;
  return "";
}

// Our DATE string of an ISO timestamp at a grain.
std::string AtGrain(const std::string& v, const std::string& grain) {
  if (grain == "year") return v.substr(0, 4);
  if (grain == "month") return v.substr(0, 7);
  if (grain == "quarter") return v.substr(0, 4) + "-Q" + std::to_string((std::stoi(v.substr(5, 2)) - 1) / 3 + 1);
  if (grain == "day" || grain == "week") return v.substr(0, 10);
  return "";
}

void Record(const std::string& bucket, bool strict, bool lenient, const std::string& what) {
  auto& t = tallies[bucket];
  ++t.total;
  t.strict += strict;
  t.lenient += lenient;
  if (show_failures && !lenient) std::cout << "FAIL " << bucket << ": " << what << "\n";
}

// Whether some entity of `type` has the value; `strict`: exactly one, covering the text.
template <class Pred>
std::pair<bool, bool> Check(const extract::Extraction& x, extract::EntityType type, Pred value_ok) {
  int count = 0;
  bool any = false, whole = false;
  for (const auto& e : x.entities) {
    if (e.type != type) continue;
    ++count;
    if (value_ok(e)) {
      any = true;
      whole = whole || (e.start == 0 && e.end == x.text.size());
    }
  }
  return {any && whole && count == 1, any};
}

std::string Describe(const extract::Extraction& x) {
  std::string s;
  for (const auto& e : x.entities) s += " [" + std::string(extract::EntityTypeName(e.type)) + " " + e.name + "]";
  return s.empty() ? " (nothing)" : s;
}

void Duckling(const fs::path& dir, const std::string& file, const std::string& lang, const std::string& reference) {
  std::ifstream in(dir / file);
  std::string line;
  while (std::getline(in, line)) {
    const auto row = json::parse(line).as_object();
    const std::string scope(row.at("scope_hint").as_string());
    const std::string text(row.at("text").as_string());
    const std::string dim(row.at("dimension").as_string());
    const bool negative = row.contains("negative") && row.at("negative").as_bool();
    static const std::set<std::string> kScopes = {"money-amount", "money-range", "date-absolute", "date-relative",
                                                  "numeral"};
    if (!negative && !kScopes.count(scope)) continue;
    const std::string bucket = "duckling " + file + " " + (negative ? "negative" : scope);
    if (dim == "Numeral") {
      const auto& e = row.at("expected").as_object();
      const double want = e.at("value").to_number<double>();
      auto got = extract::ParseNumber(text, lang == "vi" ? extract::NumberStyle::kVietnamese : extract::NumberStyle::kEnglish);
      const bool ok = got && Near(*got, want);
      Record(bucket, ok, ok, text);
      continue;
    }
    const auto x = Run(text, lang, Day(reference));
    const auto type = dim == "AmountOfMoney" ? extract::EntityType::kMoney : extract::EntityType::kDate;
    if (negative) {
      const bool none = std::none_of(x.entities.begin(), x.entities.end(), [&](const auto& e) { return e.type == type; });
      Record(bucket, none, none, text + " ->" + Describe(x));
      continue;
    }
    const auto& e = row.at("expected").as_object();
    if (dim == "AmountOfMoney") {
      auto bound = [](const json::object& b, std::string& cur, bool& bare) {
        cur = Currency(std::string(b.at("unit").as_string()), bare);
        return b.at("value").to_number<double>();
      };
      std::string cur, cur2;
      bool bare = false, bare2 = false;
      if (e.at("type").as_string() == "value") {
        const double v = bound(e, cur, bare);
        if (cur.empty()) {
          ++tallies[bucket].skipped;
          continue;
        }
        auto [s, l] = Check(x, type, [&](const extract::Entity& m) { return m.money && Near(m.money->amount, v) && m.money->currency == cur; });
        Record(bucket + (bare ? " (bare symbol)" : ""), s, l, text + " ->" + Describe(x));
      } else {
        const json::object* from = e.contains("from") ? &e.at("from").as_object() : nullptr;
        const json::object* to = e.contains("to") ? &e.at("to").as_object() : nullptr;
        std::optional<double> lo, hi;
        if (from) lo = bound(*from, cur, bare);
        if (to) hi = bound(*to, cur2, bare2);
        if (cur.empty() && from) cur = cur2;
        if (!from) cur = cur2;
        if (cur.empty()) {
          ++tallies[bucket].skipped;
          continue;
        }
        auto [s, l] = Check(x, type, [&](const extract::Entity& m) {
          if (!m.money || m.money->currency != cur) return false;
          if (lo && hi) return Near(m.money->amount, *lo) && m.money->amount_max && Near(*m.money->amount_max, *hi);
          return Near(m.money->amount, lo ? *lo : *hi);
        });
        Record(bucket + (lo && hi ? " range" : " open bound"), s, l, text + " ->" + Describe(x));
      }
      continue;
    }
    // Time.
    std::string want;
    if (e.at("type").as_string() == "value") {
      want = AtGrain(std::string(e.at("value").as_string()), std::string(e.at("grain").as_string()));
    } else if (e.contains("from")) {
      const auto& f = e.at("from").as_object();
      want = AtGrain(std::string(f.at("value").as_string()), std::string(f.at("grain").as_string()));
    }
    if (want.empty()) {
      ++tallies[bucket].skipped;
      continue;
    }
    auto [s, l] = Check(x, type, [&](const extract::Entity& m) { return m.date == want; });
    Record(bucket, s, l, text + " (want " + want + ") ->" + Describe(x));
  }
}

// A string member, or "" when absent or not a string (a few specs leave them out).
std::string Str(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string TimexToDate(const std::string& timex, const json::object& value) {
  // "(2017-01-01,2017-04-01,P3M)": a quarter when it starts one and lasts 3 months.
  if (!timex.empty() && timex[0] == '(') {
    if (timex.size() >= 28 && timex.substr(timex.size() - 5) == ",P3M)") {
      const int m = std::stoi(timex.substr(6, 2));
      if ((m - 1) % 3 == 0 && timex.substr(9, 2) == "01") return timex.substr(1, 4) + "-Q" + std::to_string((m - 1) / 3 + 1);
    }
    if (timex.substr(timex.size() - 5) == ",P1Y)" && timex.substr(6, 5) == "01-01") return timex.substr(1, 4);
    if (timex.substr(timex.size() - 5) == ",P1M)" && timex.substr(9, 2) == "01") return timex.substr(1, 7);
    return "";
  }
  auto is_digits = [](const std::string& s) { return std::all_of(s.begin(), s.end(), ::isdigit); };
  if (timex.size() == 10 && is_digits(timex.substr(0, 4)) && timex[4] == '-') return timex;  // day
  if (timex.size() == 7 && is_digits(timex.substr(0, 4)) && timex[4] == '-' && is_digits(timex.substr(5)))
    return timex;  // month
  if (timex.size() == 4 && is_digits(timex)) return timex;  // year
  (void)value;
  return "";
}

void RecognizersDates(const fs::path& file, const std::string& bucket) {
  const auto cases = json::parse(Read(file)).as_array();
  for (const auto& cv : cases) {
    const auto& c = cv.as_object();
    const std::string input = Str(c, "Input");
    std::string ref = "2016-11-07";
    if (c.contains("Context") && c.at("Context").is_object()) {
      const std::string r = Str(c.at("Context").as_object(), "ReferenceDateTime");
      if (r.size() >= 10) ref = r;
    }
    const auto x = Run(input, "en", Day(ref));
    const auto& results = c.at("Results").as_array();
    if (results.empty()) {
      const bool none = std::none_of(x.entities.begin(), x.entities.end(), [](const auto& e) { return e.type == extract::EntityType::kDate; });
      Record(bucket + " negative", none, none, input + " ->" + Describe(x));
      continue;
    }
    for (const auto& rv : results) {
      const auto& r = rv.as_object();
      if (!r.contains("Value") || !r.at("Value").is_object()) {
        ++tallies[bucket].skipped;
        continue;
      }
      const auto& value = r.at("Value").as_object();
      const std::string timex = Str(value, "Timex");
      std::vector<std::string> wants;
      if (timex.rfind("XXXX", 0) == 0) {
        for (const char* k : {"FutureResolution", "PastResolution"})
          if (value.contains(k) && value.at(k).is_object() && value.at(k).as_object().contains("date"))
            wants.push_back(Str(value.at(k).as_object(), "date"));
      } else if (auto w = TimexToDate(timex, value); !w.empty()) {
        wants.push_back(w);
      }
      if (wants.empty()) {
        Record(bucket + " (shape we do not represent)", false, false, input + " (timex " + timex + ") ->" + Describe(x));
        continue;
      }
      auto [s, l] = Check(x, extract::EntityType::kDate, [&](const extract::Entity& m) {
        return std::find(wants.begin(), wants.end(), m.date) != wants.end();
      });
      // RT inputs are sentences: strict is not meaningful, report lenient only.
      Record(bucket, l, l, input + " (want " + wants.front() + ") ->" + Describe(x));
    }
  }
}

void RecognizersUnits(const fs::path& file, const std::string& bucket, bool money) {
  const auto cases = json::parse(Read(file)).as_array();
  for (const auto& cv : cases) {
    const auto& c = cv.as_object();
    const std::string input = Str(c, "Input");
    const auto x = Run(input, "en", sys_days{year{2016} / 11 / 7});
    const auto type = money ? extract::EntityType::kMoney : extract::EntityType::kPercent;
    const auto& results = c.at("Results").as_array();
    if (results.empty()) {
      const bool none = std::none_of(x.entities.begin(), x.entities.end(), [&](const auto& e) { return e.type == type; });
      Record(bucket + " negative", none, none, input + " ->" + Describe(x));
      continue;
    }
    for (const auto& rv : results) {
      const auto& ro = rv.as_object();
      if (!ro.contains("Resolution") || !ro.at("Resolution").is_object()) {
        ++tallies[bucket].skipped;
        continue;
      }
      const auto& res = ro.at("Resolution").as_object();
      std::string v = Str(res, "value");
      if (!money) {
        if (!v.empty() && v.back() == '%') v.pop_back();
        double want = 0;
        try {
          want = std::stod(v);
        } catch (...) {
          ++tallies[bucket].skipped;
          continue;
        }
        auto [s, l] = Check(x, type, [&](const extract::Entity& m) { return m.percent && Near(*m.percent, want); });
        Record(bucket, l, l, input + " ->" + Describe(x));
        continue;
      }
      bool bare = false;
      std::string cur;
      if (!Str(res, "isoCurrency").empty()) cur = Str(res, "isoCurrency");
      else cur = Currency(Str(res, "unit"), bare);
      double want = 0;
      try {
        want = std::stod(v);
      } catch (...) {
        cur.clear();
      }
      if (cur.empty()) {
        ++tallies[bucket].skipped;
        continue;
      }
      auto [s, l] = Check(x, type, [&](const extract::Entity& m) { return m.money && Near(m.money->amount, want) && m.money->currency == cur; });
      Record(bucket + (bare ? " (bare symbol)" : ""), l, l, input + " ->" + Describe(x));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  fs::path source = PW_EVAL_SOURCE_DIR;
  fs::path shared = source.parent_path() / "shared";
  fs::path rules_dir = source / "rules";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--failures") show_failures = true;
    else if (a == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (a == "--rules" && i + 1 < argc) rules_dir = argv[++i];
    else {
      std::cerr << "usage: eval_conformance [--failures] [--shared DIR] [--rules DIR]\n";
      return a == "--help" ? 0 : 2;
    }
  }
  const fs::path conf = shared / "conformance";
  if (!fs::exists(conf / "duckling")) {
    std::cerr << conf.string() << ": not found (needs ../shared beside the checkout)\n";
    return 2;
  }
  auto loaded = extract::RuleSet::Load(rules_dir.string());
  if (!loaded) {
    std::cerr << loaded.error().message << "\n";
    return 2;
  }
  rules = loaded->get();
  const fs::path duck = conf / "duckling";
  try {
  Duckling(duck, "vi-money.jsonl", "vi", "2017-02-02");
  Duckling(duck, "vi-numeral.jsonl", "vi", "2017-02-02");
  Duckling(duck, "vi-time.jsonl", "vi", "2017-02-02");
  Duckling(duck, "en-money.jsonl", "en", "2013-02-12");

  Duckling(duck, "en-numeral.jsonl", "en", "2013-02-12");
  Duckling(duck, "en-time.jsonl", "en", "2013-02-12");

  const fs::path rt = conf / "recognizers-text/Specs";
  RecognizersUnits(rt / "NumberWithUnit/English/CurrencyModel.json", "RT CurrencyModel", true);
  RecognizersUnits(rt / "Number/English/PercentModel.json", "RT PercentModel", false);
  RecognizersDates(rt / "DateTime/English/DateParser.json", "RT DateParser");
  RecognizersDates(rt / "DateTime/English/DatePeriodParser.json", "RT DatePeriodParser");
  RecognizersDates(rt / "DateTime/EnglishOthers/DateParser.json", "RT EnglishOthers/DateParser");
  } catch (const std::exception& e) {
    std::cerr << "conformance data not as expected: " << e.what() << "\n";
    for (const auto& [name, t] : tallies) std::cerr << "  after " << name << "\n";
    return 2;
  }
  std::printf("%-62s %6s %8s %8s %7s\n", "source / bucket", "cases", "strict", "lenient", "skipped");
  for (const auto& [name, t] : tallies)
    std::printf("%-62s %6d %7.1f%% %7.1f%% %7d\n", name.c_str(), t.total, t.total ? 100.0 * t.strict / t.total : 0.0,
                t.total ? 100.0 * t.lenient / t.total : 0.0, t.skipped);
  return 0;
}
