// Incremental export: the cursor hands out what is new or changed, once.
#include <gtest/gtest.h>

#include "articles.h"
#include "store/store.h"
#include "test_util.h"

namespace pw::store {
namespace {

using pw::testing::TempDir;
using namespace pw::store::testing;

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Store::Open(dir_.File("t.db"), {});
    a_ = *db_->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
    wire_ = *db_->EnsureFeed("https://wire.example/rss", "Wire", "en");
  }

  std::vector<ArticleExport> Articles(const std::string& after, std::string& cursor) {
    std::vector<ArticleExport> out;
    auto c = db_->ExportArticles(after, [&](const ArticleExport& r) { out.push_back(r); });
    EXPECT_TRUE(c.has_value()) << (c ? "" : c.error().message);
    if (c) cursor = c->Token();
    return out;
  }

  std::vector<DealExport> Deals(const std::string& after, std::string& cursor) {
    std::vector<DealExport> out;
    auto c = db_->ExportFunding(after, [&](const DealExport& r) { out.push_back(r); });
    EXPECT_TRUE(c.has_value()) << (c ? "" : c.error().message);
    if (c) cursor = c->Token();
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Store> db_;
  std::int64_t a_ = 0, wire_ = 0;
};

TEST_F(ExportTest, TheCursorHandsOutOnlyWhatIsNewOrChanged) {
  ASSERT_OK(db_->SaveArticles(a_, {SovicoArticle("a:1", "https://a.vn/1")}));
  std::string articles_cursor, deals_cursor;
  auto first = Articles("", articles_cursor);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].url, "https://a.vn/1");
  EXPECT_EQ(first[0].source, "Báo A");
  EXPECT_EQ(first[0].story, first[0].id);
  ASSERT_FALSE(first[0].entities.empty());
  EXPECT_EQ(first[0].entities[0].name, "GenAI Fund");  // most mentioned first
  auto deals = Deals("", deals_cursor);
  ASSERT_EQ(deals.size(), 1u);
  const std::int64_t deal_id = deals[0].id;
  EXPECT_EQ(deals[0].investee.name, "GenAI Fund");
  EXPECT_EQ(deals[0].reports.size(), 1u);

  // Nothing new: nothing handed out, the same position.
  std::string again;
  EXPECT_TRUE(Articles(articles_cursor, again).empty());
  EXPECT_EQ(again, articles_cursor);

  // The English report of the same round: a new article, and the deal again
  // (same id, a second report, a new seq); the Vietnamese article not again.
  ASSERT_OK(db_->SaveArticles(wire_, {SovicoArticleEn("w:1", "https://wire.example/1")}));
  std::string next;
  auto new_articles = Articles(articles_cursor, next);
  ASSERT_EQ(new_articles.size(), 1u);
  EXPECT_EQ(new_articles[0].url, "https://wire.example/1");
  EXPECT_GT(new_articles[0].seq, first[0].seq);
  std::string deals_next;
  auto changed = Deals(deals_cursor, deals_next);
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].id, deal_id);
  EXPECT_EQ(changed[0].reports.size(), 2u);
  EXPECT_GT(changed[0].seq, deals[0].seq);
  EXPECT_TRUE(Deals(deals_next, deals_next).empty());
}

// A limit makes pages: each ends at its last record, the next starts above
// it, and the progress callback's last call says whether records are left.
TEST_F(ExportTest, ALimitPagesTheExportWithoutLosingOrRepeatingARecord) {
  for (int i = 0; i < 7; ++i) {
    const std::string n = std::to_string(i);
    ASSERT_OK(db_->SaveArticles(a_, {SovicoArticle("a:" + n, "https://a.vn/" + n)}));
  }
  std::string whole_cursor;
  std::vector<std::int64_t> whole;
  for (const auto& r : Articles("", whole_cursor)) whole.push_back(r.id);
  ASSERT_EQ(whole.size(), 7u);

  std::vector<std::int64_t> paged;
  std::vector<std::pair<std::int64_t, std::int64_t>> last_progress;  // per page: done, total
  std::string after;
  for (int page = 0; page < 3; ++page) {
    std::pair<std::int64_t, std::int64_t> last{-1, -1};
    auto c = db_->ExportArticles(
        after, [&](const ArticleExport& r) { paged.push_back(r.id); },
        [&](std::int64_t done, std::int64_t total) { last = {done, total}; }, 3);
    ASSERT_TRUE(c.has_value()) << c.error().message;
    after = c->Token();
    last_progress.push_back(last);
  }
  EXPECT_EQ(paged, whole);
  EXPECT_EQ(after, whole_cursor);
  using P = std::pair<std::int64_t, std::int64_t>;
  EXPECT_EQ(last_progress, (std::vector<P>{{3, 7}, {3, 4}, {1, 1}}));
}

