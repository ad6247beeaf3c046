// Fuzz target `money`: the value parsers behind MONEY, DATE and PERCENT
// (extract/values.h) with the real gazetteer (rules/gazetteer). The input is
// a rule's captured fields, one "field=text" per line ("amount=1,5",
// "scale=tỷ", "currency=đồng", "month=tháng Ba", "relative=hôm qua"); a
// line without '=' is read as a number. Oracles (the contract's JSON shapes):
// amounts and percentages are finite numbers (JSON has no NaN or infinity),
// a range's top is a number too, and a date is YYYY, YYYY-MM, YYYY-MM-DD or
// YYYY-QN.
#include <cmath>

#include "extract/gazetteer.h"
#include "extract/rule_set.h"
#include "extract/values.h"
#include "fuzz_target.h"

namespace {

const pw::extract::RuleSet& Rules() {
  static const auto rules = [] {
    auto r = pw::extract::RuleSet::Load(pw::fuzz::SourceDir() + "/rules");
    if (!r) pw::fuzz::Fail(__FILE__, __LINE__, "RuleSet::Load", r.error().message);
    return *r;
  }();
  return *rules;
}

bool IsDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

// YYYY, YYYY-MM, YYYY-MM-DD or YYYY-QN, with a month 01-12, a day 01-31, a quarter 1-4.
bool IsContractDate(const std::string& d) {
  if (d.size() < 4 || !IsDigits(std::string_view(d).substr(0, 4))) return false;
  if (d.size() == 4) return true;
  if (d.size() == 7 && d[4] == '-' && d[5] == 'Q') return d[6] >= '1' && d[6] <= '4';
  if (d.size() != 7 && d.size() != 10) return false;
  if (d[4] != '-' || !IsDigits(std::string_view(d).substr(5, 2))) return false;
  const int month = std::stoi(d.substr(5, 2));
  if (month < 1 || month > 12) return false;
  if (d.size() == 7) return true;
  if (d[7] != '-' || !IsDigits(std::string_view(d).substr(8, 2))) return false;
  const int day = std::stoi(d.substr(8, 2));
  return day >= 1 && day <= 31;
}

}  // namespace

PW_FUZZ_INIT(Rules)

PW_FUZZ_TARGET(money) {
  using namespace std::chrono;
  using pw::extract::NumberStyle;
  const std::string_view input = pw::fuzz::AsText(data, size);
  pw::extract::Fields fields;
  for (std::size_t start = 0; start <= input.size();) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    const std::string_view line = input.substr(start, end - start);
    if (const auto eq = line.find('='); eq != std::string_view::npos) {
      fields.emplace(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
    } else {
      for (auto style : {NumberStyle::kVietnamese, NumberStyle::kEnglish})
        if (auto n = pw::extract::ParseNumber(line, style)) PW_FUZZ_CHECK(std::isfinite(*n), "a number not finite");
    }
    start = end + 1;
  }
  const auto& gazetteer = Rules().gazetteer();
  for (auto style : {NumberStyle::kVietnamese, NumberStyle::kEnglish}) {
    if (auto money = pw::extract::MoneyFromFields(fields, style, gazetteer)) {
      PW_FUZZ_CHECK(std::isfinite(money->amount), "an amount not finite");
      PW_FUZZ_CHECK(!money->amount_max || std::isfinite(*money->amount_max), "a range's top not finite");
      PW_FUZZ_CHECK(!money->currency.empty(), "money without a currency");
    }
    if (auto percent = pw::extract::PercentFromFields(fields, style))
      PW_FUZZ_CHECK(std::isfinite(*percent), "a percentage not finite");
  }
  for (auto published : {std::optional<sys_days>{}, std::optional<sys_days>{year{2024} / 11 / 21}}) {
    if (auto date = pw::extract::DateFromFields(fields, gazetteer, published))
      PW_FUZZ_CHECK(IsContractDate(*date), "not a date of the contract: " + *date);
  }
  for (const auto& [field, text] : fields)
    for (const char* type : {"MONTH", "ORDINAL"}) (void)pw::extract::SmallNumber(text, gazetteer, type);
  return 0;
}
