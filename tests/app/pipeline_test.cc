#include "app/pipeline.h"

#include <gtest/gtest.h>

#include "project_rules.h"
#include "test_util.h"

namespace pw::app {
namespace {

using namespace std::chrono;

TEST(ProcessItem, TurnsATeaserItemIntoAnArticleWithRecords) {
  const extract::RuleSet& rules = pw::testing::ProjectRules();
  feed::Item item;
  item.key = "guid:1";
  item.title = "Configu raises a $3M pre-seed round";
  item.summary = "Tel Aviv–based startup Configu said on Tuesday it had raised money.";
  item.link = "https://techcrunch.com/x";
  const Timestamp now = sys_days{year{2023} / 8 / 16};
  const store::ArticleRecord r = ProcessItem(item, rules, "en", now);
  EXPECT_EQ(r.extraction.text.rfind("Configu raises a $3M pre-seed round\n\nTel Aviv", 0), 0u) << r.extraction.text;
  EXPECT_EQ(r.extraction.language, "en");
  EXPECT_TRUE(r.published_estimated);  // no date in the item: first seen
  EXPECT_EQ(r.published, "2023-08-16T00:00:00Z");
  ASSERT_EQ(r.extraction.funding.size(), 1u);
  EXPECT_EQ(r.extraction.funding[0].investee, "Configu");
  EXPECT_EQ(r.extraction.funding[0].announced, "2023-08-16");
}

// The seed item as a teaser-only feed gives it, and its article page.
feed::Item TeaserItem() {
  feed::Item item;
  item.key = "guid:vi-genai";
  item.title = "NIC, GenAI Fund và AWS tổ chức GenAI Open Innovation";
  item.summary = "Báo cáo của GenAI Fund cho thấy 92% các startup GenAI tại ASEAN tập trung vào mảng B2B.";
  item.link = "https://demo.presswatch.dev/vi/genai-open-innovation.html";
  return item;
}

ArticlePage SeedPage() {
  ArticlePage page;
  page.url = "https://demo.presswatch.dev/vi/genai-open-innovation.html";
  page.content.title = "Tiêu đề của trang";
  page.content.language = "vi";
  page.content.published = "2024-11-21T09:00:00+07:00";
  page.content.paragraphs = {
      "Báo cáo của GenAI Fund cho thấy 92% các startup GenAI tại ASEAN tập trung vào mảng B2B.",
      "Cũng tại sự kiện, Tập đoàn Sovico đã công bố khoản đầu tư chiến lược vào Quỹ GenAI – quỹ đầu tư mạo "
      "hiểm "
      "đầu tiên tại ASEAN tập trung vào AI tạo sinh.",
      "Quan hệ hợp tác này sẽ thúc đẩy hơn nữa sự hợp tác giữa doanh nghiệp và startup & <các> bên."};
  return page;
}

TEST(ProcessItem, ThePagesTextReplacesTheTeaserWhichStaysTheSummary) {
  const extract::RuleSet& rules = pw::testing::ProjectRules();
  const feed::Item item = TeaserItem();
  const ArticlePage page = SeedPage();
  const Timestamp now = sys_days{year{2024} / 11 / 25};
  const store::ArticleRecord r = ProcessItem(item, rules, "", now, &page);
  EXPECT_EQ(r.extraction.text, item.title + "\n\n" + page.content.Text());
  EXPECT_EQ(r.summary, item.summary);
  EXPECT_EQ(r.title, item.title);  // the feed's, when it has one
  EXPECT_EQ(r.content.rfind("<p>Báo cáo của GenAI Fund", 0), 0u) << r.content;
  EXPECT_NE(r.content.find("startup &amp; &lt;các&gt; bên.</p>"), std::string::npos) << r.content;
  // No date in the feed: the page's, Vietnam's day.
  EXPECT_EQ(r.published, "2024-11-21T02:00:00Z");
  EXPECT_FALSE(r.published_estimated);
  EXPECT_EQ(r.extraction.language, "vi");
  ASSERT_EQ(r.extraction.funding.size(), 1u);
  EXPECT_EQ(r.extraction.funding[0].investee, "GenAI Fund");
  EXPECT_EQ(r.extraction.funding[0].investors, std::vector<std::string>{"Sovico Group"});
  EXPECT_EQ(r.extraction.funding[0].round, "strategic");
  EXPECT_EQ(r.extraction.funding[0].announced, "2024-11-21");

  // Without the page: the teaser alone, which names no investment.
  const store::ArticleRecord teaser = ProcessItem(item, rules, "vi", now);
  EXPECT_TRUE(teaser.extraction.funding.empty());
  EXPECT_TRUE(teaser.published_estimated);
}

TEST(ProcessItem, APageWithLessTextThanTheFeedLeavesTheFeedsText) {
  const extract::RuleSet& rules = pw::testing::ProjectRules();
  feed::Item item = TeaserItem();
  item.title.clear();  // the page's title fills in
  ArticlePage gallery = SeedPage();
  gallery.content.paragraphs = {"Ảnh: GenAI Fund"};
  const store::ArticleRecord r = ProcessItem(item, rules, "vi", sys_days{year{2024} / 11 / 25}, &gallery);
  EXPECT_EQ(r.title, "Tiêu đề của trang");
  EXPECT_EQ(r.extraction.text, "Tiêu đề của trang\n\n" + item.summary);
  EXPECT_EQ(r.content, item.content);
  ArticlePage empty = SeedPage();
  empty.content.paragraphs.clear();  // no article found on the page
  EXPECT_EQ(ProcessItem(item, rules, "vi", sys_days{year{2024} / 11 / 25}, &empty).extraction.text,
            "Tiêu đề của trang\n\n" + item.summary);
}

TEST(WantsPage, ForFullTextFeedsAndShortItemsWithAWebLink) {
  feed::Item item = TeaserItem();
  EXPECT_TRUE(WantsPage(item, /*feed_fulltext=*/true, 0));
  EXPECT_FALSE(WantsPage(item, false, 0));   // 0: length never decides
  EXPECT_TRUE(WantsPage(item, false, 400));  // 87 characters
  EXPECT_FALSE(WantsPage(item, false, 87));  // exactly: not shorter
  EXPECT_TRUE(WantsPage(item, false, 88));
  EXPECT_EQ(FeedTextLength(item), 87u);                   // characters, not bytes
  item.content = "<p>" + std::string(500, 'x') + "</p>";  // the content, when there is one, is what counts
  EXPECT_FALSE(WantsPage(item, false, 400));
  item.link = "file:///srv/feeds/a.html";
  EXPECT_FALSE(WantsPage(item, true, 400));
  item.link.clear();
  EXPECT_FALSE(WantsPage(item, true, 400));
}

TEST(ArticleText, DoesNotRepeatATitleTheBodyAlreadyIs) {
  feed::Item item;
  item.title = "Venezuela vỡ nợ";
  item.summary = "Venezuela vỡ nợ";
  EXPECT_EQ(ArticleText(item), "Venezuela vỡ nợ");
}

}  // namespace
}  // namespace pw::app
