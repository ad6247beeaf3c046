#include "store/store.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include "test_util.h"

namespace pw::store {
namespace {

using extract::Entity;
using extract::EntityType;
using pw::testing::TempDir;

Entity Named(EntityType type, std::string text, std::string name, std::size_t start) {
  Entity e;
  e.type = type;
  e.text = std::move(text);
  e.name = std::move(name);
  e.start = start;
  e.end = start + e.text.size();
  return e;
}

ArticleRecord Article(std::string key, std::string url, std::string title, std::string text, std::string published) {
  ArticleRecord a;
  a.item_key = std::move(key);
  a.url = std::move(url);
  a.title = std::move(title);
  a.published = std::move(published);
  a.first_seen = "2024-11-21T05:00:00Z";
  a.extraction.text = std::move(text);
  a.extraction.language = "vi";
  return a;
}

// A Vietnamese article where Tập đoàn Sovico invests in Quỹ GenAI.
ArticleRecord SovicoArticle(std::string key, std::string url, std::string published = "2024-11-21T02:00:00Z") {
  ArticleRecord a = Article(std::move(key), std::move(url), "Sovico đầu tư vào Quỹ GenAI",
                            "Tập đoàn Sovico đã công bố khoản đầu tư chiến lược vào Quỹ GenAI.", std::move(published));
  a.extraction.entities = {Named(EntityType::kOrg, "Tập đoàn Sovico", "Sovico Group", 0),
                           Named(EntityType::kOrg, "Quỹ GenAI", "GenAI Fund", a.extraction.text.find("Quỹ GenAI"))};
  extract::FundingRecord f;
  f.investee = "GenAI Fund";
  f.investors = {"Sovico Group"};
  f.lead_investors = {"Sovico Group"};
  f.round = "strategic";
  f.announced = "2024-11-21";
  f.evidence = a.extraction.text;
  a.extraction.funding = {f};
  extract::Event ev;
  ev.type = "event";
  ev.name = "GenAI Open Innovation";
  ev.participants = {"GenAI Fund", "Sovico Group"};
  a.extraction.events = {ev};
  return a;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = Store::Open(dir_.File("t.db"), {});
    auto id = db_->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
    ASSERT_OK(id);
    feed_ = *id;
  }
  TempDir dir_;
  std::unique_ptr<Store> db_;
  std::int64_t feed_ = 0;
};

TEST_F(StoreTest, SavesAnArticleWithItsRecordsAndQueriesThem) {
  auto stats = db_->SaveArticles(feed_, {SovicoArticle("guid:1", "https://a.vn/1")});
  ASSERT_OK(stats);
  EXPECT_EQ(stats->inserted, 1);

  auto rows = db_->Funding({});
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 1u);
  const auto& r = (*rows)[0];
  EXPECT_EQ(r.record.investee, "GenAI Fund");
  EXPECT_EQ(r.record.investors, std::vector<std::string>{"Sovico Group"});
  EXPECT_EQ(r.record.lead_investors, std::vector<std::string>{"Sovico Group"});
  EXPECT_EQ(r.record.round, "strategic");
  EXPECT_FALSE(r.record.amount.has_value());
  EXPECT_EQ(r.source, "Báo A");
  EXPECT_EQ(r.article_url, "https://a.vn/1");
}

TEST_F(StoreTest, RepollsAndTrackingUrlsNeverStoreTwice) {
  ASSERT_OK(db_->SaveArticles(feed_, {SovicoArticle("guid:1", "https://a.vn/1")}));
  auto again = db_->SaveArticles(feed_, {SovicoArticle("guid:1", "https://a.vn/1")});
  ASSERT_OK(again);
  EXPECT_EQ(again->inserted, 0);
  EXPECT_EQ(again->duplicates, 1);
  // Another feed republishes it under a tracking URL.
  auto other = db_->EnsureFeed("https://b.vn/rss", "Báo B", "vi");
  ASSERT_OK(other);
  auto republished = db_->SaveArticles(*other, {SovicoArticle("guid:x", "https://A.vn/1?utm_source=rss#top")});
  ASSERT_OK(republished);
  EXPECT_EQ(republished->duplicates, 1);
  auto known = db_->KnownItemKeys(feed_, {"guid:1", "guid:2"});
  ASSERT_OK(known);
  EXPECT_EQ(*known, std::vector<std::string>{"guid:1"});
}

