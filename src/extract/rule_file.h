// extract/rule_file.h: the text of a *.rules file, as rule specifications.
//
// The format (documented for users in rules/README.md):
//   # a comment
//   @lang vi                 following rules apply to Vietnamese text (vi | en | any)
//   @priority 10             following rules win ties against lower priorities
//   define AMOUNT: \d+(?:[.,]\d+)*
//   MONEY vi.scaled: {AMOUNT:amount} ?{SCALE:scale} ?{CURRENCY:currency}
//   funding vi.invest_into: {ORG:investor}{APPOS}? đã đầu tư {ROUND:round}? vào {ORG:investee}
//   event.partnership vi.sign: {ORG:participant} ký kết hợp tác với {ORGS:participant}
// A line that starts with whitespace continues the previous rule's pattern
// (its leading whitespace removed). Each file starts at "@lang any" and
// "@priority 0".
//
// Pure: parses text, does not compile patterns (rule_set.h does). Errors are
// appended as "file:line: message" and parsing goes on, so one run reports
// every error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pw::extract {

enum class RuleKind {
  kDefine,      // a named sub-pattern: {NAME}
  kEntity,      // ORG, PER, LOC, MONEY, DATE, PERCENT: mentions in text
  kFunding,     // a funding announcement
  kNotFunding,  // a sentence that must not give a funding record (revenue, capex, ...)
  kEvent,       // event.<type>
};

struct RuleSpec {
  RuleKind kind = RuleKind::kDefine;
  std::string type;  // entity type ("ORG") or event type ("partnership"); "" otherwise
  std::string name;  // "vi.invest_into"
  std::string pattern;
  std::string language = "any";  // vi, en, any
  int priority = 0;
  std::string file;
  int line = 0;

  std::string Where() const { return file + ":" + std::to_string(line); }
};

void ParseRuleFile(std::string_view content, const std::string& file, std::vector<RuleSpec>& rules,
                   std::vector<std::string>& errors);

// The event types of the contract.
bool IsEventType(std::string_view type);

}  // namespace pw::extract
