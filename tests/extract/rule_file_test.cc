#include "extract/rule_file.h"

#include <gtest/gtest.h>

namespace pw::extract {
namespace {

TEST(ParseRuleFile, ReadsDirectivesRulesAndContinuations) {
  const std::string text =
      "# comment\n"
      "define NUM: \\d+\n"
      "@lang vi\n"
      "@priority 7\n"
      "MONEY vi.money: {NUM:amount} ?{CURRENCY:currency}\n"
      "funding vi.a: {ORG:investor} đầu tư\n"
      "    vào {ORG:investee}\n"
      "event.partnership vi.p: {ORGS:participant} ký kết\n";
  std::vector<RuleSpec> rules;
  std::vector<std::string> errors;
  ParseRuleFile(text, "f.rules", rules, errors);
  ASSERT_TRUE(errors.empty()) << errors.front();
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[0].kind, RuleKind::kDefine);
  EXPECT_EQ(rules[0].language, "any");
  EXPECT_EQ(rules[1].type, "MONEY");
  EXPECT_EQ(rules[1].language, "vi");
  EXPECT_EQ(rules[1].priority, 7);
  EXPECT_EQ(rules[1].line, 5);
  EXPECT_EQ(rules[2].pattern, "{ORG:investor} đầu tưvào {ORG:investee}");
  EXPECT_EQ(rules[3].kind, RuleKind::kEvent);
  EXPECT_EQ(rules[3].type, "partnership");
}

TEST(ParseRuleFile, ReportsEveryErrorWithFileAndLine) {
  const std::string text =
      "@lang fr\n"
      "ORG: missing name\n"
      "WIDGET w: x\n"
      "event.party e: x\n"
      "  orphan continuation? no: the rule before failed\n"
      "@priority high\n"
      "ORG 9bad: x\n";
  std::vector<RuleSpec> rules;
  std::vector<std::string> errors;
  ParseRuleFile(text, "bad.rules", rules, errors);
  ASSERT_EQ(errors.size(), 7u);
  EXPECT_EQ(errors[0].rfind("bad.rules:1: @lang", 0), 0u) << errors[0];
  EXPECT_EQ(errors[1].rfind("bad.rules:2: expected", 0), 0u) << errors[1];
  EXPECT_EQ(errors[2].rfind("bad.rules:3: unknown rule kind 'WIDGET'", 0), 0u) << errors[2];
  EXPECT_EQ(errors[3].rfind("bad.rules:4: unknown event type 'party'", 0), 0u) << errors[3];
  EXPECT_EQ(errors[4].rfind("bad.rules:5: continuation", 0), 0u) << errors[4];
  EXPECT_EQ(errors[5].rfind("bad.rules:6: @priority", 0), 0u) << errors[5];
  EXPECT_EQ(errors[6].rfind("bad.rules:7: bad rule name", 0), 0u) << errors[6];
  EXPECT_TRUE(rules.empty());
}

}  // namespace
}  // namespace pw::extract
