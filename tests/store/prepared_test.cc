// PrepareBatch (store/prepared.h): what it computes off the writer, and that
// a batch prepared on another thread while the store writes stores what
// SaveArticles stores.
#include "store/prepared.h"

#include <gtest/gtest.h>

#include <thread>

#include "articles.h"
#include "common/url.h"
#include "store/store.h"
#include "same_searches.h"
#include "test_util.h"
#include "text/search_key.h"

namespace pw::store {
namespace {

using pw::testing::TempDir;
using namespace pw::store::testing;

TEST(PrepareArticle, ComputesTheKeysFingerprintAndFiguresTheWriterNeeds) {
  ArticleRecord a = SovicoArticle("guid:1", "https://a.vn/1?utm_source=rss");
  Mention(a, EntityType::kPer, "Đông Nam Á", "Nguyễn Văn A");  // a person, to type an event participant
  extract::Entity money;
  money.type = EntityType::kMoney;
  money.text = "5 \"triệu\" USD";
  money.name = "5000000 USD";
  money.start = 10;
  money.end = 24;
  a.extraction.entities.insert(a.extraction.entities.begin() + 1, money);
  a.extraction.funding[0].announced = "";  // falls back on the published day
  a.extraction.funding[0].investors = {"Sovico Group", "Nguyễn Văn A"};
  a.extraction.events[0].participants.push_back("Nguyễn Văn A");

  const PreparedArticle p = PrepareArticle(a);
  EXPECT_EQ(p.record.url, a.url);
  EXPECT_EQ(p.canonical_url, CanonicalUrl(a.url));
  ASSERT_TRUE(p.published_at.has_value());
  EXPECT_EQ(FormatTimestamp(*p.published_at), "2024-11-21T02:00:00Z");
  const auto fingerprint = MakeFingerprint(a.extraction.text);
  ASSERT_TRUE(fingerprint.has_value());
  ASSERT_TRUE(p.fingerprint.has_value());
  EXPECT_EQ(p.fingerprint_bytes, fingerprint->ToBytes());
  EXPECT_EQ(p.band_keys, BandKeys(*fingerprint));
  EXPECT_EQ(p.figures,
            R"([{"type":"MONEY","text":"5 \"triệu\" USD","start":10,"end":24,"value":"5000000 USD"}])");

  // The named mentions only, in order, each with its entity's index.
  ASSERT_EQ(p.mentions.size(), 5u);
  const std::size_t expected_entity[] = {0, 2, 3, 4, 5};
  for (std::size_t i = 0; i < p.mentions.size(); ++i) {
    const PreparedMention& m = p.mentions[i];
    const extract::Entity& e = a.extraction.entities[m.entity];
    EXPECT_EQ(m.entity, expected_entity[i]);
    EXPECT_EQ(m.type, extract::EntityTypeName(e.type));
    EXPECT_EQ(m.name_key, text::SearchKey(e.name));
    EXPECT_EQ(m.alias_key, text::SearchKey(e.text));
  }
  EXPECT_EQ(p.mentions[0].alias_key, "tap doan sovico");
  EXPECT_EQ(p.mentions[0].name_key, "sovico group");

  ASSERT_EQ(p.funding.size(), 1u);
  const PreparedFunding& f = p.funding[0];
  EXPECT_EQ(f.investee.type, "ORG");
  EXPECT_EQ(f.investee.key, "genai fund");
  ASSERT_EQ(f.investors.size(), 2u);
  EXPECT_EQ(f.investors[0].type, "ORG");
  EXPECT_EQ(f.investors[1].type, "PER");
  EXPECT_EQ(f.investors[1].key, "nguyen van a");
  EXPECT_EQ(f.is_lead, (std::vector<bool>{true, false}));
  EXPECT_EQ(f.announced, "2024-11-21");

  ASSERT_EQ(p.event_participants.size(), 1u);
  ASSERT_EQ(p.event_participants[0].size(), 3u);
  EXPECT_EQ(p.event_participants[0][0].key, "genai fund");
  EXPECT_EQ(p.event_participants[0][2].type, "PER");
}

TEST(PrepareArticle, AShortTextHasNoFingerprintAndAnUnparsedDateNoTime) {
  const PreparedArticle p = PrepareArticle(Article("k", "https://a.vn/k", "Tin ngắn", "Một dòng.", "hôm qua"));
  EXPECT_FALSE(p.fingerprint.has_value());
  EXPECT_TRUE(p.fingerprint_bytes.empty());
  EXPECT_FALSE(p.published_at.has_value());
  EXPECT_TRUE(p.figures.empty());
  EXPECT_TRUE(p.mentions.empty());
}

