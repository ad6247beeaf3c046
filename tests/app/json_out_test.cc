#include "app/json_out.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace pw::app {
namespace {

namespace json = boost::json;

TEST(Number, WholeAmountsPrintAsIntegers) {
  EXPECT_EQ(json::serialize(Number(2500000)), "2500000");
  EXPECT_EQ(json::serialize(Number(16200e9)), "16200000000000");
  EXPECT_EQ(json::serialize(Number(1.5)), "1.5E0");
}

TEST(ExtractionJson, FollowsTheContractShape) {
  extract::Extraction x;
  x.language = "vi";
  x.text = "Quỹ GenAI";
  extract::Entity e;
  e.type = extract::EntityType::kOrg;
  e.text = "Quỹ GenAI";
  e.name = "GenAI Fund";
  e.end = x.text.size();
  x.entities.push_back(e);
  extract::FundingRecord f;
  f.investee = "GenAI Fund";
  f.investors = {"Sovico Group"};
  f.lead_investors = {"Sovico Group"};
  f.round = "strategic";
  x.funding.push_back(f);
  const json::value v = json::parse(Pretty(ExtractionJson(x)));
  EXPECT_EQ(v.at("language"), "vi");
  EXPECT_EQ(v.at("entities").at(0).at("name"), "GenAI Fund");
  EXPECT_EQ(v.at("entities").at(0).at("end").as_int64(), 11);
  const auto& funding = v.at("funding").at(0);
  EXPECT_TRUE(funding.at("amount").is_null());
  EXPECT_TRUE(funding.at("currency").is_null());
  EXPECT_TRUE(funding.at("announced").is_null());
  EXPECT_EQ(funding.at("round"), "strategic");
  EXPECT_TRUE(v.at("events").as_array().empty());
}

TEST(Pretty, KeepsUtf8AndIsOneDocument) {
  json::object o;
  o["name"] = "Đỗ Tiến Thịnh";
  o["list"] = json::array{"a", "b"};
  const std::string out = Pretty(o);
  EXPECT_NE(out.find("Đỗ Tiến Thịnh"), std::string::npos);
  EXPECT_NE(out.find("[\"a\", \"b\"]"), std::string::npos);
  EXPECT_EQ(json::parse(out), json::value(o));
}

// Scores and other fractions print as people write them, in both forms.
TEST(Compact, IsOneLineAndPrintsFractionsInDecimal) {
  json::object o;
  o["score"] = 0.4731;
  o["tiny"] = 1e-7;
  o["name"] = "Sài Gòn \"x\"";
  o["list"] = json::array{1, 2.5, nullptr, true};
  const std::string out = Compact(o);
  EXPECT_EQ(out, "{\"score\":0.4731,\"tiny\":1e-07,\"name\":\"Sài Gòn \\\"x\\\"\",\"list\":[1,2.5,null,true]}");
  EXPECT_EQ(json::parse(out), json::value(o));
  EXPECT_NE(Pretty(o).find("\"score\": 0.4731"), std::string::npos);
}

std::vector<std::string> Keys(const json::object& o) {
  std::vector<std::string> keys;
  for (const auto& kv : o) keys.emplace_back(kv.key());
  return keys;
}

// The records of docs/export.md, field for field and in its order.
TEST(ExportJson, FollowsDocsExport) {
  using V = std::vector<std::string>;
  store::ArticleExport a;
  a.entities = {{7, "ORG", "GenAI Fund"}};
  EXPECT_EQ(Keys(ExportJson(a)), (V{"id", "url", "canonical_url", "title", "summary", "source", "feed_url", "language",
                                    "published", "published_estimated", "first_seen", "story", "entities", "seq"}));
  EXPECT_EQ(Keys(ExportJson(a).at("entities").at(0).as_object()), (V{"id", "type", "name"}));
  store::DealExport d;
  d.amount = 2.5e6;
  d.reports = {{40, "https://a.vn/1", "t", "Báo A", "vi", "2024-11-21T02:00:00Z", "e"}};
  const json::object deal = ExportJson(d);
  EXPECT_EQ(Keys(deal), (V{"id", "investee", "investors", "lead_investor_ids", "amount", "currency", "round",
                           "announced", "reports", "seq"}));
  EXPECT_EQ(deal.at("amount").as_int64(), 2500000);
  EXPECT_TRUE(deal.at("currency").is_null());
  EXPECT_EQ(Keys(deal.at("reports").at(0).as_object()),
            (V{"article_id", "url", "title", "source", "language", "published", "evidence"}));
  EXPECT_EQ(Keys(ExportJson(store::EntityExport{})), (V{"id", "type", "name", "aliases", "title", "organization",
                                                        "first_seen", "articles", "mentions", "seq"}));
  EXPECT_EQ(Keys(ExportJson(store::EventExport{})),
            (V{"id", "type", "name", "date", "location", "participants", "evidence", "article_id", "article_url",
               "source", "published", "seq"}));
}

}  // namespace
}  // namespace pw::app
