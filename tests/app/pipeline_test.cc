#include "app/pipeline.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace pw::app {
namespace {

using namespace std::chrono;

TEST(ProcessItem, TurnsATeaserItemIntoAnArticleWithRecords) {
  auto rules = extract::RuleSet::Load((pw::testing::SourceDir() / "rules").string());
  ASSERT_OK(rules);
  feed::Item item;
  item.key = "guid:1";
  item.title = "Configu raises a $3M pre-seed round";
  item.summary = "Tel Aviv–based startup Configu said on Tuesday it had raised money.";
  item.link = "https://techcrunch.com/x";
  const Timestamp now = sys_days{year{2023} / 8 / 16};
  const store::ArticleRecord r = ProcessItem(item, **rules, "en", now);
  EXPECT_EQ(r.extraction.text.rfind("Configu raises a $3M pre-seed round\n\nTel Aviv", 0), 0u) << r.extraction.text;
  EXPECT_EQ(r.extraction.language, "en");
  EXPECT_TRUE(r.published_estimated);  // no date in the item: first seen
  EXPECT_EQ(r.published, "2023-08-16T00:00:00Z");
  ASSERT_EQ(r.extraction.funding.size(), 1u);
  EXPECT_EQ(r.extraction.funding[0].investee, "Configu");
  EXPECT_EQ(r.extraction.funding[0].announced, "2023-08-16");
}

TEST(ArticleText, DoesNotRepeatATitleTheBodyAlreadyIs) {
  feed::Item item;
  item.title = "Venezuela vỡ nợ";
  item.summary = "Venezuela vỡ nợ";
  EXPECT_EQ(ArticleText(item), "Venezuela vỡ nợ");
}

}  // namespace
}  // namespace pw::app