TEST_F(StoreTest, SearchIsAccentAndCaseInsensitive) {
  ASSERT_OK(db_->SaveArticles(feed_, {SovicoArticle("guid:1", "https://a.vn/1")}));
  for (const char* query : {"dau tu", "ĐẦU TƯ", "đầu tư", "\"khoan dau tu\"", "chien*", "GENAI"}) {
    auto hits = db_->Search({.query = query});
    ASSERT_OK(hits);
    ASSERT_EQ(hits->size(), 1u) << query;
    EXPECT_NE((*hits)[0].snippet.find("<mark>"), std::string::npos) << (*hits)[0].snippet;
  }
  auto none = db_->Search({.query = "blockchain"});
  ASSERT_OK(none);
  EXPECT_TRUE(none->empty());
  auto syntax = db_->Search({.query = "a:b OR (NEAR"});  // FTS5 syntax in user input is just words
  ASSERT_OK(syntax);
  auto empty = db_->Search({.query = "  ()  "});
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().kind, ErrorKind::kInvalidArgument);
}

TEST_F(StoreTest, FundingFiltersMatchAliasesWithoutAccents) {
  ASSERT_OK(db_->SaveArticles(feed_, {SovicoArticle("guid:1", "https://a.vn/1")}));
  for (const char* investor : {"Sovico", "sovico group", "tap doan sovico", "Tập đoàn Sovico"}) {
    auto rows = db_->Funding({.investor = investor});
    ASSERT_OK(rows);
    EXPECT_EQ(rows->size(), 1u) << investor;
  }
  EXPECT_EQ(db_->Funding({.investor = "Vingroup"})->size(), 0u);
  EXPECT_EQ(db_->Funding({.investee = "quy genai"})->size(), 1u);
  EXPECT_EQ(db_->Funding({.round = "seed"})->size(), 0u);
  EXPECT_EQ(db_->Funding({.since = "2024-11-22"})->size(), 0u);
  EXPECT_EQ(db_->Funding({.until = "2024-11-21"})->size(), 1u);
}

TEST_F(StoreTest, CoverageCountsArticlesAndStories) {
  ASSERT_OK(db_->SaveArticles(feed_, {SovicoArticle("guid:1", "https://a.vn/1")}));
  auto other = db_->EnsureFeed("https://b.vn/rss", "Báo B", "vi");
  ASSERT_OK(other);
  // The same text republished elsewhere: one more article, the same story.
  ASSERT_OK(db_->SaveArticles(*other, {SovicoArticle("guid:b1", "https://b.vn/copy", "2024-11-22T01:00:00Z")}));
  auto report = db_->Coverage({.entity = "quy genai"});
  ASSERT_OK(report);
  EXPECT_EQ(report->entity, "GenAI Fund");
  EXPECT_EQ(report->total, 2);
  EXPECT_EQ(report->stories, 1);
  EXPECT_EQ(report->by_source.at("Báo A"), 1);
  EXPECT_EQ(report->by_source.at("Báo B"), 1);
  ASSERT_EQ(report->mentions.size(), 2u);
  EXPECT_EQ(report->mentions[0].url, "https://b.vn/copy");  // newest first
  EXPECT_NE(report->mentions[0].snippet.find("<mark>Quỹ GenAI</mark>"), std::string::npos)
      << report->mentions[0].snippet;
  auto unknown = db_->Coverage({.entity = "Nobody"});
  ASSERT_OK(unknown);
  EXPECT_EQ(unknown->total, 0);
}