// The daemon's writer prepares batch k+1 on the pool while it saves batch k:
// the rows must be those of SaveArticles, one article at a time.
TEST(PrepareBatch, PreparedOnAnotherThreadWhileTheStoreWritesStoresWhatSaveArticlesStores) {
  TempDir dir;
  const std::vector<ArticleRecord> articles = {
      SovicoArticle("guid:1", "https://a.vn/1"), SovicoArticleEn("en:1", "https://wire.example/1"),
      SovicoArticle("guid:2", "https://b.vn/2?utm_medium=x", "2024-11-22T02:00:00Z", "TIN NHANH | "),
      Article("guid:3", "https://a.vn/3", "Quỹ đầu tư mạo hiểm rót vốn vào startup",
              "Một quỹ đầu tư tại TP.HCM vừa công bố khoản đầu tư vào startup fintech.", "2024-11-23T02:00:00Z")};
  auto one_by_one = Store::Open(dir.File("a.db"), {});
  auto pipelined = Store::Open(dir.File("b.db"), {});
  std::vector<std::int64_t> feeds_a, feeds_b;
  for (int f = 0; f < 2; ++f) {
    const std::string url = "https://feed" + std::to_string(f) + ".example/rss";
    auto a = one_by_one->EnsureFeed(url, "F", "vi");
    auto b = pipelined->EnsureFeed(url, "F", "vi");
    ASSERT_OK(a);
    ASSERT_OK(b);
    feeds_a.push_back(*a);
    feeds_b.push_back(*b);
  }
  for (size_t i = 0; i < articles.size(); ++i) ASSERT_OK(one_by_one->SaveArticles(feeds_a[i % 2], {articles[i]}));

  // Two batches of two feeds' updates (one article each); the second is
  // prepared on a thread while the first is saved.
  const auto updates = [&](size_t first) {
    std::vector<FeedUpdate> u(2);
    for (size_t k = 0; k < 2; ++k) {
      u[k].feed_id = feeds_b[(first + k) % 2];
      u[k].articles = {articles[first + k]};
      u[k].outcome.status = 200;
    }
    return u;
  };
  PreparedBatch first = PrepareBatch(updates(0));
  PreparedBatch second;
  std::thread preparer([&] { second = PrepareBatch(updates(2)); });
  const auto first_results = pipelined->Save(first);
  preparer.join();
  const auto second_results = pipelined->Save(second);
  for (const auto& r : first_results) ASSERT_OK(r);
  for (const auto& r : second_results) ASSERT_OK(r);
  EXPECT_EQ(first_results[0]->inserted + first_results[1]->inserted + second_results[0]->inserted +
                second_results[1]->inserted,
            4);

  auto funding_a = one_by_one->Funding({.each_report = true});
  auto funding_b = pipelined->Funding({.each_report = true});
  ASSERT_OK(funding_a);
  ASSERT_OK(funding_b);
  ASSERT_EQ(funding_b->size(), funding_a->size());
  ASSERT_EQ(funding_b->size(), 3u);
  for (size_t i = 0; i < funding_a->size(); ++i) {
    EXPECT_EQ((*funding_b)[i].record.investee, (*funding_a)[i].record.investee);
    EXPECT_EQ((*funding_b)[i].record.investors, (*funding_a)[i].record.investors);
    EXPECT_EQ((*funding_b)[i].record.announced, (*funding_a)[i].record.announced);
    EXPECT_EQ((*funding_b)[i].article_url, (*funding_a)[i].article_url);
    EXPECT_EQ((*funding_b)[i].reports, (*funding_a)[i].reports);
  }
  auto entities_a = one_by_one->Entities({});
  auto entities_b = pipelined->Entities({});
  ASSERT_OK(entities_a);
  ASSERT_OK(entities_b);
  ASSERT_EQ(entities_b->size(), entities_a->size());
  for (size_t i = 0; i < entities_a->size(); ++i) {
    EXPECT_EQ((*entities_b)[i].name, (*entities_a)[i].name);
    EXPECT_EQ((*entities_b)[i].articles, (*entities_a)[i].articles);
    EXPECT_EQ((*entities_b)[i].mentions, (*entities_a)[i].mentions);
    EXPECT_EQ((*entities_b)[i].aliases, (*entities_a)[i].aliases);
  }
  // The syndicated copy joins the same story on both paths.
  ExpectSameSearches(*one_by_one, *pipelined, {"sovico", "dau tu", "startup*"});
}

}  // namespace
}  // namespace pw::store
