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

}  // namespace
}  // namespace pw::app