TEST_F(StoreTest, EntitiesAreMostCoveredFirstWithAliases) {
  ASSERT_OK(db_->SaveArticles(feed_, {SovicoArticle("guid:1", "https://a.vn/1")}));
  auto rows = db_->Entities({.type = "ORG"});
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 2u);
  bool found = false;
  for (const auto& r : *rows)
    if (r.name == "Sovico Group") {
      found = true;
      EXPECT_EQ(r.aliases, std::vector<std::string>{"Tập đoàn Sovico"});
    }
  EXPECT_TRUE(found);
}

TEST_F(StoreTest, RecordsFeedHealth) {
  FetchOutcome ok;
  ok.fetched_at = "2024-11-21T05:00:00Z";
  ok.status = 200;
  ok.etag = "\"v1\"";
  ok.next_poll = "2024-11-21T05:15:00Z";
  ASSERT_OK(db_->RecordFetch(feed_, ok));
  FetchOutcome failed;
  failed.fetched_at = "2024-11-21T05:15:00Z";
  failed.status = 503;
  failed.error = "HTTP 503";
  failed.next_poll = "2024-11-21T05:45:00Z";
  ASSERT_OK(db_->RecordFetch(feed_, failed));
  ASSERT_OK(db_->RecordFetch(feed_, failed));
  auto feeds = db_->Feeds();
  ASSERT_OK(feeds);
  ASSERT_EQ(feeds->size(), 1u);
  const FeedHealth& h = (*feeds)[0];
  EXPECT_EQ(h.last_status, 503);
  EXPECT_EQ(h.last_error.value_or(""), "HTTP 503");
  EXPECT_EQ(h.etag.value_or(""), "\"v1\"");  // kept across failures
  EXPECT_EQ(h.consecutive_failures, 2);
}

TEST_F(StoreTest, EnsureFeedsGivesEachFeedsHealthInOrder) {
  FetchOutcome ok;
  ok.fetched_at = "2024-11-21T05:00:00Z";
  ok.status = 200;
  ok.etag = "\"v1\"";
  ok.next_poll = "2024-11-21T05:15:00Z";
  ASSERT_OK(db_->RecordFetch(feed_, ok));
  std::vector<feed::Subscription> subs(2);
  subs[0].url = "https://b.vn/rss";
  subs[0].title = "Báo B";
  subs[1].url = "https://a.vn/rss";
  auto health = db_->EnsureFeeds(subs);
  ASSERT_OK(health);
  ASSERT_EQ(health->size(), 2u);
  EXPECT_EQ((*health)[0].url, "https://b.vn/rss");
  EXPECT_EQ((*health)[0].title, "Báo B");
  EXPECT_FALSE((*health)[0].next_poll.has_value());  // never polled
  EXPECT_EQ((*health)[1].id, feed_);
  EXPECT_EQ((*health)[1].etag.value_or(""), "\"v1\"");
  EXPECT_EQ((*health)[1].next_poll.value_or(""), "2024-11-21T05:15:00Z");
}

TEST_F(StoreTest, APermanentRedirectMovesTheFeedButKeepsItsIdentity) {
  FetchOutcome moved;
  moved.fetched_at = "2024-11-21T05:00:00Z";
  moved.status = 200;
  moved.next_poll = "2024-11-21T05:15:00Z";
  moved.moved_to = "https://a.vn/rss/v2";
  ASSERT_OK(db_->RecordFetch(feed_, moved));
  FetchOutcome later = moved;
  later.moved_to.reset();  // nullopt keeps what is stored
  ASSERT_OK(db_->RecordFetch(feed_, later));
  std::vector<feed::Subscription> subs(1);
  subs[0].url = "https://a.vn/rss";  // the feeds file still says the old URL
  auto health = db_->EnsureFeeds(subs);
  ASSERT_OK(health);
  ASSERT_EQ(health->size(), 1u);
  EXPECT_EQ((*health)[0].id, feed_);
  EXPECT_EQ((*health)[0].url, "https://a.vn/rss");
  EXPECT_EQ((*health)[0].moved_to.value_or(""), "https://a.vn/rss/v2");
  EXPECT_EQ(db_->Feeds()->size(), 1u);
}