TEST_F(ExportTest, EntitiesComeAgainWhenANewFormOfTheirNameIsSeen) {
  ASSERT_OK(db_->SaveArticles(a_, {SovicoArticle("a:1", "https://a.vn/1")}));
  std::vector<EntityExport> all;
  auto cursor = db_->ExportEntities("", [&](const EntityExport& e) { all.push_back(e); });
  ASSERT_OK(cursor);
  ASSERT_GE(all.size(), 3u);  // GenAI Fund, Sovico Group, Đông Nam Á
  // The English article: "Sovico Group" and "GenAI Fund" are canonical names,
  // already aliases; nothing new about the entities.
  ASSERT_OK(db_->SaveArticles(wire_, {SovicoArticleEn("w:1", "https://wire.example/1")}));
  std::vector<EntityExport> changed;
  auto next = db_->ExportEntities(cursor->Token(), [&](const EntityExport& e) { changed.push_back(e); });
  ASSERT_OK(next);
  EXPECT_TRUE(changed.empty());
  // A new spelling is news for the ecosystem database.
  ArticleRecord other = SovicoArticle("a:2", "https://a.vn/2", "2024-11-23T01:00:00Z");
  Mention(other, EntityType::kOrg, "Sovico", "Sovico Group", other.extraction.text.find("kiến thức"));
  ASSERT_OK(db_->SaveArticles(a_, {other}));
  auto last = db_->ExportEntities(next->Token(), [&](const EntityExport& e) { changed.push_back(e); });
  ASSERT_OK(last);
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].name, "Sovico Group");
  EXPECT_EQ(changed[0].aliases, (std::vector<std::string>{"Sovico", "Tập đoàn Sovico"}));
  EXPECT_EQ(changed[0].articles, 3);  // a:1, w:1 and a:2
}

TEST_F(ExportTest, EventsCarryTheirArticleAndParticipants) {
  ASSERT_OK(db_->SaveArticles(a_, {SovicoArticle("a:1", "https://a.vn/1")}));
  std::vector<EventExport> events;
  auto cursor = db_->ExportEvents("", [&](const EventExport& e) { events.push_back(e); });
  ASSERT_OK(cursor);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].name, "GenAI Open Innovation");
  EXPECT_EQ(events[0].date, "2025-Q1");
  EXPECT_EQ(events[0].article_url, "https://a.vn/1");
  ASSERT_EQ(events[0].participants.size(), 2u);
  EXPECT_EQ(events[0].participants[1].name, "Sovico Group");
}

TEST_F(ExportTest, CursorsThatCannotBeRightAreRefused) {
  ASSERT_OK(db_->SaveArticles(a_, {SovicoArticle("a:1", "https://a.vn/1")}));
  auto cursor = db_->ExportArticles("", [](const ArticleExport&) {});
  ASSERT_OK(cursor);
  const std::string token = cursor->Token();
  EXPECT_EQ(token.rfind("articles:", 0), 0u) << token;

  const auto refused = [&](const std::string& after, const char* why) {
    auto r = db_->ExportArticles(after, [](const ArticleExport&) { ADD_FAILURE() << "handed out a record"; });
    ASSERT_FALSE(r.has_value()) << after;
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalidArgument);
    EXPECT_NE(r.error().message.find(why), std::string::npos) << r.error().message;
  };
  refused("garbage", "is not a presswatch cursor");
  refused("pages:" + cursor->database_id + ":1", "names no export kind");
  refused("articles:xyz:1", "has no database id");
  refused("articles:" + cursor->database_id + ":-3", "has no position");
  refused("articles:" + cursor->database_id + ":12abc", "has no position");
  refused("articles:00000000:1", "another database");
  refused("articles:" + cursor->database_id + ":999999", "ahead of this database");
  auto wrong_kind = db_->ExportFunding(token, [](const DealExport&) {});
  ASSERT_FALSE(wrong_kind.has_value());
  EXPECT_NE(wrong_kind.error().message.find("is for --kind articles, not funding"), std::string::npos)
      << wrong_kind.error().message;

  // Another database, the same schema: its own id.
  TempDir other_dir;
  auto other = Store::Open(other_dir.File("o.db"), {});
  auto other_cursor = other->ExportArticles("", [](const ArticleExport&) {});
  ASSERT_OK(other_cursor);
  EXPECT_NE(other_cursor->database_id, cursor->database_id);
  auto foreign = db_->ExportArticles(other_cursor->Token(), [](const ArticleExport&) {});
  ASSERT_FALSE(foreign.has_value());
}

TEST(ExportCursor, TokensRoundTrip) {
  const ExportCursor c{ExportKind::kEvents, "3f9a1c2e", 1042};
  EXPECT_EQ(c.Token(), "events:3f9a1c2e:1042");
  auto parsed = ParseExportCursor(c.Token());
  ASSERT_OK(parsed);
  EXPECT_EQ(parsed->kind, ExportKind::kEvents);
  EXPECT_EQ(parsed->database_id, "3f9a1c2e");
  EXPECT_EQ(parsed->seq, 1042);
  for (const char* name : {"articles", "funding", "entities", "events"})
    EXPECT_EQ(ExportKindName(*ExportKindFromName(name)), name);
  EXPECT_FALSE(ExportKindFromName("deals"));
}

}  // namespace
}  // namespace pw::store
