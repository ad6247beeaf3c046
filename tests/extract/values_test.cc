#include "extract/values.h"

#include <gtest/gtest.h>

#include "extract/gazetteer.h"
#include "extract/rule_set.h"
#include "test_util.h"

namespace pw::extract {
namespace {

using namespace std::chrono;

TEST(ParseNumber, ReadsBothLanguagesSeparators) {
  struct Case {
    const char* text;
    NumberStyle style;
    double want;
  } cases[] = {
      {"16.200", NumberStyle::kVietnamese, 16200}, {"1,5", NumberStyle::kVietnamese, 1.5},
      {"1.500", NumberStyle::kVietnamese, 1500},   {"1,500", NumberStyle::kEnglish, 1500},
      {"4.15", NumberStyle::kEnglish, 4.15},       {"1.234.567,8", NumberStyle::kEnglish, 1234567.8},
      {"1,234,567.8", NumberStyle::kVietnamese, 1234567.8}, {"200", NumberStyle::kEnglish, 200},
      {"2.5", NumberStyle::kVietnamese, 2.5},
  };
  for (const auto& c : cases) {
    auto got = ParseNumber(c.text, c.style);
    ASSERT_TRUE(got.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(*got, c.want) << c.text;
  }
  EXPECT_FALSE(ParseNumber("abc", NumberStyle::kEnglish).has_value());
}

class ValuesWithRules : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rules = RuleSet::Load((pw::testing::SourceDir() / "rules").string());
    ASSERT_OK(rules);
    rules_ = *rules;
  }
  const Gazetteer& g() const { return rules_->gazetteer(); }
  std::shared_ptr<const RuleSet> rules_;
};

TEST_F(ValuesWithRules, MoneyScalesAndCurrencies) {
  auto m = MoneyFromFields({{"amount", "1,5"}, {"scale", "triệu"}, {"currency", "USD"}}, NumberStyle::kVietnamese, g());
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->amount, 1500000);
  EXPECT_EQ(m->currency, "USD");
  auto vnd = MoneyFromFields({{"amount", "16.200"}, {"scale", "tỷ"}, {"currency", "đồng"}}, NumberStyle::kVietnamese, g());
  ASSERT_TRUE(vnd.has_value());
  EXPECT_EQ(vnd->amount, 16200e9);
  EXPECT_EQ(vnd->currency, "VND");
  auto range = MoneyFromFields({{"amount", "2"}, {"amount_max", "3"}, {"scale_max", "million"}, {"currency", "$"}},
                               NumberStyle::kEnglish, g());
  ASSERT_TRUE(range.has_value());
  EXPECT_EQ(range->amount, 2e6);
  EXPECT_EQ(*range->amount_max, 3e6);
  auto exact = MoneyFromFields({{"amount", "4.15"}, {"scale", "million"}, {"currency", "$"}}, NumberStyle::kEnglish, g());
  EXPECT_EQ(exact->amount, 4150000);  // not 4150000.0000000005
  EXPECT_FALSE(MoneyFromFields({{"amount", "5"}, {"currency", "gold"}}, NumberStyle::kEnglish, g()).has_value());
}

// Found probing the money fuzz target (tests/data/fuzz/money/amount-of-305-digits-in-billions):
// 305 digits are a finite double, times "tỷ" (1e9) they are not; the amount
// was infinity, which JSON cannot say.
TEST_F(ValuesWithRules, FuzzFindingAnAmountPastWhatADoubleHoldsIsNoMoney) {
  const std::string digits(305, '9');
  EXPECT_FALSE(MoneyFromFields({{"amount", digits}, {"scale", "tỷ"}, {"currency", "USD"}}, NumberStyle::kVietnamese, g())
                   .has_value());
  EXPECT_FALSE(MoneyFromFields({{"amount", "1"}, {"amount_max", digits}, {"scale_max", "tỷ"}, {"currency", "USD"}},
                               NumberStyle::kVietnamese, g())
                   .has_value());
  auto large = MoneyFromFields({{"amount", "9" + std::string(20, '0')}, {"currency", "USD"}}, NumberStyle::kEnglish, g());
  ASSERT_TRUE(large.has_value());  // large but finite stays
  EXPECT_EQ(large->amount, 9e20);
}

TEST_F(ValuesWithRules, DatesAtTheirGrainAndRelativeToTheArticle) {
  const sys_days published{year{2024} / 11 / 21};  // a Thursday
  struct Case {
    Fields fields;
    const char* want;
  } cases[] = {
      {{{"quarter", "1"}, {"year", "2025"}}, "2025-Q1"},
      {{{"quarter", "IV"}, {"year", "2024"}}, "2024-Q4"},
      {{{"quarter", "first"}, {"year", "2025"}}, "2025-Q1"},
      {{{"month", "3"}, {"year", "2025"}}, "2025-03"},
      {{{"day", "21"}, {"month", "November"}, {"year", "2024"}}, "2024-11-21"},
      {{{"day", "5"}, {"month", "12"}}, "2024-12-05"},  // two weeks ahead: this year
      {{{"month", "March"}}, "2024-03"},
      {{{"relative", "hôm qua"}}, "2024-11-20"},
      {{{"relative", "last week"}}, "2024-11-11"},
      {{{"relative", "năm ngoái"}}, "2023"},
      {{{"relative", "quý trước"}}, "2024-Q3"},
      {{{"relative", "on Tuesday"}}, "2024-11-19"},
      {{{"year", "2025"}}, "2025"},
  };
  for (const auto& c : cases) {
    auto got = DateFromFields(c.fields, g(), published);
    ASSERT_TRUE(got.has_value()) << c.want;
    EXPECT_EQ(*got, c.want);
  }
  EXPECT_FALSE(DateFromFields({{"day", "31"}, {"month", "2"}, {"year", "2025"}}, g(), published).has_value());
  EXPECT_FALSE(DateFromFields({{"quarter", "5"}, {"year", "2025"}}, g(), published).has_value());
  EXPECT_FALSE(DateFromFields({{"relative", "hôm qua"}}, g(), std::nullopt).has_value());
}

}  // namespace
}  // namespace pw::extract
