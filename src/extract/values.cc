#include "extract/values.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "extract/gazetteer.h"

namespace pw::extract {

using namespace std::chrono;

namespace {

std::string Digits(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) out += c;
  return out;
}

std::optional<std::string> Field(const Fields& fields, const std::string& name) {
  auto it = fields.find(name);
  if (it == fields.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::optional<double> ToDouble(const std::string& s) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<double> ParseNumber(std::string_view text, NumberStyle style) {
  std::string s;
  for (char c : text)
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ',') s += c;
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) return std::nullopt;
  const size_t last_dot = s.rfind('.'), last_comma = s.rfind(',');
  const size_t dots = static_cast<size_t>(std::count(s.begin(), s.end(), '.'));
  const size_t commas = static_cast<size_t>(std::count(s.begin(), s.end(), ','));
  char decimal = 0;  // the decimal mark, 0 if none
  if (dots && commas) {
    decimal = last_dot > last_comma ? '.' : ',';
  } else if (dots + commas == 1) {
    const char mark = dots ? '.' : ',';
    const size_t after = s.size() - (dots ? last_dot : last_comma) - 1;
    const char grouping = style == NumberStyle::kVietnamese ? '.' : ',';
    decimal = (after == 3 && mark == grouping) ? 0 : mark;
  } else if (dots > 1 || commas > 1) {
    decimal = 0;  // "1.234.567": grouping only
  }
  std::string plain;
  for (char c : s) {
    if (c == decimal) plain += '.';
    else if (c != '.' && c != ',') plain += c;
  }
  return ToDouble(plain);
}

std::optional<int> SmallNumber(std::string_view text, const Gazetteer& gazetteer, std::string_view type) {
  std::string t(text);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
  if (!t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    if (t.size() > 4) return std::nullopt;
    return std::stoi(t);
  }
  static constexpr std::array<std::string_view, 12> kRoman = {"I", "II", "III", "IV", "V", "VI",
                                                              "VII", "VIII", "IX", "X", "XI", "XII"};
  for (size_t i = 0; i < kRoman.size(); ++i)
    if (t == kRoman[i]) return int(i) + 1;
  if (const GazetteerEntry* e = gazetteer.Lookup(type, t)) {
    int v = 0;
    auto [p, ec] = std::from_chars(e->canonical.data(), e->canonical.data() + e->canonical.size(), v);
    if (ec == std::errc()) return v;
  }
  return std::nullopt;
}

std::optional<Money> MoneyFromFields(const Fields& fields, NumberStyle style, const Gazetteer& gazetteer) {
  auto amount_text = Field(fields, "amount");
  auto currency_text = Field(fields, "currency");
  if (!amount_text || !currency_text) return std::nullopt;
  const GazetteerEntry* currency = gazetteer.Lookup("CURRENCY", *currency_text);
  if (!currency) currency = gazetteer.Lookup("CURRENCY_AFTER_SCALE", *currency_text);
  if (!currency) return std::nullopt;
  auto scale_of = [&](const std::string& field) -> std::optional<double> {
    auto text = Field(fields, field);
    if (!text) return std::nullopt;
    const GazetteerEntry* scale = gazetteer.Lookup("SCALE", *text);
    return scale ? ToDouble(scale->canonical) : std::nullopt;
  };
  auto amount = ParseNumber(*amount_text, style);
  if (!amount) return std::nullopt;
  std::optional<double> scale = scale_of("scale");
  std::optional<double> scale_max = scale_of("scale_max");
  // 4.15 * 1e6 is 4150000.0000000005 in binary floating point; amounts are
  // never finer than a thousandth of their unit.
  auto tidy = [](double v) { return std::abs(v) < 1e15 ? std::round(v * 1000.0) / 1000.0 : v; };
  Money money;
  money.currency = currency->canonical;
  if (auto max_text = Field(fields, "amount_max")) {
    auto max = ParseNumber(*max_text, style);
    if (!max) return std::nullopt;
    // "2-3 triệu USD": the one scale word serves both ends.
    const double low_scale = scale.value_or(scale_max.value_or(1));
    money.amount_max = tidy(*max * scale_max.value_or(low_scale));
    money.amount = tidy(*amount * low_scale);
  } else {
    money.amount = tidy(*amount * scale.value_or(1));
  }
  // Hundreds of digits times a scale word overflow a double: no amount
  // (JSON has no infinity). Found probing the money fuzz target: tests/data/fuzz/money.
  if (!std::isfinite(money.amount) || (money.amount_max && !std::isfinite(*money.amount_max))) return std::nullopt;
  return money;
}

namespace {

std::string FormatDate(int y, int m, int d) {
  char buf[16];
  if (d > 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  else if (m > 0) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

std::string FormatQuarter(int y, int q) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-Q%d", y, q);
  return buf;
}

// RELDATE canonical forms: "day-1" (yesterday), "week+0", "month-1",
// "quarter+1", "year-1", "weekday:2" (the last Tuesday, Monday = 1).
std::optional<std::string> Relative(const std::string& spec, sys_days published) {
  const year_month_day today{published};
  if (spec.rfind("weekday:", 0) == 0) {
    const unsigned wanted = unsigned(std::stoi(spec.substr(8)));  // 1..7, Monday first
    const weekday wd{published};
    const unsigned have = wd.iso_encoding();
    const int back = int((have + 7 - wanted) % 7);
    const year_month_day d{published - days{back}};
    return FormatDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())));
  }
  const size_t sign = spec.find_first_of("+-");
  if (sign == std::string::npos) return std::nullopt;
  const std::string unit = spec.substr(0, sign);
  int n = 0;
  auto [p, ec] = std::from_chars(spec.data() + sign + (spec[sign] == '+'), spec.data() + spec.size(), n);
  if (ec != std::errc()) return std::nullopt;
  if (unit == "day") {
    const year_month_day d{published + days{n}};
    return FormatDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())));
  }
  if (unit == "week") {
    // A week is reported by its Monday's day; news rarely needs finer.
    const weekday wd{published};
    const sys_days monday = published - days{int(wd.iso_encoding()) - 1} + days{7 * n};
    const year_month_day d{monday};
    return FormatDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())));
  }
  if (unit == "month") {
    const year_month ym = year_month{today.year(), today.month()} + months{n};
    return FormatDate(int(ym.year()), int(unsigned(ym.month())), 0);
  }
  if (unit == "quarter") {
    int q = int((unsigned(today.month()) - 1) / 3) + n;
    int y = int(today.year());
    while (q < 0) q += 4, --y;
    while (q > 3) q -= 4, ++y;
    return FormatQuarter(y, q + 1);
  }
  if (unit == "year") return FormatDate(int(today.year()) + n, 0, 0);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> DateFromFields(const Fields& fields, const Gazetteer& gazetteer,
                                          std::optional<sys_days> published) {
  if (auto rel = Field(fields, "relative")) {
    const GazetteerEntry* e = gazetteer.Lookup("RELDATE", *rel);
    if (!e || !published) return std::nullopt;
    return Relative(e->canonical, *published);
  }
  std::optional<int> y;
  if (auto year_text = Field(fields, "year")) {
    const std::string d = Digits(*year_text);
    if (d.size() == 4) y = std::stoi(d);
    else if (d.size() == 2) y = std::stoi(d) <= 50 ? 2000 + std::stoi(d) : 1900 + std::stoi(d);  // '74 is 1974
    else return std::nullopt;
  }
  const std::optional<int> published_year =
      published ? std::optional<int>(int(year_month_day{*published}.year())) : std::nullopt;
  if (auto q_text = Field(fields, "quarter")) {
    auto q = SmallNumber(*q_text, gazetteer, "ORDINAL");
    if (!q || *q < 1 || *q > 4) return std::nullopt;
    if (!y) y = published_year;
    if (!y) return std::nullopt;
    return FormatQuarter(*y, *q);
  }
  std::optional<int> m, d;
  if (auto m_text = Field(fields, "month")) {
    m = SmallNumber(*m_text, gazetteer, "MONTH");
    if (!m || *m < 1 || *m > 12) return std::nullopt;
  }
  if (auto d_text = Field(fields, "day")) {
    d = SmallNumber(*d_text, gazetteer, "ORDINAL");
    if (!d || *d < 1 || *d > 31 || !m) return std::nullopt;
  }
  if (!y && m) {
    // A month without a year: the most recent one, as news reports the past;
    // a date up to a month ahead of the article is taken as upcoming.
    if (!published) return std::nullopt;
    const year_month_day pub{*published};
    y = int(pub.year());
    const year_month_day candidate{year{*y}, month(unsigned(*m)), day(unsigned(d.value_or(1)))};
    if (sys_days{candidate} > *published + days{31}) --*y;
  }
  if (!y) return std::nullopt;
  if (*y < 1900 || *y > 2100) return std::nullopt;
  if (d) {
    const year_month_day ymd{year{*y}, month(unsigned(*m)), day(unsigned(*d))};
    if (!ymd.ok()) return std::nullopt;
  }
  return FormatDate(*y, m.value_or(0), d.value_or(0));
}

std::optional<double> PercentFromFields(const Fields& fields, NumberStyle style) {
  auto v = Field(fields, "value");
  if (!v) return std::nullopt;
  return ParseNumber(*v, style);
}

}  // namespace pw::extract
