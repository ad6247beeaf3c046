// Our own MONEY, DATE and PERCENT cases (tests/data/money_dates/cases.tsv):
// Vietnamese scale words with a currency, VND100bn, quarters and months in
// both languages, relative dates. Every case must pass; the failures are
// listed together, one per line, with what was found instead.
#include <cmath>
#include <cstdio>
#include <sstream>

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "project_rules.h"
#include "test_util.h"
#include "text/normalize.h"

namespace pw::extract {
namespace {

using namespace std::chrono;

struct Case {
  int line;
  std::string lang, published, text, expected;
};

std::vector<Case> ReadCases() {
  std::vector<Case> out;
  std::istringstream in(pw::testing::ReadFile(pw::testing::SourceDir() / "tests/data/money_dates/cases.tsv"));
  std::string l;
  int no = 0;
  while (std::getline(in, l)) {
    ++no;
    if (l.empty() || l[0] == '#') continue;
    Case c{no};
    std::istringstream f(l);
    std::getline(f, c.lang, '\t');
    std::getline(f, c.published, '\t');
    std::getline(f, c.text, '\t');
    std::getline(f, c.expected, '\t');
    out.push_back(c);
  }
  return out;
}

std::string Number(double v) {
  char buf[64];
  if (v == std::floor(v) && std::abs(v) < 1e18) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// The entity as the expected column writes it: "MONEY=1500000 USD", "DATE=2025-Q1".
std::string AsExpected(const Entity& e) {
  const std::string type(EntityTypeName(e.type));
  if (e.money) {
    // Appended in steps: "-" + std::string trips g++ 12's false -Wrestrict.
    std::string out = type + "=" + Number(e.money->amount);
    if (e.money->amount_max) out.append("-").append(Number(*e.money->amount_max));
    return out.append(" ").append(e.money->currency);
  }
  if (e.percent) return type + "=" + Number(*e.percent);
  if (!e.date.empty()) return type + "=" + e.date;
  return type + "=" + e.name;
}

TEST(MoneyDates, EveryOwnCasePasses) {
  const RuleSet& rules = pw::testing::ProjectRules();
  const auto cases = ReadCases();
  ASSERT_GE(cases.size(), 500u);
  int vi = 0, en = 0;
  std::string failures;
  for (const auto& c : cases) {
    (c.lang == "vi" ? vi : en)++;
    ExtractOptions o;
    o.language = text::LanguageFromCode(c.lang);
    o.published = sys_days{year{std::stoi(c.published.substr(0, 4))} / std::stoi(c.published.substr(5, 2)) /
                           std::stoi(c.published.substr(8, 2))};
    const Extraction x = Extract(rules, text::NormalizeDocument(c.text), o);
    bool ok = false;
    std::string found;
    if (c.expected.rfind("NONE=", 0) == 0) {
      ok = true;
      for (const auto& e : x.entities)
        if (EntityTypeName(e.type) == c.expected.substr(5)) ok = false, found.append(" ").append(AsExpected(e));
    } else {
      for (const auto& e : x.entities) {
        found.append(" ").append(AsExpected(e));
        ok = ok || AsExpected(e) == c.expected;
      }
    }
    if (!ok) failures += "cases.tsv:" + std::to_string(c.line) + ": " + c.text + " want " + c.expected + ", found" +
                         (found.empty() ? " nothing" : found) + "\n";
  }
  EXPECT_GE(vi, 300);
  EXPECT_GE(en, 200);
  if (!failures.empty()) std::fputs(failures.c_str(), stdout);  // readable UTF-8, one per line
  EXPECT_TRUE(failures.empty()) << "some cases failed (listed above)";
}

}  // namespace
}  // namespace pw::extract