TEST_F(StoreTest, SaveBatchCommitsManyFeedsAndIsolatesAFailure) {
  auto other = db_->EnsureFeed("https://b.vn/rss", "Báo B", "vi");
  ASSERT_OK(other);
  std::vector<FeedUpdate> batch(3);
  batch[0].feed_id = feed_;
  batch[0].articles = {SovicoArticle("guid:1", "https://a.vn/1")};
  batch[0].outcome.status = 200;
  batch[0].outcome.etag = "\"a\"";
  batch[1].feed_id = 999;  // no such feed: its article breaks a foreign key
  batch[1].articles = {Article("guid:x", "https://x.vn/1", "X", "Chữ", "2024-11-21T02:00:00Z")};
  batch[2].feed_id = *other;
  batch[2].outcome.status = 304;
  batch[2].outcome.error = "";
  batch[2].outcome.next_poll = "2024-11-21T06:00:00Z";
  const auto results = db_->SaveBatch(batch);
  ASSERT_EQ(results.size(), 3u);
  ASSERT_OK(results[0]);
  EXPECT_EQ(results[0]->inserted, 1);
  EXPECT_FALSE(results[1].has_value());
  ASSERT_OK(results[2]);
  EXPECT_EQ(db_->Feed(feed_)->etag.value_or(""), "\"a\"");
  EXPECT_EQ(db_->Feed(feed_)->items, 1);
  EXPECT_EQ(db_->Feed(*other)->last_status, 304);
  EXPECT_EQ(db_->Feed(*other)->next_poll.value_or(""), "2024-11-21T06:00:00Z");
  EXPECT_EQ(db_->Search({.query = "Chữ"})->size(), 0u);  // the failed update left nothing behind
}

TEST(StoreOpen, UpgradesAVersion1Database) {
  TempDir dir;
  { Store::Open(dir.File("t.db"), {}); }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(dir.File("t.db").c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "DROP INDEX articles_published_simhash; ALTER TABLE feeds DROP COLUMN moved_to; "
                         "PRAGMA user_version = 1", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  auto db = Store::Open(dir.File("t.db"), {});
  auto id = db->EnsureFeed("https://a.vn/rss", "A", "vi");
  ASSERT_OK(id);
  FetchOutcome moved;
  moved.moved_to = "https://a.vn/new";
  ASSERT_OK(db->RecordFetch(*id, moved));
  EXPECT_EQ(db->Feed(*id)->moved_to.value_or(""), "https://a.vn/new");
}

TEST(StoreOpen, RefusesADatabaseNewerThanItself) {
  TempDir dir;
  { Store::Open(dir.File("t.db"), {}); }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(dir.File("t.db").c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  try {
    Store::Open(dir.File("t.db"), {});
    FAIL() << "opened a database from the future";
  } catch (const StartupError& e) {
    EXPECT_NE(std::string(e.what()).find("schema version 99"), std::string::npos) << e.what();
  }
}

TEST(StoreOpen, ReadersSeeWhatTheWriterCommitted) {
  TempDir dir;
  auto writer = Store::Open(dir.File("t.db"), {});
  auto reader = Store::Open(dir.File("t.db"), {.read_only = true});
  auto feed = writer->EnsureFeed("https://a.vn/rss", "A", "vi");
  ASSERT_OK(feed);
  ASSERT_OK(writer->SaveArticles(*feed, {SovicoArticle("guid:1", "https://a.vn/1")}));
  auto rows = reader->Funding({});
  ASSERT_OK(rows);
  EXPECT_EQ(rows->size(), 1u);
}

}  // namespace
}  // namespace pw::store
