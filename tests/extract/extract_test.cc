// Extraction with the project's real rules on the seed press item and its
// English version: every record of the seed, identical in both languages.
#include "extract/extract.h"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "project_rules.h"
#include "test_util.h"
#include "text/normalize.h"

namespace pw::extract {
namespace {

using namespace std::chrono;

// A list's items as a set, for comparisons that do not depend on their order.
std::set<std::string> AsSet(const std::vector<std::string>& items) { return {items.begin(), items.end()}; }

class SeedExtraction : public ::testing::Test {
 protected:
  static Extraction Run(const std::string& file) {
    const std::string raw = pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo" / file);
    return Extract(pw::testing::ProjectRules(), text::NormalizeDocument(raw), {.published = sys_days{year{2024} / 11 / 21}});
  }

  static std::set<std::pair<std::string, std::string>> Names(const Extraction& x) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& e : x.entities) out.emplace(EntityTypeName(e.type), e.name);
    return out;
  }
};

const std::set<std::pair<std::string, std::string>> kSeedEntities = {
    {"ORG", "GenAI Fund"},   {"ORG", "NIC"},          {"ORG", "AWS"},
    {"ORG", "Sovico Group"}, {"ORG", "VPI"},          {"ORG", "Petrovietnam"},
    {"ORG", "Globe Telecom"}, {"ORG", "Phong Vũ"},    {"ORG", "WebTVAsia"},
    {"ORG", "Pixlr"},        {"ORG", "Galaxy Technology Services"},
    {"PER", "Đỗ Tiến Thịnh"}, {"PER", "Laura Nguyễn"},
    {"LOC", "ASEAN"},        {"LOC", "Việt Nam"},     {"LOC", "Đông Nam Á"},
    {"LOC", "Malaysia"},     {"LOC", "Singapore"},
    {"PERCENT", "92%"},      {"DATE", "2025-Q1"},
};

void ExpectSeedRecords(const Extraction& x) {
  // Offsets are byte offsets into the normalized text.
  for (const auto& e : x.entities) EXPECT_EQ(x.text.substr(e.start, e.end - e.start), e.text) << e.name;

  for (const auto& e : x.entities) {
    if (e.name == "Đỗ Tiến Thịnh") {
      EXPECT_EQ(e.title, "Phó Giám đốc");
      EXPECT_EQ(e.organization, "NIC");
    }
    if (e.name == "Laura Nguyễn") {
      EXPECT_EQ(e.title, "Giám đốc");
      EXPECT_EQ(e.organization, "GenAI Fund");
    }
    if (e.type == EntityType::kPercent) {
      EXPECT_EQ(*e.percent, 92);
    }
    if (e.type == EntityType::kDate) {
      EXPECT_EQ(e.date, "2025-Q1");
    }
  }

  ASSERT_EQ(x.funding.size(), 1u);
  const FundingRecord& f = x.funding[0];
  EXPECT_EQ(f.investee, "GenAI Fund");
  EXPECT_EQ(f.investors, std::vector<std::string>{"Sovico Group"});
  EXPECT_EQ(f.lead_investors, std::vector<std::string>{"Sovico Group"});
  EXPECT_FALSE(f.amount.has_value());
  EXPECT_EQ(f.currency, "");
  EXPECT_EQ(f.round, "strategic");
  EXPECT_EQ(f.announced, "2024-11-21");
  EXPECT_NE(f.evidence.find("Sovico"), std::string::npos);

  ASSERT_EQ(x.events.size(), 1u);
  const Event& e = x.events[0];
  EXPECT_EQ(e.type, "event");
  EXPECT_EQ(e.name, "GenAI Open Innovation");
  EXPECT_EQ(e.date, "2025-Q1");
  EXPECT_EQ(e.location, "Malaysia");
  EXPECT_EQ(e.participants, (std::vector<std::string>{"NIC", "GenAI Fund", "AWS"}));
}

// Found by fuzzing (tests/data/fuzz/extract/hostile-a-name-5000-times):
// every mention of an organisation searched the whole text for its name as
// an alias, once per mention, and each hit was checked against every
// entity: 5,000 times one name took 80 s. A name is searched once now; what
// is found is the same: each occurrence once, none twice.
TEST_F(SeedExtraction, FuzzFindingANameRepeatedThousandsOfTimesIsSearchedOnce) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "Quỹ GenAI, ";
  text += "NIC (VNIC) và VNIC.";
  const Extraction x = Extract(pw::testing::ProjectRules(), text::NormalizeDocument(text), {.language = text::Language::kVietnamese});
  std::set<std::size_t> starts;
  int genai = 0, vnic = 0;
  for (const auto& e : x.entities) {
    EXPECT_TRUE(starts.insert(e.start).second) << "two entities at " << e.start;
    EXPECT_EQ(x.text.substr(e.start, e.end - e.start), e.text);
    genai += e.name == "GenAI Fund";
    vnic += e.text == "VNIC";
  }
  EXPECT_EQ(genai, 2000);
  EXPECT_EQ(vnic, 2);  // the acronym in brackets, and once more as an alias
}

TEST_F(SeedExtraction, VietnameseSeedGivesEveryRecord) {
  const Extraction x = Run("genai-open-innovation.vi.txt");
  EXPECT_EQ(x.language, "vi");
  EXPECT_EQ(Names(x), kSeedEntities);
  ExpectSeedRecords(x);
}

TEST_F(SeedExtraction, EnglishVersionGivesTheSameRecords) {
  const Extraction x = Run("genai-open-innovation.en.txt");
  EXPECT_EQ(x.language, "en");
  EXPECT_EQ(Names(x), kSeedEntities);
  ExpectSeedRecords(x);
}

TEST_F(SeedExtraction, MoneyThatIsNotARaiseGivesNoFundingRecord) {
  const Extraction x = Extract(pw::testing::ProjectRules(),
                               text::NormalizeDocument("Jumia expects losses not to exceed $100M this year. "
                                                       "Hòa Phát đầu tư 1.500 tỷ đồng vào nhà máy mới."),
                               {});
  EXPECT_TRUE(x.funding.empty());
  int money = 0;
  for (const auto& e : x.entities) money += e.type == EntityType::kMoney;
  EXPECT_EQ(money, 2);
}

TEST_F(SeedExtraction, ReadsAHeadlineRaiseWithLeadInvestors) {
  const Extraction x = Extract(pw::testing::ProjectRules(),
                               text::NormalizeDocument("Configu raises a $3M pre-seed round led by Do Ventures and "
                                                       "Golden Gate Ventures."),
                               {.published = sys_days{year{2023} / 8 / 15}});
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Configu");
  EXPECT_EQ(x.funding[0].amount, 3e6);
  EXPECT_EQ(x.funding[0].currency, "USD");
  EXPECT_EQ(x.funding[0].round, "pre-seed");
  EXPECT_EQ(x.funding[0].lead_investors, (std::vector<std::string>{"Do Ventures", "Golden Gate Ventures"}));
}

TEST_F(SeedExtraction, VietnameseRaiseWithAmountAndRound) {
  const Extraction x = Extract(pw::testing::ProjectRules(),
                               text::NormalizeDocument("Startup MoMo vừa huy động thành công 1,5 triệu USD trong "
                                                       "vòng Series A do Do Ventures dẫn dắt."),
                               {.published = sys_days{year{2024} / 5 / 2}});
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "MoMo");
  EXPECT_EQ(x.funding[0].amount, 1.5e6);
  EXPECT_EQ(x.funding[0].round, "series-a");
  EXPECT_EQ(x.funding[0].lead_investors, std::vector<std::string>{"Do Ventures"});
}

}  // namespace
}  // namespace pw::extract

namespace pw::extract {
namespace {

using namespace std::chrono;

class PressReleases : public ::testing::Test {
 protected:
  static Extraction Run(const std::string& text) {
    return Extract(pw::testing::ProjectRules(), text::NormalizeDocument(text),
                   {.language = text::Language::kEnglish, .published = sys_days{year{2025} / 8 / 20}});
  }
};

TEST_F(PressReleases, RaisingADividendOrClosingAnAcquisitionIsNotFunding) {
  EXPECT_TRUE(Run("Seanergy Maritime (NASDAQ: SHIP) Raises Dividend Following Record Q2.").funding.empty());
  EXPECT_TRUE(Run("The Cannaisseur Group, Inc. (OTC: TCRG) Closes $35 Million Asset Acquisition.").funding.empty());
  EXPECT_TRUE(Run("Knutson+Casey Secures $1 Million Settlement in Wrongful Death Case.").funding.empty());
}

// Vietnamese written with its marks matches a gazetteer name only with the
// same marks (the search key drops them); the mark may sit on either vowel.
TEST_F(PressReleases, VietnameseNamesNeedTheirToneMarks) {
  auto names = [](const Extraction& x) {
    std::vector<std::string> out;
    for (const auto& e : x.entities) out.push_back(e.name);
    return out;
  };
  const auto vi = [&](const std::string& t) {
    return Extract(pw::testing::ProjectRules(), text::NormalizeDocument(t), {.language = text::Language::kVietnamese});
  };
  const auto not_a_party = names(vi("Đáng nói, doanh thu tăng mạnh trong năm nay."));
  EXPECT_EQ(std::count(not_a_party.begin(), not_a_party.end(), "Đảng Cộng sản Việt Nam"), 0);
  const auto party = names(vi("Theo Đảng, doanh thu tăng mạnh trong năm nay."));
  EXPECT_EQ(std::count(party.begin(), party.end(), "Đảng Cộng sản Việt Nam"), 1);
  const auto province = names(vi("Dự án ở Hoà Bình đã khởi công."));
  EXPECT_EQ(std::count(province.begin(), province.end(), "Hòa Bình"), 1);
}

// Angels are parties; what parentheses say of an investor, and the person
// who owns a fund, are not (sentences of our own, in the shape of
// Newsworthy releases of 2024-25).
TEST_F(PressReleases, InvestorListsHoldPeopleButNotWhatDescribesThem) {
  const auto x = Run("Zentra Labs Raises $2 Million in Pre-Seed Funding\n\n"
                     "Zentra Labs, a logistics software company, today announced it has raised $2 million in "
                     "pre-seed funding. The round was led by Northwind Ventures, with participation from "
                     "Michael Terpin's Transform Ventures, Brian Wallace (Founder, Brightpath) and Harbor Capital.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Zentra Labs");
  const auto& investors = x.funding[0].investors;
  for (const char* name : {"Northwind Ventures", "Transform Ventures", "Harbor Capital"})
    EXPECT_NE(std::find(investors.begin(), investors.end(), name), investors.end()) << name;
  for (const char* name : {"Michael Terpin", "Brightpath"})
    EXPECT_EQ(std::find(investors.begin(), investors.end(), name), investors.end()) << name;
  EXPECT_EQ(x.funding[0].lead_investors, std::vector<std::string>{"Northwind Ventures"});
}

TEST_F(PressReleases, AnEarlierRoundToldAsBackgroundIsARecordOfItsOwn) {
  const auto x = Run("Zentra Labs Raises $5M Seed Round\n\n"
                     "Zentra Labs, a logistics software company, today announced a $5 million seed funding round "
                     "led by Northwind Ventures. This round brings the company's total funding to $7 million, "
                     "including its previously announced $2 million pre-seed round.");
  ASSERT_EQ(x.funding.size(), 2u);
  EXPECT_EQ(x.funding[0].investee, "Zentra Labs");
  EXPECT_EQ(x.funding[0].amount, 5e6);
  EXPECT_EQ(x.funding[0].round, "seed");
  EXPECT_EQ(x.funding[1].investee, "Zentra Labs");
  EXPECT_EQ(x.funding[1].amount, 2e6);
  EXPECT_EQ(x.funding[1].round, "pre-seed");
}

// A deal told in a headline (no full stop) and a later sentence: the
// evidence shows where one ends. Sentences of our own.
TEST_F(PressReleases, EvidenceMarksTheEndOfAHeadline) {
  const auto x = Run("Zentra Labs Raises $2 Million Seed Round\n\n"
                     "Zentra Labs builds logistics software for ports. The round was led by Northwind Ventures.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].evidence,
            "Zentra Labs Raises $2 Million Seed Round \u2026 The round was led by Northwind Ventures.");
}

// A deal's day is the one its sentence gives, when that is not after the
// article's (2025-08-20 here); else the article's. Sentences of our own.
TEST_F(PressReleases, TheAnnouncedDayIsTheDealsOwnWhenItsSentenceGivesOne) {
  const auto told_later = Run("Zentra Labs news\n\n"
                              "Zentra Labs raised $2 million in pre-seed funding on March 3, 2025, from Northwind "
                              "Ventures.");
  ASSERT_EQ(told_later.funding.size(), 1u);
  EXPECT_EQ(told_later.funding[0].announced, "2025-03-03");

  const auto relative = Run("Zentra Labs news\n\nZentra Labs closed a $5 million seed round yesterday.");
  ASSERT_EQ(relative.funding.size(), 1u);
  EXPECT_EQ(relative.funding[0].announced, "2025-08-19");

  // A bare weekday, as agencies write it, is the last one (tester B: "the company said Thursday").
  const auto weekday = Run("Zentra Labs news\n\nZentra Labs raised $5 million in seed funding from Northwind "
                           "Ventures, the company said Monday.");
  ASSERT_EQ(weekday.funding.size(), 1u);
  EXPECT_EQ(weekday.funding[0].announced, "2025-08-18");

  // A later day is when something is planned, not when the deal was told.
  const auto planned = Run("Zentra Labs news\n\nZentra Labs raised $5 million in seed funding from Northwind "
                           "Ventures; the round closes on September 30, 2025.");
  ASSERT_EQ(planned.funding.size(), 1u);
  EXPECT_EQ(planned.funding[0].announced, "2025-08-20");

  // With no article date, the sentence's day is the only one there is.
  const auto undated = Extract(pw::testing::ProjectRules(),
                               text::NormalizeDocument("Ngày 5/3/2024, MoMo vừa gọi vốn 100 triệu USD vòng Series D."),
                               {.language = text::Language::kVietnamese});
  ASSERT_EQ(undated.funding.size(), 1u);
  EXPECT_EQ(undated.funding[0].announced, "2024-03-05");
}

// A day's name that holds a weekday is no date (round 14: "Cyber Monday" was the last Monday).
TEST_F(PressReleases, ADaysNameIsNoDate) {
  const auto x = Run("Zentra Labs news\n\nShoppers spent $13.3 billion on Cyber Monday and $10.8 billion on Black "
                     "Friday, the company said Monday.");
  std::vector<std::string> dates;
  for (const auto& e : x.entities)
    if (e.type == EntityType::kDate) dates.push_back(e.text);
  EXPECT_EQ(dates, (std::vector<std::string>{"Monday"}));
}

// An earlier round told as background to the news has the day its own words give, or none: not
// the article's (round 14).
TEST_F(PressReleases, ARoundToldAsBackgroundKeepsOnlyItsOwnDay) {
  const auto x = Run("Zentra Labs news\n\nZentra Labs has raised $25 million in a Series B round led by Northwind "
                     "Ventures. The raise comes a year after Zentra Labs raised $10 million in a Series A.");
  ASSERT_EQ(x.funding.size(), 2u);
  EXPECT_EQ(x.funding[0].round, "series-b");
  EXPECT_EQ(x.funding[0].announced, "2025-08-20");
  EXPECT_EQ(x.funding[1].round, "series-a");
  EXPECT_EQ(x.funding[1].announced, "");

  const auto own_day = Run("Zentra Labs news\n\nZentra Labs has raised $25 million in a Series B round, following "
                           "its $10 million Series A on March 3, 2024.");
  ASSERT_EQ(own_day.funding.size(), 2u);
  EXPECT_EQ(own_day.funding[0].announced, "2025-08-20");  // the background's day is not the news'
  EXPECT_EQ(own_day.funding[1].round, "series-a");
  EXPECT_EQ(own_day.funding[1].announced, "2024-03-03");
}

TEST_F(PressReleases, VietnameseMoneyPutInThroughAFund) {
  const auto x = Extract(pw::testing::ProjectRules(),
                         text::NormalizeDocument("Ông Hải đã rót tiền vào Công ty Minh An cuối năm 2019, thông qua "
                                                 "một quỹ đầu tư mạo hiểm có tên Sao Mai Capital."),
                         {.language = text::Language::kVietnamese});
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Công ty Minh An");
  EXPECT_EQ(x.funding[0].investors, std::vector<std::string>{"Sao Mai Capital"});
}

// The ways releases name a raise and its investors, one short text each, in
// sentences of our own (companies and funds invented). One record per text;
// no record where the investee is empty. Leads are checked where listed
// (an investor named alone also leads, so an empty list checks nothing).
struct Phrasing {
  text::Language language;
  const char* text;
  const char* investee;
  std::vector<std::string> investors, leads;
  double amount;  // 0: none
  const char* round;
};

const Phrasing kPhrasings[] = {
    {text::Language::kEnglish, "Acme Robotics Closes $12 Million Series A\n\nAcme Robotics has closed a $12 million Series A round co-led by Alpha Partners and Beta Ventures.",
     "Acme Robotics", {"Alpha Partners", "Beta Ventures"}, {"Alpha Partners", "Beta Ventures"}, 12000000, "series-a"},
    {text::Language::kEnglish, "Brava Health raises seed\n\nBrava Health today announced $8 million in seed funding. Investors in the round include Gamma Capital, Delta Ventures and angel investor Jane Miller.",
     "Brava Health", {"Gamma Capital", "Delta Ventures", "Jane Miller"}, {}, 8000000, "seed"},
    {text::Language::kEnglish, "Corda Labs news\n\nCorda Labs has raised $5 million in seed funding led by Gamma Capital. Existing investors Delta Ventures and Epsilon Fund also participated.",
     "Corda Labs", {"Gamma Capital", "Delta Ventures", "Epsilon Fund"}, {"Gamma Capital"}, 5000000, "seed"},
    {text::Language::kEnglish, "Dexa AI news\n\nDexa AI, a maker of warehouse software, raised $3M from Gamma Capital, Delta Ventures and others.",
     "Dexa AI", {"Gamma Capital", "Delta Ventures"}, {}, 3000000, ""},
    {text::Language::kEnglish, "Elmo Pay news\n\nElmo Pay has raised $8 million in a seed round. Investors: Gamma Capital, Delta Ventures and Epsilon Fund.",
     "Elmo Pay", {"Gamma Capital", "Delta Ventures", "Epsilon Fund"}, {}, 8000000, "seed"},
    {text::Language::kEnglish, "Fyra Bio news\n\nFyra Bio raised $8 million. Gamma Capital led the round, with Delta Ventures and Epsilon Fund participating.",
     "Fyra Bio", {"Gamma Capital", "Delta Ventures", "Epsilon Fund"}, {"Gamma Capital"}, 8000000, ""},
    {text::Language::kEnglish, "Gola Energy news\n\nGola Energy announced that it has completed a $20 million Series B financing. The financing was led by Gamma Capital.",
     "Gola Energy", {"Gamma Capital"}, {"Gamma Capital"}, 20000000, "series-b"},
    {text::Language::kEnglish, "Hexa Therapeutics prices IPO\n\nHexa Therapeutics, Inc. (NASDAQ: HEXA) today announced the closing of its initial public offering of 2,000,000 shares at $5.00 per share, for gross proceeds of $10 million.",
     "Hexa Therapeutics", {}, {}, 10000000, "ipo"},
    {text::Language::kEnglish, "Ilio Systems wins grant\n\nIlio Systems has been awarded a $2 million grant from the National Science Foundation.",
     "Ilio Systems", {"National Science Foundation"}, {"National Science Foundation"}, 2000000, "grant"},
    {text::Language::kEnglish, "Jovi Motors news\n\nJovi Motors received $1.5 million in funding from the Department of Energy.",
     "Jovi Motors", {"Department of Energy"}, {"Department of Energy"}, 1500000, ""},
    {text::Language::kEnglish, "Kilo Foods news\n\nKilo Foods raised $5 million in a round that included Gamma Capital and Delta Ventures.",
     "Kilo Foods", {"Gamma Capital", "Delta Ventures"}, {}, 5000000, ""},
    {text::Language::kEnglish, "Lumo Cloud news\n\nLumo Cloud has secured $3 million in debt financing from Silicon Valley Bank.",
     "Lumo Cloud", {"Silicon Valley Bank"}, {"Silicon Valley Bank"}, 3000000, "debt"},
    {text::Language::kEnglish, "Mira Learning news\n\nMira Learning today announced it raised $6 million, with Gamma Capital leading the round and Delta Ventures joining.",
     "Mira Learning", {"Gamma Capital", "Delta Ventures"}, {"Gamma Capital"}, 6000000, ""},
    {text::Language::kEnglish, "Orbi Space news\n\nOrbi Space has raised $15 million in Series A funding. The round saw participation from Gamma Capital, Delta Ventures and Epsilon Fund.",
     "Orbi Space", {"Gamma Capital", "Delta Ventures", "Epsilon Fund"}, {}, 15000000, "series-a"},
    {text::Language::kEnglish, "Pax Legal news\n\nPax Legal has raised $4 million in seed funding from investors including Gamma Capital and Delta Ventures.",
     "Pax Legal", {"Gamma Capital", "Delta Ventures"}, {}, 4000000, "seed"},
    {text::Language::kEnglish, "Quill Data news\n\nQuill Data has closed a $9 million seed round. Gamma Capital and Delta Ventures co-led the round, which also included Epsilon Fund.",
     "Quill Data", {"Gamma Capital", "Delta Ventures", "Epsilon Fund"}, {"Gamma Capital", "Delta Ventures"}, 9000000, "seed"},
    {text::Language::kEnglish, "Rho Security news\n\nRho Security announced a $7 million seed round. Participating investors include Gamma Capital and Delta Ventures.",
     "Rho Security", {"Gamma Capital", "Delta Ventures"}, {}, 7000000, "seed"},
    {text::Language::kEnglish, "Sola Farms news\n\nSola Farms raised $2.5 million in pre-seed funding, backed by Gamma Capital, Delta Ventures and angel investors including John Parker.",
     "Sola Farms", {"Gamma Capital", "Delta Ventures", "John Parker"}, {}, 2500000, "pre-seed"},
    {text::Language::kEnglish, "Tiva Health news\n\nTiva Health has raised $30 million in a Series B round led by Gamma Capital. New investors Delta Ventures and Epsilon Fund joined existing investors Zeta Partners and Omega Ventures in the round.",
     "Tiva Health", {"Gamma Capital", "Delta Ventures", "Epsilon Fund", "Zeta Partners", "Omega Ventures"}, {"Gamma Capital"}, 30000000, "series-b"},
    {text::Language::kEnglish, "Umbra Games news\n\nUmbra Games has raised $10 million. The investment came from Gamma Capital and Delta Ventures.",
     "Umbra Games", {"Gamma Capital", "Delta Ventures"}, {}, 10000000, ""},
    {text::Language::kEnglish, "Vela Foods secures funding\n\nVela Foods has secured a strategic investment from Gamma Capital.",
     "Vela Foods", {"Gamma Capital"}, {"Gamma Capital"}, 0, "strategic"},
    {text::Language::kEnglish, "Wren Analytics news\n\nWren Analytics closed an oversubscribed $11 million Series A, with Gamma Capital leading and participation from Delta Ventures.",
     "Wren Analytics", {"Gamma Capital", "Delta Ventures"}, {"Gamma Capital"}, 11000000, "series-a"},
    {text::Language::kEnglish, "Xeno Robotics news\n\nXeno Robotics has raised $4 million. Investors in the round are Gamma Capital, Delta Ventures, and Epsilon Fund.",
     "Xeno Robotics", {"Gamma Capital", "Delta Ventures", "Epsilon Fund"}, {}, 4000000, ""},
    {text::Language::kEnglish, "Yara Mobility news\n\nYara Mobility raised $12 million in Series A funding, bringing its total funding to $15 million. The Series A was led by Gamma Capital, joined by Delta Ventures.",
     "Yara Mobility", {"Gamma Capital", "Delta Ventures"}, {"Gamma Capital"}, 12000000, "series-a"},
    {text::Language::kEnglish, "Zeno Power news\n\nZeno Power received a $5 million investment from Gamma Capital and Delta Ventures.",
     "Zeno Power", {"Gamma Capital", "Delta Ventures"}, {}, 5000000, ""},
    {text::Language::kEnglish, "Arlo Freight Secures $14M Series A Led by Kappa Ventures\n\nArlo Freight, the digital freight platform, has secured $14 million in Series A funding led by Kappa Ventures. Lambda Capital, Mu Partners and Nu Ventures also joined the round.",
     "Arlo Freight", {"Kappa Ventures", "Lambda Capital", "Mu Partners", "Nu Ventures"}, {"Kappa Ventures"}, 14000000, "series-a"},
    {text::Language::kEnglish, "Birch Robotics Lands $6 Million\n\nBirch Robotics has landed $6 million in new funding. The round was co-led by Kappa Ventures and Lambda Capital, with additional participation from Mu Partners, Nu Ventures and several angel investors.",
     "Birch Robotics", {"Kappa Ventures", "Lambda Capital", "Mu Partners", "Nu Ventures"}, {"Kappa Ventures", "Lambda Capital"}, 6000000, ""},
    {text::Language::kEnglish, "Cobalt Health Raises $22 Million Series B\n\nCobalt Health today announced the close of a $22 million Series B round. Kappa Ventures led the financing, and existing investors Lambda Capital and Mu Partners participated.",
     "Cobalt Health", {"Kappa Ventures", "Lambda Capital", "Mu Partners"}, {"Kappa Ventures"}, 22000000, "series-b"},
    {text::Language::kEnglish, "Delta Grid Completes Seed Round\n\nDelta Grid has completed a $3.2 million seed round. Backers include Kappa Ventures, Lambda Capital and former Google executive Sarah Collins.",
     "Delta Grid", {"Kappa Ventures", "Lambda Capital", "Sarah Collins"}, {}, 3200000, "seed"},
    {text::Language::kEnglish, "Echo Labs Raises $1.5M Pre-Seed\n\nEcho Labs, a developer tools startup, has raised $1.5 million in a pre-seed round from Kappa Ventures and Lambda Capital.",
     "Echo Labs", {"Kappa Ventures", "Lambda Capital"}, {}, 1500000, "pre-seed"},
    {text::Language::kEnglish, "Ferro Materials Closes Oversubscribed Round\n\nFerro Materials has closed an oversubscribed $9 million seed round, led by Kappa Ventures. Other participants in the round were Lambda Capital and Mu Partners.",
     "Ferro Materials", {"Kappa Ventures", "Lambda Capital", "Mu Partners"}, {"Kappa Ventures"}, 9000000, "seed"},
    {text::Language::kEnglish, "Gale Mobility Raises $40M\n\nGale Mobility announced today that it has raised $40 million in Series C financing led by Kappa Ventures, with participation from new investor Lambda Capital and existing investors Mu Partners and Nu Ventures.",
     "Gale Mobility", {"Kappa Ventures", "Lambda Capital", "Mu Partners", "Nu Ventures"}, {"Kappa Ventures"}, 40000000, "series-c"},
    {text::Language::kEnglish, "Helio Water Receives Grant\n\nHelio Water has received a $750,000 grant from the Kappa Foundation to expand its filters to rural schools.",
     "Helio Water", {"Kappa Foundation"}, {"Kappa Foundation"}, 750000, "grant"},
    {text::Language::kEnglish, "Iris Finance Secures Credit Facility\n\nIris Finance has secured a $50 million credit facility from Kappa Bank to fund its loan book.",
     "Iris Finance", {"Kappa Bank"}, {"Kappa Bank"}, 50000000, "debt"},
    {text::Language::kEnglish, "Juno Bio Raises Series A\n\nJuno Bio has raised a $18 million Series A. The round was led by Kappa Ventures. Lambda Capital and Mu Partners, both existing investors, also participated.",
     "Juno Bio", {"Kappa Ventures", "Lambda Capital", "Mu Partners"}, {"Kappa Ventures"}, 18000000, "series-a"},
    {text::Language::kEnglish, "Kite Energy news\n\nKite Energy, Inc. (NASDAQ: KITE) announced the pricing of an underwritten public offering of 5,000,000 shares. The offering closed on June 3, 2025, with gross proceeds of approximately $25 million.",
     "Kite Energy", {}, {}, 25000000, ""},
    {text::Language::kEnglish, "Lumen Retail news\n\nLumen Retail has raised $12 million from a group of investors led by Kappa Ventures and including Lambda Capital.",
     "Lumen Retail", {"Kappa Ventures", "Lambda Capital"}, {"Kappa Ventures"}, 12000000, ""},
    {text::Language::kEnglish, "Mosaic Care Raises $5M\n\nMosaic Care raised $5 million in seed funding. Investors include Kappa Ventures and angel investors David Chen and Maria Lopez.",
     "Mosaic Care", {"Kappa Ventures", "David Chen", "Maria Lopez"}, {}, 5000000, "seed"},
    {text::Language::kEnglish, "Opal Security Announces $10M in Funding\n\nOpal Security announced $10 million in funding from Kappa Ventures, Lambda Capital and Mu Partners.",
     "Opal Security", {"Kappa Ventures", "Lambda Capital", "Mu Partners"}, {}, 10000000, ""},
    {text::Language::kEnglish, "Pine Games news\n\nPine Games plans to raise $20 million next year. The company said it may seek funding from Kappa Ventures.", "", {}, {}, 0, ""},
    {text::Language::kEnglish, "Quartz Media news\n\nQuartz Media reported revenue of $30 million for the year, up 20%, and raised its guidance.", "", {}, {}, 0, ""},
    {text::Language::kEnglish, "Rivet Tools news\n\nRivet Tools, which raised a $4 million seed round from Kappa Ventures in 2023, today launched its new platform.",
     "Rivet Tools", {"Kappa Ventures"}, {"Kappa Ventures"}, 4000000, "seed"},
    {text::Language::kEnglish, "Sage Legal Raises $3M\n\nSage Legal has raised $3 million. The funding was provided by Kappa Ventures and Lambda Capital.",
     "Sage Legal", {"Kappa Ventures", "Lambda Capital"}, {}, 3000000, ""},
    {text::Language::kEnglish, "Terra Farms news\n\nTerra Farms has closed a $15 million Series A funding round. The round drew participation from Kappa Ventures, Lambda Capital and Mu Partners.",
     "Terra Farms", {"Kappa Ventures", "Lambda Capital", "Mu Partners"}, {}, 15000000, "series-a"},
    {text::Language::kVietnamese, "Startup Minh Phát gọi vốn\n\nStartup Minh Phát vừa hoàn tất vòng gọi vốn Series A trị giá 5 triệu USD do Quỹ Kappa Ventures dẫn dắt, với sự tham gia của Lambda Capital và Mu Partners.",
     "Minh Phát", {"Kappa Ventures", "Lambda Capital", "Mu Partners"}, {"Kappa Ventures"}, 5000000, "series-a"},
    {text::Language::kVietnamese, "Công ty An Bình nhận vốn\n\nCông ty An Bình đã nhận được khoản đầu tư 2 triệu USD từ quỹ Kappa Ventures.",
     "Công ty An Bình", {"Kappa Ventures"}, {"Kappa Ventures"}, 2000000, ""},
    {text::Language::kVietnamese, "Quỹ Kappa Ventures rót vốn\n\nQuỹ Kappa Ventures vừa rót 3 triệu USD vào startup giáo dục EduNext.",
     "EduNext", {"Kappa Ventures"}, {"Kappa Ventures"}, 3000000, ""},
    {text::Language::kVietnamese, "EduNext huy động vốn\n\nNền tảng EduNext vừa huy động thành công 1,5 triệu USD trong vòng hạt giống. Các nhà đầu tư tham gia gồm Kappa Ventures, Lambda Capital và Mu Partners.",
     "EduNext", {"Kappa Ventures", "Lambda Capital", "Mu Partners"}, {}, 1500000, "seed"},
    {text::Language::kVietnamese, "Doanh nghiệp dự kiến gọi vốn\n\nCông ty Hòa Phát dự kiến huy động 100 triệu USD trong năm tới.", "", {}, {}, 0, ""},
    // Round 18: an offering told as done with no amount; one under a condition is none.
    {text::Language::kVietnamese, "Quỹ mở Sigma chào bán\n\nTrong 18 quỹ mở, riêng Quỹ Sigma mới hoàn thành chào bán IPO.",
     "Sigma", {}, {}, 0, "ipo"},
    {text::Language::kVietnamese, "Hòa Phát có thể IPO\n\nNếu Công ty Hòa Phát hoàn tất IPO, công ty sẽ có thêm vốn.", "", {}, {}, 0, ""},
    {text::Language::kEnglish, "Applo Closes Growth Financing\n\nApplo, the recognition platform, today announced the close of a $2.75 million CAD growth financing round.",
     "Applo", {}, {}, 2750000, "growth"},
    {text::Language::kEnglish, "Security startup raises seed\n\nBaltimore-based Pixo, which automates code fixes, has closed a $15 million seed round led by Kappa Ventures and Lambda Capital.",
     "Pixo", {"Kappa Ventures", "Lambda Capital"}, {"Kappa Ventures", "Lambda Capital"}, 15000000, "seed"},
    {text::Language::kEnglish, "Kappa Ventures backs Orion\n\nKappa Ventures, the venture arm of a crypto exchange, recently led the seed round for Orion Labs, a wallet maker.",
     "Orion Labs", {"Kappa Ventures"}, {"Kappa Ventures"}, 0, "seed"},
    {text::Language::kEnglish, "Stryx Network Closes Strategic Funding Round\n\nStryx Network is proud to announce the closure of a successful strategic funding round. Spearheaded by Kappa Ventures, the round also saw participation from Lambda Capital and Mu Partners.",
     "Stryx Network", {"Kappa Ventures", "Lambda Capital", "Mu Partners"}, {"Kappa Ventures"}, 0, "strategic"},
    {text::Language::kEnglish, "qzLabs Secures $4M\n\nqzLabs Technology Limited, the leading provider of identity tools, today announced a $4M seed round led by Kappa Ventures with participation from Lambda Capital.",
     "qzLabs", {"Kappa Ventures", "Lambda Capital"}, {"Kappa Ventures"}, 4000000, "seed"},
    {text::Language::kEnglish, "Maxo AI raises $3M\n\nMaxo AI, an evaluation platform, announced a $3 million funding round led by Kappa Ventures. The round also saw participation from angel investors including founders of Postman and Chargebee.",
     "Maxo AI", {"Kappa Ventures"}, {"Kappa Ventures"}, 3000000, ""},
    // A party's people (PEOPLE_OF in rules/gazetteer/rounds.tsv): the co-founders invest, not their companies.
    {text::Language::kEnglish, "Nexo Labs raises $2M\n\nNexo Labs has raised $2 million led by Kappa Ventures, with participation from co-founders of Postman and Chargebee.",
     "Nexo Labs", {"Kappa Ventures"}, {"Kappa Ventures"}, 2000000, ""},
    {text::Language::kEnglish, "Abacus Health Receives Strategic Investment\n\nAbacus Health has received a strategic investment from Kappa Ventures to expand in Asia.",
     "Abacus Health", {"Kappa Ventures"}, {"Kappa Ventures"}, 0, "strategic"},
    {text::Language::kEnglish, "Bolt Freight Completes Series B\n\nBolt Freight announced the completion of its $25 million Series B financing.",
     "Bolt Freight", {}, {}, 25000000, "series-b"},
    {text::Language::kEnglish, "Cirra Bio Completes Seed Round\n\nCirra Bio today announced the successful completion of a $5 million seed funding round.",
     "Cirra Bio", {}, {}, 5000000, "seed"},
    {text::Language::kEnglish, "Dune Labs Closes $2M in Seed Funding\n\nDune Labs closes $2 million in seed funding to build tools for farmers.",
     "Dune Labs", {}, {}, 2000000, "seed"},
    {text::Language::kEnglish, "Ember Therapeutics Announces Registered Direct Offering\n\nEmber Therapeutics, Inc. (NASDAQ: EMBR) (\"Ember\" or the \"Company\") today announced that it has entered into securities purchase agreements with institutional investors for the purchase and sale of 3,000,000 shares of common stock, for gross proceeds of approximately $6 million.",
     "Ember Therapeutics", {}, {}, 6000000, ""},
    {text::Language::kEnglish, "Gemma Robotics Wins Funding\n\nGemma Robotics wins $500,000 in funding from the Kappa Foundation.",
     "Gemma Robotics", {"Kappa Foundation"}, {"Kappa Foundation"}, 500000, ""},
    {text::Language::kEnglish, "Kappa Ventures Invests in Helix Data\n\nKappa Ventures invests $3 million in Helix Data, a data platform for hospitals.",
     "Helix Data", {"Kappa Ventures"}, {"Kappa Ventures"}, 3000000, ""},
    {text::Language::kEnglish, "Kappa Ventures Makes Strategic Investment in Ionic Pay\n\nKappa Ventures has made a strategic investment in Ionic Pay, a payments startup.",
     "Ionic Pay", {"Kappa Ventures"}, {"Kappa Ventures"}, 0, "strategic"},
    {text::Language::kEnglish, "Juno Space Secures Investment from Kappa Ventures\n\nJuno Space secures investment from Kappa Ventures to build satellites.",
     "Juno Space", {"Kappa Ventures"}, {"Kappa Ventures"}, 0, ""},
    {text::Language::kEnglish, "Kora Labs Lands $9M Series A\n\nKora Labs lands $9 million Series A led by Kappa Ventures and Lambda Capital.",
     "Kora Labs", {"Kappa Ventures", "Lambda Capital"}, {"Kappa Ventures", "Lambda Capital"}, 9000000, "series-a"},
    {text::Language::kEnglish, "Lyra AI news\n\nLyra AI has raised $7 million in a funding round led by Kappa Ventures and Lambda Capital, bringing its total funding to $10 million.",
     "Lyra AI", {"Kappa Ventures", "Lambda Capital"}, {"Kappa Ventures", "Lambda Capital"}, 7000000, ""},
    {text::Language::kEnglish, "Mako Systems Raises $4M\n\nMako Systems has raised $4 million. The round was joined by Kappa Ventures, Lambda Capital and Mu Partners.",
     "Mako Systems", {"Kappa Ventures", "Lambda Capital", "Mu Partners"}, {}, 4000000, ""},
    {text::Language::kEnglish, "Nexa Foods Raises $6M\n\nNexa Foods has raised $6 million in Series A funding. Kappa Ventures led the round. Lambda Capital and angel investor Tom Reed also invested.",
     "Nexa Foods", {"Kappa Ventures", "Lambda Capital", "Tom Reed"}, {"Kappa Ventures"}, 6000000, "series-a"},
    {text::Language::kEnglish, "Onyx Cloud Raises Series A\n\nOnyx Cloud, a cloud security company, raised a $12 million Series A round from Kappa Ventures, with Lambda Capital and Mu Partners participating.",
     "Onyx Cloud", {"Kappa Ventures", "Lambda Capital", "Mu Partners"}, {}, 12000000, "series-a"},
    {text::Language::kEnglish, "Pylon Health Closes Funding\n\nPylon Health has closed a $3.5 million round of funding from Kappa Ventures.",
     "Pylon Health", {"Kappa Ventures"}, {"Kappa Ventures"}, 3500000, ""},
    {text::Language::kEnglish, "Quasar Mining news\n\nQuasar Mining Corp. (TSXV: QSR) is pleased to announce that it has closed its non-brokered private placement for gross proceeds of C$2,500,000.",
     "Quasar Mining", {}, {}, 2500000, ""},
    {text::Language::kVietnamese, "Startup Zeta hoàn tất vòng Series B\n\nStartup Zeta vừa công bố hoàn tất vòng gọi vốn Series B trị giá 10 triệu USD.",
     "Zeta", {}, {}, 10000000, "series-b"},
    {text::Language::kVietnamese, "Công ty Alpha nhận đầu tư\n\nCông ty Alpha nhận đầu tư 5 triệu USD từ Quỹ Kappa Ventures.",
     "Công ty Alpha", {"Kappa Ventures"}, {"Kappa Ventures"}, 5000000, ""},
    {text::Language::kVietnamese, "Kappa Ventures đầu tư vào Beta\n\nQuỹ Kappa Ventures đã đầu tư 10 triệu USD vào công ty Beta.",
     "Beta", {"Kappa Ventures"}, {"Kappa Ventures"}, 10000000, ""},
    {text::Language::kVietnamese, "Gamma được rót vốn\n\nNền tảng Gamma được Quỹ Kappa Ventures rót 3 triệu USD.",
     "Gamma", {"Kappa Ventures"}, {"Kappa Ventures"}, 3000000, ""},
    {text::Language::kVietnamese, "Delta gọi vốn\n\nStartup Delta gọi vốn thành công 2 triệu USD từ các nhà đầu tư Kappa Ventures và Lambda Capital.",
     "Delta", {"Kappa Ventures", "Lambda Capital"}, {}, 2000000, ""},
    {text::Language::kEnglish, "Aero Parts news\n\nAero Parts, the aircraft parts marketplace, has announced a $2 million seed raise.",
     "Aero Parts", {}, {}, 2000000, "seed"},
    {text::Language::kEnglish, "Brix Homes news\n\nBrix Homes raised $11 million in its latest funding round, led by Kappa Ventures.",
     "Brix Homes", {"Kappa Ventures"}, {"Kappa Ventures"}, 11000000, ""},
    {text::Language::kEnglish, "Cove Pay news\n\nCove Pay has raised US$5 million in a pre-Series A round led by Kappa Ventures.",
     "Cove Pay", {"Kappa Ventures"}, {"Kappa Ventures"}, 5000000, "pre-series-a"},
    {text::Language::kEnglish, "Dart Logistics Bags $3M Seed Funding From Kappa Ventures\n\nDart Logistics will use the money to hire engineers.",
     "Dart Logistics", {"Kappa Ventures"}, {"Kappa Ventures"}, 3000000, "seed"},
    {text::Language::kEnglish, "Elan Bio news\n\nElan Bio has closed its $20 million Series B, which was led by Kappa Ventures.",
     "Elan Bio", {"Kappa Ventures"}, {"Kappa Ventures"}, 20000000, "series-b"},
    {text::Language::kEnglish, "Fenix Data news\n\nInvestors in Fenix Data's $10 million seed round include Kappa Ventures and Lambda Capital.",
     "Fenix Data", {"Kappa Ventures", "Lambda Capital"}, {}, 10000000, "seed"},
    {text::Language::kEnglish, "Gyro Motors news\n\nGyro Motors announced today it has secured $2.1 million in pre-seed funding from Kappa Ventures, Lambda Capital and Mu Partners.",
     "Gyro Motors", {"Kappa Ventures", "Lambda Capital", "Mu Partners"}, {}, 2100000, "pre-seed"},
    {text::Language::kEnglish, "Hale Energy Secures £5m to Expand\n\nHale Energy secures £5m to expand its battery plants.",
     "Hale Energy", {}, {}, 5000000, ""},
    {text::Language::kEnglish, "Inka Learning news\n\nSingapore-based Inka Learning has raised S$3 million from Kappa Ventures.",
     "Inka Learning", {"Kappa Ventures"}, {"Kappa Ventures"}, 3000000, ""},
    {text::Language::kEnglish, "Jolt, a Singapore startup, raises US$10 million Series A led by Kappa Ventures\n\nJolt makes batteries for scooters.",
     "Jolt", {"Kappa Ventures"}, {"Kappa Ventures"}, 10000000, "series-a"},
    {text::Language::kEnglish, "Kappa Ventures Leads Kelp Foods' $5M Seed Round\n\nKelp Foods makes snacks from seaweed.",
     "Kelp Foods", {"Kappa Ventures"}, {"Kappa Ventures"}, 5000000, "seed"},
    {text::Language::kEnglish, "Lumo Games Gets $4 Million from Kappa Ventures\n\nLumo Games makes mobile puzzle games.",
     "Lumo Games", {"Kappa Ventures"}, {"Kappa Ventures"}, 4000000, ""},
    {text::Language::kEnglish, "Mira Health news\n\nMira Health picks up $6M in seed funding led by Kappa Ventures.",
     "Mira Health", {"Kappa Ventures"}, {"Kappa Ventures"}, 6000000, "seed"},
    {text::Language::kEnglish, "Nord Metals news\n\nNord Metals Ltd (ASX: NRD) has completed a A$12 million placement to institutional investors.",
     "Nord Metals", {}, {}, 12000000, ""},
    {text::Language::kEnglish, "Orca Fintech news\n\nOrca Fintech has secured a $30 million debt facility from Kappa Bank and an equity investment from Lambda Capital.",
     "Orca Fintech", {"Kappa Bank", "Lambda Capital"}, {}, 30000000, "debt"},
    {text::Language::kVietnamese, "Ví điện tử Theta gọi vốn\n\nVí điện tử Theta vừa gọi vốn thành công 20 triệu USD trong vòng Series B do Kappa Ventures dẫn đầu.",
     "Theta", {"Kappa Ventures"}, {"Kappa Ventures"}, 20000000, "series-b"},
    {text::Language::kVietnamese, "Kappa Ventures dẫn đầu vòng gọi vốn của Iota\n\nQuỹ Kappa Ventures vừa dẫn đầu vòng gọi vốn Series A trị giá 8 triệu USD của startup Iota.",
     "Iota", {"Kappa Ventures"}, {"Kappa Ventures"}, 8000000, "series-a"},
    {text::Language::kVietnamese, "Lambda hoàn tất huy động\n\nCông ty cổ phần Lambda Tech đã huy động được 300 tỷ đồng từ đợt phát hành cổ phiếu riêng lẻ cho nhà đầu tư Kappa Ventures.",
     "Lambda Tech", {"Kappa Ventures"}, {"Kappa Ventures"}, 300000000000, ""},
    {text::Language::kVietnamese, "Ngân hàng Sigma ký khoản vay\n\nNgân hàng Sigma vừa nhận khoản vay 100 triệu USD từ IFC.",
     "Ngân hàng Sigma", {"IFC"}, {"IFC"}, 100000000, "debt"},
    // Round 21 (branch extract21vi): a loan the company took is debt ("họ đã vay hơn 2,1 tỷ USD" had no round).
    {text::Language::kVietnamese, "Công ty Hải Long vay vốn\n\nTừ đầu năm ngoái, Công ty Hải Long đã vay hơn 300 triệu USD từ Lambda Bank.",
     "Công ty Hải Long", {"Lambda Bank"}, {"Lambda Bank"}, 300000000, "debt"},
    {text::Language::kVietnamese, "Startup Omega gọi vốn\n\nStartup Omega vừa huy động thành công 3 triệu USD. Nhà đầu tư của vòng này gồm Kappa Ventures và Lambda Capital.",
     "Omega", {"Kappa Ventures", "Lambda Capital"}, {}, 3000000, ""},
    {text::Language::kVietnamese, "Nền tảng Pi gọi vốn\n\nNền tảng Pi vừa hoàn tất vòng gọi vốn hạt giống trị giá 1 triệu USD. Vòng gọi vốn có sự tham gia của Kappa Ventures và Lambda Capital.",
     "Pi", {"Kappa Ventures", "Lambda Capital"}, {}, 1000000, "seed"},
    {text::Language::kVietnamese, "Startup Rho gọi vốn\n\nStartup Rho vừa gọi vốn thành công 4 triệu USD trong vòng Series A. Quỹ Kappa Ventures là nhà đầu tư dẫn dắt vòng này. Lambda Capital cũng tham gia vòng gọi vốn.",
     "Rho", {"Kappa Ventures", "Lambda Capital"}, {"Kappa Ventures"}, 4000000, "series-a"},
    {text::Language::kVietnamese, "Startup Tau gọi vốn\n\nStartup Tau vừa huy động thành công 6 triệu USD trong vòng gọi vốn Series A dẫn đầu bởi Kappa Ventures.",
     "Tau", {"Kappa Ventures"}, {"Kappa Ventures"}, 6000000, "series-a"},
    {text::Language::kVietnamese, "Startup Upsilon nhận đầu tư\n\nStartup Upsilon vừa nhận khoản đầu tư 2 triệu USD từ Kappa Ventures và Lambda Capital.",
     "Upsilon", {"Kappa Ventures", "Lambda Capital"}, {}, 2000000, ""},
    // Round 8 (branch extract8vi): Vietnamese phrasings of our own.
    {text::Language::kVietnamese, "Công ty Hải Long nhận vốn\n\nCông ty Hải Long vừa nhận 3 triệu USD từ Quỹ Kappa Ventures trong vòng hạt giống.",
     "Công ty Hải Long", {"Kappa Ventures"}, {"Kappa Ventures"}, 3000000, "seed"},
    {text::Language::kVietnamese, "Hai quỹ đồng đầu tư\n\nKappa Ventures và Lambda Capital đồng đầu tư 2 triệu USD vào startup Kiwi Tech trong vòng Series A.",
     "Kiwi Tech", {"Kappa Ventures", "Lambda Capital"}, {}, 2000000, "series-a"},
    {text::Language::kVietnamese, "Startup Ánh Dương được rót vốn\n\nStartup Ánh Dương được rót 2 triệu USD từ Kappa Ventures.",
     "Ánh Dương", {"Kappa Ventures"}, {"Kappa Ventures"}, 2000000, ""},
    {text::Language::kVietnamese, "Startup Kiwi Tech gọi vốn\n\nStartup Kiwi Tech gọi thành công 3 triệu USD vốn Series A do Kappa Ventures dẫn đầu.",
     "Kiwi Tech", {"Kappa Ventures"}, {"Kappa Ventures"}, 3000000, "series-a"},
    {text::Language::kVietnamese, "Tin đầu tư\n\nVòng Series A trị giá 7 triệu USD của startup Kiwi Tech do Kappa Ventures dẫn dắt.",
     "Kiwi Tech", {"Kappa Ventures"}, {"Kappa Ventures"}, 7000000, "series-a"},
    {text::Language::kVietnamese, "Startup Kiwi Tech gọi vốn\n\nStartup Kiwi Tech vừa công bố gọi vốn thành công 2 triệu USD với sự dẫn dắt của Kappa Ventures.",
     "Kiwi Tech", {"Kappa Ventures"}, {"Kappa Ventures"}, 2000000, ""},
    {text::Language::kVietnamese, "Startup Phương Nam gọi vốn\n\nStartup Phương Nam gọi vốn thành công 6 triệu USD. Đồng đầu tư trong vòng này có Lambda Capital và Mu Partners.",
     "Phương Nam", {"Lambda Capital", "Mu Partners"}, {}, 6000000, ""},
    {text::Language::kVietnamese, "Công ty Hải Long nhận tiền\n\nCông ty Hải Long nhận 3 triệu USD từ ngân sách tỉnh.", "", {}, {}, 0, ""},
    // Round 9 (branch extract9vi), phrasings of tests/data/eval/recall_probe_vi.py --whole: an
    // appositive after a dash up to the verb, a raise in a clause of time with the group's leads,
    // venture capital from a fund, and a bank's deposits (no record).
    {text::Language::kVietnamese, "Kiwi Mart nhận vốn\n\nCuối năm 2016, Công ty Kiwi Tech (Kiwi Corporation) - chủ sở hữu chuỗi Kiwi Mart và Lam Toys đã nhận được khoản đầu tư gần 500 tỷ đồng (22 triệu USD) từ Quỹ Kappa Ventures.",
     "Công ty Kiwi Tech", {"Kappa Ventures"}, {"Kappa Ventures"}, 500000000000, ""},
    {text::Language::kVietnamese, "Kiwi Tech gọi vốn\n\nSau nhiều lần thất bại, thành công đến với Kiwi Tech khi huy động được 3 triệu USD tiền vốn đầu tư từ nhóm nhà đầu tư dẫn đầu là Kappa Ventures và Lambda Capital.",
     "Kiwi Tech", {"Kappa Ventures", "Lambda Capital"}, {"Kappa Ventures", "Lambda Capital"}, 3000000, ""},
    {text::Language::kVietnamese, "Startup Lúa Vàng\n\nTrước đó, startup Lúa Vàng đã huy động được 5 triệu USD vốn mạo hiểm từ quỹ Kappa Ventures.",
     "Lúa Vàng", {"Kappa Ventures"}, {"Kappa Ventures"}, 5000000, ""},
    {text::Language::kVietnamese, "Ngân hàng Sigma\n\nNgân hàng Sigma đã huy động được 300 tỷ đồng tiền gửi của Tập đoàn Kappa.", "", {}, {}, 0, ""},
    {text::Language::kEnglish, "Kelpie Robotics Announces Closing Of $5 Million Series A Financing\n\nThe round was led by Kappa Ventures.",
     "Kelpie Robotics", {"Kappa Ventures"}, {"Kappa Ventures"}, 5000000, "series-a"},
    {text::Language::kEnglish, "14Peaks closes inaugural $30M fund to back software startups\n\nThe fund will invest in fintech.",
     "14Peaks", {}, {}, 30000000, ""},
    {text::Language::kEnglish, "Kelpie Mining Completes Private Placements, Raising Total Gross Proceeds of C$21.5 Million\n\nKelpie Mining Corp. (TSXV: KLP) is pleased to report the results.",
     "Kelpie Mining", {}, {}, 21500000, ""},
    {text::Language::kEnglish, "Kelpie Robotics gets seed funding\n\nKappa Ventures led the $3 million seed round for Virginia Beach, Va.-based Kelpie Robotics.",
     "Kelpie Robotics", {"Kappa Ventures"}, {"Kappa Ventures"}, 3000000, "seed"},
    {text::Language::kEnglish, "Kappa Ventures backs drone maker\n\nKappa Ventures has invested $3 million in Virginia Beach, Va.-based Kelpie Robotics.",
     "Kelpie Robotics", {"Kappa Ventures"}, {"Kappa Ventures"}, 3000000, ""},
    {text::Language::kEnglish, "Kappa Ventures joins seed round\n\nKappa Ventures joined a $3 million seed round for Austin-based Kelpie Robotics.",
     "Kelpie Robotics", {"Kappa Ventures"}, {}, 3000000, "seed"},
    {text::Language::kEnglish, "Acme Robotics wins pitch competition\n\nAcme Robotics won $1 million in the Kappa pitch competition last week.", "", {}, {}, 0, ""},
    {text::Language::kEnglish, "Beta Labs wins award\n\nBeta Labs wins $250,000 prize at the Lambda Challenge.", "", {}, {}, 0, ""},
    {text::Language::kEnglish, "Gamma Health news\n\nGamma Health plans to raise $10 million in a Series A round led by Kappa Ventures.", "", {}, {}, 0, ""},
    {text::Language::kEnglish, "Delta Corp news\n\nDelta Corp secured a $50 million contract from the Department of Defense.", "", {}, {}, 0, ""},
    {text::Language::kEnglish, "Epsilon Inc news\n\nEpsilon Inc. said its offering is expected to close on June 3, with gross proceeds of $25 million.", "", {}, {}, 0, ""},
    {text::Language::kEnglish, "Zeta Energy news\n\nZeta Energy reported revenue of $12 million. The company was founded by Kappa Ventures partner John Smith.", "", {}, {}, 0, ""},
    {text::Language::kEnglish, "Eta Media news\n\nEta Media's CEO previously led a $20 million Series B for Theta Inc. at another firm.", "", {}, {}, 0, ""},
    // Round 6 (branch extract6en): phrasings of dev releases, in sentences of our own.
    {text::Language::kEnglish, "Kelpie Robotics raises\n\nKelpie Robotics has raised $5 million led by Kappa Ventures, with participation from Lambda Capital, Mu Partners, and the Nu Fund.",
     "Kelpie Robotics", {"Kappa Ventures", "Lambda Capital", "Mu Partners", "Nu Fund"}, {"Kappa Ventures"}, 5000000, ""},
    {text::Language::kEnglish, "Zeta Robotics news\n\nZeta Robotics has completed its Series A funding round. The round secured backing from Kappa Ventures, Lambda Capital and Mu Partners.",
     "Zeta Robotics", {"Kappa Ventures", "Lambda Capital", "Mu Partners"}, {}, 0, "series-a"},
    {text::Language::kEnglish, "Kelpie Robotics news\n\nKelpie Robotics has raised $10 million. Existing backers Kappa Ventures, Flybridge, and Mu Partners continued their support.",
     "Kelpie Robotics", {"Kappa Ventures", "Flybridge", "Mu Partners"}, {}, 10000000, ""},
    {text::Language::kEnglish, "Omicron Therapeutics news\n\nOmicron Therapeutics Inc. has closed a private placement with Sigma Special Situations LLC for $50 million in convertible debentures.",
     "Omicron Therapeutics", {"Sigma Special Situations"}, {"Sigma Special Situations"}, 50000000, ""},
    {text::Language::kEnglish, "Pi Markets news\n\nPi Markets successfully closed a seed funding round of $17.2 million in late 2024.", "Pi Markets", {}, {}, 17200000, "seed"},
    {text::Language::kEnglish, "Rho Systems news\n\nDigital asset platform Rho Systems is today announcing a $6m funding round as it expands.", "Rho Systems", {}, {}, 6000000, ""},
    {text::Language::kEnglish, "Tau Chain news\n\nTau Chain has secured $4.6 million in a private funding round with investments from Kappa Ventures and Lambda Capital. "
     "The round also drew support from angel investors from Google and Meta.", "Tau Chain", {"Kappa Ventures", "Lambda Capital"}, {}, 4600000, ""},
    {text::Language::kEnglish, "Upsilon AI news\n\nUpsilon AI today announced a $45 million Series B bridge round backed by Kappa Ventures.",
     "Upsilon AI", {"Kappa Ventures"}, {"Kappa Ventures"}, 45000000, "bridge"},
    {text::Language::kEnglish, "Rho Systems news\n\nDigital asset platform Rho Systems is today announcing a $6m funding round. "
     "The series A funding round was co-led by Kappa Capital’s Digital Asset Fund and Lambda Ventures.",
     "Rho Systems", {"Digital Asset Fund", "Lambda Ventures"}, {"Digital Asset Fund", "Lambda Ventures"}, 6000000, "series-a"},
    {text::Language::kEnglish, "Sigma Farms news\n\nSigma Farms, the pioneer in farm robots, has raised an additional $10M to close its Series A round.",
     "Sigma Farms", {}, {}, 10000000, "series-a"},
    {text::Language::kEnglish, "Phi Network news\n\nPhi Network has closed its first funding round, led by Kappa Capital, with the participation of dao5, a16z, Lambda Ventures, and Mu Labs.",
     "Phi Network", {"Kappa Capital", "dao5", "Andreessen Horowitz", "Lambda Ventures", "Mu Labs"}, {"Kappa Capital"}, 0, ""},
    {text::Language::kEnglish, "Zeta Robotics news\n\nZeta Robotics has completed its Series A funding round. The round secured backing from Asia Advisors Korea, Kappa Ventures and Lambda Capital.",
     "Zeta Robotics", {"Kappa Ventures", "Lambda Capital"}, {}, 0, "series-a"},
    {text::Language::kEnglish, "Kelpie Robotics raises\n\nKelpie Robotics has raised $5 million led by Kappa Ventures, with participation from Lambda Capital, Zorblat Korea, and Mu Partners.",
     "Kelpie Robotics", {"Kappa Ventures", "Lambda Capital", "Mu Partners"}, {"Kappa Ventures"}, 5000000, ""},
    {text::Language::kEnglish, "Kora completes Series B\n\nToday, health company Kora Therapeutics Limited is announcing the completion of its Series B funding round.",
     "Kora", {}, {}, 0, "series-b"},
    {text::Language::kEnglish, "Kappa fund news\n\nKappa Founders Fund (KFF), the first fund created by founders, is today announcing the launch of its debut €50m fund.",
     "Kappa Founders Fund", {}, {}, 50000000, ""},
    {text::Language::kEnglish, "VueLite news\n\nVueLite, a pioneer in micro printing, today announced it has secured access to USD $40.5 million in Series C funding.",
     "VueLite", {}, {}, 40500000, "series-c"},
    {text::Language::kEnglish, "Adro news\n\nAdro has raised $500,000 in its pre-seed round. This investment includes contributions from several new investors, "
     "including Kappa State Development’s NY Ventures, the state’s venture capital arm.", "Adro", {"NY Ventures"}, {"NY Ventures"}, 500000, "pre-seed"},
    {text::Language::kEnglish, "Tech Startup Maya Secures $2M Seed Round\n\nThe company will hire engineers with the new capital, its founder said.",
     "Maya", {}, {}, 2000000, "seed"},
    // Round 7 (branch extract7en): general mechanisms, one sentence of our own each.
    // The subject is an anaphor ("The company recently secured").
    {text::Language::kEnglish, "Kappa Grid news\n\nKappa Grid, a grid software maker, today announced a new chief executive. The company recently secured $4 million in seed funding.",
     "Kappa Grid", {}, {}, 4000000, "seed"},
    // A name after a kind word at the end of "a round for ...", and "Join" in the plural.
    {text::Language::kEnglish, "Lambda Capital, Mu Partners Join $20 Million Series B for Swiss Startup Zorblax",
     "Zorblax", {"Lambda Capital", "Mu Partners"}, {}, 20000000, "series-b"},
    // A name after "a round for" that an appositive describes.
    {text::Language::kEnglish, "Plinth news\n\nGamma Capital has led a $6 million seed round for Plinth, a maker of warehouse robots.",
     "Plinth", {"Gamma Capital"}, {"Gamma Capital"}, 6000000, "seed"},
    // A party defined with its acronym, whose name ends in a place.
    {text::Language::kEnglish, "Norva Labs news\n\nNorva Labs has raised $9 million in Series A funding. The round was led by Export Development Norway (EDN), with participation from Delta Ventures.",
     "Norva Labs", {"Export Development Norway", "Delta Ventures"}, {"Export Development Norway"}, 9000000, "series-a"},
    // Parties after a description that names the investee and says "including".
    {text::Language::kEnglish, "Orsa Health news\n\nOrsa Health has raised $7 million in a Series A round led by Gamma Capital, with participation from existing Orsa Health investors, including Delta Ventures and Epsilon Fund.",
     "Orsa Health", {"Gamma Capital", "Delta Ventures", "Epsilon Fund"}, {"Gamma Capital"}, 7000000, "series-a"},
    // A list item the rules do not know, holding a company after "of", does not end the list.
    {text::Language::kEnglish, "Pelta Bio news\n\nPelta Bio has raised $5 million in a seed round with participation from Zeta One of Delta Ventures, Lambda Capital and Epsilon Fund.",
     "Pelta Bio", {"Delta Ventures", "Lambda Capital", "Epsilon Fund"}, {}, 5000000, "seed"},
    // A total since inception, told after the round, is not a second record.
    {text::Language::kEnglish, "Quill Data news\n\nQuill Data has raised $3 million in seed funding. With this round, the company has now raised $8 million in total venture funding since its inception.",
     "Quill Data", {}, {}, 3000000, "seed"},
    // A legal form in lower case ("plc") ends a company's name.
    {text::Language::kEnglish, "Hydra Water news\n\nHydra Water has raised $20 million in a Series A round led by Kentmore plc.",
     "Hydra Water", {"Kentmore"}, {"Kentmore"}, 20000000, "series-a"},
    // "is today announcing it has raised" names the company.
    {text::Language::kEnglish, "Triova automates clinic workflows, raises $15M\n\nTriova is today announcing it has raised $15M to help cancer centers.",
     "Triova", {}, {}, 15000000, ""},
    // A headline that names the company, then what else it does, then the raise.
    {text::Language::kEnglish, "Zentora Unveils Savings App for Freelancers, Secures $2.5M in Pre-Seed Funding",
     "Zentora", {}, {}, 2500000, "pre-seed"},
    // "spearheaded" a round for a company; a round's total after it is no second record.
    {text::Language::kEnglish, "Pipa news\n\nGamma Capital has spearheaded a successful $10 million funding round for Pipa, a network of sensors. With this round, Pipa has now raised over $14 million.",
     "Pipa", {"Gamma Capital"}, {"Gamma Capital"}, 10000000, ""},
    // Angels after "with strategic angel investments from" and a description ending in "like".
    {text::Language::kEnglish, "Yieldo news\n\nYieldo has raised $2 million in a seed round led by Gamma Capital, with strategic angel investments from proven tech leaders like Kevin Chou (Founder, Kabam).",
     "Yieldo", {"Gamma Capital", "Kevin Chou"}, {"Gamma Capital"}, 2000000, "seed"},
    // A party after the list of those who joined ("alongside"), and a fund "of" a place.
    {text::Language::kEnglish, "Asyla news\n\nAsyla has raised $24 million in a Series B round led by the Idea Fund of La Crosse and Delta Ventures, with participation from Lambda Capital, alongside Mu Partners.",
     "Asyla", {"Idea Fund", "Delta Ventures", "Lambda Capital", "Mu Partners"}, {"Idea Fund", "Delta Ventures"}, 24000000, "series-b"},
    // A company named through a link ("[Duelo](https://duelo.example/)") and an appositive with an initial.
    {text::Language::kEnglish, "Duelo Raises $3 Million\n\n[Duelo](https://duelo.example/) is thrilled to announce that it has raised $3 million from Gamma Capital.",
     "Duelo", {"Gamma Capital"}, {"Gamma Capital"}, 3000000, ""},
    {text::Language::kEnglish, "Catla Capital joins round\n\nCatla Capital, founded by R. Jacob Vogel and Anna Berg, has joined a $30 million Series B funding round for Glyco Labs.",
     "Glyco Labs", {"Catla Capital"}, {}, 30000000, "series-b"},
    // A lead described before a comma ("a new investor, Denmark's Novo Kappa").
    {text::Language::kEnglish, "Glyra news\n\nGlyra has raised $13 million in a Series B funding round led by a new investor, Denmark’s Kappa Holdings.",
     "Glyra", {"Kappa Holdings"}, {"Kappa Holdings"}, 13000000, "series-b"},
    // "X led the round, with participation from both new and existing investors, including ...".
    {text::Language::kEnglish, "TestKite news\n\nTestKite today announced the close of a $6.7 million seed round. Gamma Capital led the round, with participation from both new and existing investors, including Delta Ventures and Epsilon Fund.",
     "TestKite", {"Gamma Capital", "Delta Ventures", "Epsilon Fund"}, {"Gamma Capital"}, 6700000, "seed"},
    // "... and led by X with participation from Y", whatever comes before.
    {text::Language::kEnglish, "Greenlake Holdings (NASDAQ: GRNL) closed its $110 million private placement, supported by the Kappa Foundation and led by Gamma Capital with participation from Delta Ventures and Epsilon Fund.",
     "Greenlake Holdings", {"Gamma Capital", "Delta Ventures", "Epsilon Fund"}, {"Gamma Capital"}, 110000000, ""},
    // Stop 30: "investors are" names investors ("Other investors were X and Y"), not what
    // investors are doing ("investors are speculating whether X will ...").
    {text::Language::kEnglish, "Quorra Health news\n\nQuorra Health raised $4 million. Other investors were Gamma Capital and Delta Ventures.",
     "Quorra Health", {"Gamma Capital", "Delta Ventures"}, {}, 4000000, ""},
    {text::Language::kEnglish, "Zephyr Token Presale ROI Soars\n\nEnthusiasts wonder whether Zephyr Token (ZPT) will catch the presale hype train. With BTC climbing, investors are speculating whether ZPT, with its unique approach, will propel its presale to new heights.",
     "", {}, {}, 0, ""},
    // Stop 30: the round after "with" ("raised $5 million with a new seed round of funding from X").
    {text::Language::kEnglish, "Mirela news\n\nMirela has raised $5 million with a new seed round of funding from Gamma Capital.",
     "Mirela", {"Gamma Capital"}, {"Gamma Capital"}, 5000000, "seed"},
    // Stop 33: the single-record tests of earlier rounds, as rows (each checked every field).
    // A headline closing of notes is debt and the company is named without its legal form.
    {text::Language::kEnglish, "Intuitive Machines, Inc. (NASDAQ: LUNR) Closes $345 Million Convertible Senior Notes Offering\n\nIntuitive Machines said it closed a private offering of $345 million.",
     "Intuitive Machines", {}, {}, 345000000, "debt"},
    // Investors named in the next sentence join the deal.
    {text::Language::kEnglish, "Cybin Inc. (NYSE American: CYBN) Closes US$175 Million Registered Direct Offering. The financing included common shares, with participation from leading investors including Venrock Healthcare Capital Partners, OrbiMed and Point72.",
     "Cybin", {"Venrock Healthcare Capital Partners", "OrbiMed", "Point72"}, {}, 175000000, ""},
    // The name without its legal form names the company further on, and a placement's proceeds may follow it
    // in the same sentence.
    {text::Language::kEnglish, "Kestrel Energy Corp. (NYSE American: KES) announced today that it has completed its merger with Harbor Oil. Simultaneously, Kestrel Energy has also closed on a private placement of 1,000,000 preferred shares, raising a total of $35 million in gross cash proceeds.",
     "Kestrel Energy", {}, {}, 35000000, ""},
    // "The transaction was led by X and Y" names the leads of the deal just told.
    {text::Language::kEnglish, "News\n\nKestrel Capital has announced an investment in Houston, Texas-based Marlowe Piping Products. The transaction was led by Tamsin Capital Partners and Atlanta, Ga.-based Orrin Capital.",
     "Marlowe Piping Products", {"Kestrel Capital", "Tamsin Capital Partners", "Orrin Capital"}, {"Tamsin Capital Partners", "Orrin Capital"}, 0, ""},
    // "X, one of the ..., ... , today announced": the subject of a release, and its raise.
    {text::Language::kEnglish, "News\n\nQuillvane, one of the fastest-growing payments companies, specializing in cross-border transfers, today announced it has raised $2 million in a pre-seed funding round.",
     "Quillvane", {}, {}, 2000000, "pre-seed"},
    // Investors named in a sentence of their own after the round.
    {text::Language::kEnglish, "News\n\nQuillvane has raised $3 million in seed funding. Several funds participated in this pivotal investment round, including Tamsin Capital, Orrin Ventures, and Kestrel Partners.",
     "Quillvane", {"Tamsin Capital", "Orrin Ventures", "Kestrel Partners"}, {}, 3000000, "seed"},
    // A lead described before a comma: "led by a new investor, Denmark's X".
    {text::Language::kEnglish, "News\n\nQuillvane has raised $30 million in a Series B funding round. The funding round was led by a new investor, Denmark’s Tamsin Holdings.",
     "Quillvane", {"Tamsin Holdings"}, {"Tamsin Holdings"}, 30000000, "series-b"},
    // A fund's close with its size after it: "the final close of its second fund at US$75 million".
    {text::Language::kEnglish, "News\n\nOrrin Capital has announced the final close of its third fund at US$50 million.",
     "Orrin Capital", {}, {}, 50000000, ""},
    // A grant told by who receives it; a name with its kind word inside, defined with its acronym, is one
    // organisation.
    {text::Language::kEnglish, "News\n\nHumane Society Brindle Valley (HSBV) will receive a $25,000 grant investment from national nonprofit Orrin Foundation to support its work.",
     "Humane Society Brindle Valley", {"Orrin Foundation"}, {"Orrin Foundation"}, 25000, "grant"},
    // Leads listed after a colon: "joins current lead investors: A, B and C".
    {text::Language::kEnglish, "News\n\nKorvane has raised $8 million in a Series A round. Orrin Family Office joins current lead investors: Tamsin Ventures, Brasswick Capital and Kelvo Partners.",
     "Korvane", {"Tamsin Ventures", "Brasswick Capital", "Kelvo Partners"}, {"Tamsin Ventures", "Brasswick Capital", "Kelvo Partners"}, 8000000, "series-a"},
    // Round 15: the round a lead led, named in lower case: "led the series B funding round".
    {text::Language::kEnglish, "News\n\nKorvane has raised $5 million. Tamsin Ventures led the series B funding round with participation from existing investors Brasswick Capital and Kelvo Partners.",
     "Korvane", {"Brasswick Capital", "Kelvo Partners", "Tamsin Ventures"}, {"Tamsin Ventures"}, 5000000, "series-b"},
    // A placement that came before the sentence's news: "will rebrand as X following an oversubscribed $300
    // million private investment in public equity (PIPE)"; a newswire before the headline's company is no
    // investee.
    {text::Language::kEnglish, "CryptoNewsBreaks – Kelvo Holdings PLC (NASDAQ: KLVH) Rebrands as Orrin After $300 Million PIPE\n\nKelvo Holdings (NASDAQ: KLVH) will rebrand as Orrin, a crypto company, following an oversubscribed $300 million private investment in public equity (PIPE). The financing was led by Tamsin Group.",
     "Kelvo Holdings", {"Tamsin Group"}, {"Tamsin Group"}, 300000000, ""},
    // Angels told by their role at a company ("former Sequoia partner Shmil Levy"), and people told by the
    // companies they come from, which do not end the list ("executives from Cisco, Ariel Maislos, and
    // founders of Avalor": the companies are no investors) (round 16).
    {text::Language::kEnglish, "Korvane Raises $5.5M\n\nKorvane today announced $5.5 million in seed funding. The round was led by Tamsin Ventures, with participation from Brasswick Capital, and notable angel investors including former Sequoia partner Shmil Levy, executives from Cisco, Ariel Maislos, and founders of Avalor, Datorama and Innoviz.",
     "Korvane", {"Tamsin Ventures", "Brasswick Capital", "Shmil Levy", "Ariel Maislos"}, {"Tamsin Ventures"}, 5500000, "seed"},
    // Round 18: a party told by its kind first ("Massachusetts firms Agent Capital and ...", "prominent
    // venture capital firm Blockchain Founders Fund") is still a party of the list.
    {text::Language::kEnglish, "News\n\nQuillvane has raised $3 million in seed funding. Other investors included Boston firms Tamsin Capital and Orrin Ventures, and prominent venture capital firm Kestrel Partners.",
     "Quillvane", {"Tamsin Capital", "Orrin Ventures", "Kestrel Partners"}, {}, 3000000, "seed"},
    // Round 18: those a deal's agreement is made with invest ("investment MOU with", "financing agreement
    // with"), a name the rules do not know among them.
    {text::Language::kEnglish, "News\n\nTarnwell today announced it has secured a $1 million strategic investment MOU (Memorandum of Understanding) with Kestrel Ventures and Quill-OTC. The funds support growth.",
     "Tarnwell", {"Kestrel Ventures", "Quill-OTC"}, {}, 1000000, "strategic"},
    // Round 18: a crypto project that raises is named "the meme coin", "the token" or "the project", and an
    // amount may be told as "an impressive amount of".
    {text::Language::kEnglish, "News\n\nKelvo Labs Inc. has been the talk of the town. Just through its presale, the meme coin raised an impressive amount of $8 million from more than 10,000 investors.",
     "Kelvo Labs", {}, {}, 8000000, ""},
    // Round 18: a party told as owned by a company between commas does not end the list, and the owner is no
    // party.
    {text::Language::kEnglish, "News\n\nQuillvane has raised $3 million in seed funding. Other investors included Tamsin Capital, Orrin Ventures, a subsidiary of Kelvo Holdings Inc., and Canada's Kestrel Partners.",
     "Quillvane", {"Tamsin Capital", "Orrin Ventures", "Kestrel Partners"}, {}, 3000000, "seed"},
    // Round 20: a word that praises the amount stands right before it ("raised an incredible $32,050,000 in
    // presale"), and the company may follow what it is and a comma.
    {text::Language::kEnglish, "News\n\nTop DeFi project, Kelvo Finance raised an incredible $32,050,000 in presale. Investors are watching the launch.",
     "Kelvo Finance", {}, {}, 32050000, ""},
    // Round 20: a PIPE told by its acronym is a placement ("Announces $15.2 Million PIPE Offering").
    {text::Language::kEnglish, "Kelvo Health, Inc Announces $15.2 Million PIPE Offering\n\nKelvo Health (NASDAQ: KLVH) announced today a PIPE offering for gross proceeds of approximately $15.2 million.",
     "Kelvo Health", {}, {}, 15200000, ""},
    // Round 20: the fund words after the amount may run on ("a $150M equity investment commitment from"): the
    // first of them ended the match before the investors.
    {text::Language::kEnglish, "News\n\nTarnwell today announced the company has secured a $150M equity investment commitment from Kestrel Yield LLC in the form of a share subscription facility.",
     "Tarnwell", {"Kestrel Yield"}, {"Kestrel Yield"}, 150000000, ""},
    // Round 20: an investor group told after the deal, its leader before "-led", its items with particles of
    // other languages and short names in brackets.
    {text::Language::kEnglish, "Blackstone Completes $500 Million Equity Investment in Quillvane\n\nBlackstone (NYSE: BX) has successfully closed its previously announced $500 million equity investment in Quillvane Networks Inc. The Blackstone-led investor group includes Kelvo Pension Investment Board (KPI Investments), Banque de Nord et Sud (La Banque), the Orrin Public Pension Board (OPPB) and the Investment Management Corporation of Westland (IMCW).",
     "Quillvane Networks", {"Blackstone", "Kelvo Pension Investment Board", "Orrin Public Pension Board", "Investment Management Corporation of Westland"}, {"Blackstone"}, 500000000, ""},
    // Round 20: an item the rules do not know, after its place's possessive, does not end a list of parties
    // ("New York’s Decisive Point"), and a part of the total is told by who gave it.
    {text::Language::kEnglish, "News\n\nKestrel Partners led a $47 million Series A round for Boston-based Quillvane Labs. Bethesda, Md.-based Orrin Ventures, New York’s Tamsin Point, Arlington, Va.-based Harlo Partners, and others joined the round. The total includes $12 million in venture debt from JPMorgan.",
     "Quillvane Labs", {"Kestrel Partners", "Orrin Ventures", "Harlo Partners", "JPMorgan"}, {"Kestrel Partners"}, 47000000, "series-a"},
    // Round 20: a person among the parties may be told by a celebrity's role ("and musician Oliver Tree").
    {text::Language::kEnglish, "News\n\nTarnwell has raised $18 million in a strategic round. Other investors also include world-renowned poker players Alec Torelli and Huck Seed, and musician Oliver Tree.",
     "Tarnwell", {"Alec Torelli", "Huck Seed", "Oliver Tree"}, {}, 18000000, "strategic"},
    // Stop 33: rounds 22 and 24 single-record tests, as rows.
    // Round 22: a presale's headline may tell the raise after a clause and a comma ("Presale Is Off to a
    // Successful Start, Raising $300K Already"); the name before "Presale" is the project's.
    {text::Language::kEnglish, "Kelvocat Presale Is Off to a Successful Start, Raising $300K Already\n\nKelvocat, the first cat-themed memecoin on Ethereum, has started its presale.",
     "Kelvocat", {}, {}, 300000, ""},
    // Round 22: an investor's release that tells more of an investment it made names the deal ("released
    // further details on its strategic investment in").
    {text::Language::kEnglish, "Kelvo Media Details Orrin Investment\n\nKelvo Media (NASDAQ: KLVM) released further details on its strategic investment in Orrin Media Group, including its acquisition of a brand.",
     "Orrin Media Group", {"Kelvo Media"}, {"Kelvo Media"}, 0, "strategic"},
    // Round 22: an ideographic comma with a space before it does not end a list of parties.
    {text::Language::kEnglish, "News\n\nTarnwell secured $5M seed funding. The round was led by elite institutions such as Kelvo Ventures、Orrin Soft 、W Labs, and Tamsin Capital.",
     "Tarnwell", {"Kelvo Ventures", "Orrin Soft", "W Labs", "Tamsin Capital"}, {"Kelvo Ventures", "Orrin Soft", "W Labs", "Tamsin Capital"}, 5000000, "seed"},
    // Round 24: investors told after the deal sentence by where the money came from, as taking part, or as
    // among the investors.
    {text::Language::kEnglish, "Kelvo Raises $5 Million Seed Round\n\nKelvo, a Boston startup, has raised $5 million in a seed round. The funding originates from Kestrel Capital and Orrin Ventures. Tamsin Partners and Harlo Ventures also took part in the round. Among the investors in the round were Brindle Capital and Quill Fund.",
     "Kelvo", {"Kestrel Capital", "Orrin Ventures", "Tamsin Partners", "Harlo Ventures", "Brindle Capital", "Quill Fund"}, {}, 5000000, "seed"},
    // Round 24: a round told without an amount, its investor after "from", is a deal.
    {text::Language::kEnglish, "Kelvo Announces Strategic Investment From Orrin Ventures\n\nKelvo, a fintech startup, announced a strategic investment from Orrin Ventures.",
     "Kelvo", {"Orrin Ventures"}, {"Orrin Ventures"}, 0, "strategic"},
    // Round 25: investors told with the amount and the round in a sentence whose verb no rule reads as a raise.
    {text::Language::kEnglish, "Kelvo Discloses $2 Million in Pre-Seed Funding\n\nKelvo, an analytics platform, has announced the disclosure of $2 million in pre-seed funding from Orrin Ventures and Tamsin Capital.",
     "Kelvo", {"Orrin Ventures", "Tamsin Capital"}, {}, 2000000, "pre-seed"},
    // Round 25: a list of investors that ends in others, its last item a name the rules do not know.
    {text::Language::kEnglish, "Kelvo Raises $5M\n\nKelvo has raised $5 million in seed funding. The 20+ investors include Orrin Ventures, Tamsin Capital, Brindlo plus others.",
     "Kelvo", {"Orrin Ventures", "Tamsin Capital", "Brindlo"}, {}, 5000000, "seed"},
    // Round 25: leads introduced by "existing investors including", the list ending in what else came with it.
    {text::Language::kEnglish, "Kelvo Raises $5M\n\nKelvo has raised $5 million in new funding. The financing was led by existing investors including Orrin Ventures and QRTX with additional support from Tamsin Capital.",
     "Kelvo", {"Orrin Ventures", "QRTX", "Tamsin Capital"}, {"Orrin Ventures", "QRTX"}, 5000000, ""},
    // Round 25: where the money came from, told with a long description first; people told by what they are.
    {text::Language::kEnglish, "Kelvo Raises $5M\n\nKelvo has closed a $5 million seed round. The funding originates from a syndicate of 40 insiders who are deeply invested in the future, including Orrin Ventures, Tamsin Capital and well-known technology executives Jon Reyes and David Quill.",
     "Kelvo", {"Orrin Ventures", "Tamsin Capital", "Jon Reyes", "David Quill"}, {}, 5000000, "seed"},
    // Round 25: support that bolstered the round, and "Among the group of investors is".
    {text::Language::kEnglish, "Kelvo Raises $5M\n\nKelvo has closed a $5 million seed round. The funding was further bolstered by the strategic support of Orrin Ventures and Tamsin Capital.",
     "Kelvo", {"Orrin Ventures", "Tamsin Capital"}, {}, 5000000, "seed"},
    {text::Language::kEnglish, "Kelvo Raises $5M\n\nKelvo has closed a $5 million seed round. Among the group of investors is Orrin Ventures.",
     "Kelvo", {"Orrin Ventures"}, {"Orrin Ventures"}, 5000000, "seed"},
    // Round 25: the round's slug where a word before it hid it: "strategic" before "funding agreement", the
    // debt of "The debt capital was provided by", a "non-dilutive" debenture financing.
    {text::Language::kEnglish, "Kelvo Secures $10M\n\nKelvo today announced a $10 million strategic funding agreement to support its growth.",
     "Kelvo", {}, {}, 10000000, "strategic"},
    {text::Language::kEnglish, "Kelvo Secures $85 Million\n\nKelvo has secured $85 million. The debt capital was provided by Orrin Infrastructure Partners.",
     "Kelvo", {"Orrin Infrastructure Partners"}, {"Orrin Infrastructure Partners"}, 85000000, "debt"},
    {text::Language::kEnglish, "News\n\nKelvo secured an $8.0M non-dilutive debenture financing, strengthening its balance sheet.",
     "Kelvo", {}, {}, 8000000, "debt"},
    // Round 25: a lender of debt told beside the round in the same sentence is the deal's investor.
    {text::Language::kEnglish, "Kelvo Raises $10M\n\nKelvo today announced it raised $10 million in a funding round led by Orrin Ventures and a debt facility from Tamsin Bank.",
     "Kelvo", {"Orrin Ventures", "Tamsin Bank"}, {"Orrin Ventures"}, 10000000, ""},
    // Round 25: who a placement was made with, described first, with no amount after.
    {text::Language::kEnglish, "Kelvo Closes $1 Million Private Placement\n\nKelvo has closed a $1 million non-brokered private placement with major shareholder Orrin Holdings Limited via its subsidiary.",
     "Kelvo", {"Orrin Holdings"}, {"Orrin Holdings"}, 1000000, ""},
    // Round 28: who subscribed a round, told after the deal sentence with a description first.
    {text::Language::kEnglish, "Kelvo Closes $3 Million Seed Round\n\nKelvo closed a $3 million seed round. The round was fully subscribed by a group of local operators, including Orrin Partners and Tamsin Capital.",
     "Kelvo", {"Orrin Partners", "Tamsin Capital"}, {}, 3000000, "seed"},
    // Round 28: notes sold in an offering, named after its amount, give the round its slug.
    {text::Language::kEnglish, "Kelvo Secures $300M\n\nKelvo (NASDAQ: KLVO), a leading lender in Ohio, recently closed a private offering of $300 million of 7.375% senior notes due 2032.",
     "Kelvo", {}, {}, 300000000, "debt"},
};

TEST_F(PressReleases, FundingPhrasingsGiveTheirRecord) {
  for (const Phrasing& p : kPhrasings) {
    SCOPED_TRACE(p.text);
    const auto x = Extract(pw::testing::ProjectRules(), text::NormalizeDocument(p.text),
                           {.language = p.language, .published = sys_days{year{2025} / 6 / 10}});
    if (std::string(p.investee).empty()) {
      EXPECT_TRUE(x.funding.empty());
      continue;
    }
    ASSERT_EQ(x.funding.size(), 1u);
    const FundingRecord& r = x.funding[0];
    EXPECT_EQ(r.investee, p.investee);
    EXPECT_EQ(AsSet(r.investors), AsSet(p.investors));
    if (!p.leads.empty()) {
      EXPECT_EQ(AsSet(r.lead_investors), AsSet(p.leads));
    }
    EXPECT_EQ(r.amount.value_or(0), p.amount);
    EXPECT_EQ(r.round, p.round);
  }
}

// Stop 30 (sentences of our own, from the shapes of a dev release): money a
// not-funding rule says is no raise's amount (a total to date, a valuation)
// leaves the deal its sentence tells, without that amount; money of a deal
// that is none (a refinance) leaves nothing; investors of earlier rounds
// named as such are not this deal's.
TEST_F(PressReleases, AnAmountThatIsNoRaiseLeavesTheDealButARefinanceLeavesNothing) {
  const auto total = Extract(pw::testing::ProjectRules(),
                             text::NormalizeDocument(
                                 "Zelkova news\n\nZelkova has successfully raised a total of $7.6M to date with a new "
                                 "strategic round of funding from key investors such as Gamma Capital, Delta Ventures "
                                 "and Epsilon Fund. Previous investors include Kappa Holdings and Omega Partners."),
                             {.language = text::Language::kEnglish});
  ASSERT_EQ(total.funding.size(), 1u);
  EXPECT_EQ(total.funding[0].investee, "Zelkova");
  EXPECT_FALSE(total.funding[0].amount);
  EXPECT_EQ(AsSet(total.funding[0].investors),
            (std::set<std::string>{"Gamma Capital", "Delta Ventures", "Epsilon Fund"}));

  const auto refinance = Extract(pw::testing::ProjectRules(),
                                 text::NormalizeDocument(
                                     "Shoreline Realty Secures $52 Million Refinance\n\nShoreline Realty has secured "
                                     "$52 million in financing from Gamma Capital for its project in Mesa."),
                                 {.language = text::Language::kEnglish});
  EXPECT_TRUE(refinance.funding.empty());
}

// One deal told twice with no investor in common, the same amount in the same
// round: the headline names a participant, the body the leads (stop 31; two
// records before, as dev en-0710 showed with "agency TEDCO" read as a name).
TEST_F(PressReleases, TheSameAmountInTheSameRoundIsOneDealWhoeverEachTellingNames) {
  const auto x = Extract(pw::testing::ProjectRules(),
                         text::NormalizeDocument(
                             "Kappa Capital Joins $15M Seed Round for Cybersecurity Startup Zelkova\n\nZelkova has "
                             "closed a $15 million seed round led by Gamma Ventures and Delta Partners."),
                         {.language = text::Language::kEnglish});
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Zelkova");
  EXPECT_EQ(AsSet(x.funding[0].investors),
            (std::set<std::string>{"Kappa Capital", "Gamma Ventures", "Delta Partners"}));
  EXPECT_EQ(AsSet(x.funding[0].lead_investors), (std::set<std::string>{"Gamma Ventures", "Delta Partners"}));

  // Another amount, or another round, is still another deal.
  const auto two = Extract(pw::testing::ProjectRules(),
                           text::NormalizeDocument(
                               "Zelkova news\n\nZelkova has closed a $15 million Series A round led by Gamma "
                               "Ventures. In 2022 Zelkova closed a $3 million seed round led by Kappa Capital."),
                           {.language = text::Language::kEnglish});
  EXPECT_EQ(two.funding.size(), 2u);
}

// AP-style places in US releases: the city before the state's abbreviation
// (sentence of our own).
TEST_F(PressReleases, AUsCityBeforeItsStateAbbreviationIsAPlace) {
  const auto x = Run("Button Loans closed a $5 million Series A funding round led by Stamford, Conn.-based "
                     "Kappa Capital, its office in Towson, Md. said.");
  std::set<std::string> places, orgs;
  for (const auto& e : x.entities) (e.type == EntityType::kLoc ? places : orgs).insert(e.name);
  for (const char* place : {"Stamford", "Connecticut", "Towson", "Maryland"}) EXPECT_TRUE(places.count(place)) << place;
  EXPECT_FALSE(orgs.count("Stamford"));
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investors, std::vector<std::string>{"Kappa Capital"});
}

// Organisations by their kind in Vietnamese, and companies the gazetteer
// knows (sentences of our own).
TEST_F(PressReleases, AssociationsCooperativesGovernmentsAndKnownCompaniesAreOrganisations) {
  auto orgs = [](const Extraction& x) {
    std::set<std::string> out;
    for (const auto& e : x.entities)
      if (e.type == EntityType::kOrg) out.insert(e.name);
    return out;
  };
  const auto vi = orgs(Extract(pw::testing::ProjectRules(),
                               text::NormalizeDocument("Diễn đàn do Hội Doanh nhân trẻ Việt Nam tổ chức. Hợp tác xã "
                                                       "Minh Lộc thua lỗ. Chính phủ Trung Quốc hậu thuẫn quỹ này. "
                                                       "Quốc hội Anh đã họp."),
                               {.language = text::Language::kVietnamese}));
  for (const char* name : {"Hội Doanh nhân trẻ Việt Nam", "Hợp tác xã Minh Lộc", "Chính phủ Trung Quốc", "Quốc hội Anh"})
    EXPECT_TRUE(vi.count(name)) << name;
  const auto en = orgs(Run("Its customers include Walgreens, UiPath and Northrop Grumman."));
  for (const char* name : {"Walgreens", "UiPath", "Northrop Grumman"}) EXPECT_TRUE(en.count(name)) << name;
}

// Regions, basins and districts the gazetteer knows (sentences of our own).
TEST_F(PressReleases, RegionsBasinsAndDistrictsArePlaces) {
  auto places = [](const Extraction& x) {
    std::set<std::string> out;
    for (const auto& e : x.entities)
      if (e.type == EntityType::kLoc) out.insert(e.name);
    return out;
  };
  const auto en = places(Run("The miner drills in the Athabasca Basin and sells across the Pacific Northwest and Kyiv."));
  for (const char* name : {"Athabasca Basin", "Pacific Northwest", "Kyiv"}) EXPECT_TRUE(en.count(name)) << name;
  const auto vi = places(Extract(pw::testing::ProjectRules(), text::NormalizeDocument("Tuyến đường sắt Cát Linh - Hà Đông đi qua Cầu Giấy."),
                                 {.language = text::Language::kVietnamese}));
  for (const char* name : {"Hà Đông", "Cầu Giấy"}) EXPECT_TRUE(vi.count(name)) << name;
}

// A pronoun or "the Company" before a raise verb is no organisation and no
// investee (headline shape of Benzinga releases, words our own).
TEST_F(PressReleases, APronounOrTheCompanyIsNoInvestee) {
  for (const char* text : {"Acme Network Expands Its Reach As It Secures $5.9M in Private Placement Financing",
                           "Acme Minerals grew in 2025. The Company has raised $6 million in the year."}) {
    const auto x = Run(text);
    for (const auto& r : x.funding) {
      EXPECT_NE(r.investee, "It") << text;
      EXPECT_NE(r.investee, "Company") << text;
    }
  }
}

// Angels in an investor list are people, not organisations, and a list may be
// joined by ideographic commas (sentences of our own, in the shape of
// Newsworthy releases of 2023-24).
TEST_F(PressReleases, AngelsInAnInvestorListArePeopleAndIdeographicCommasSplitIt) {
  const auto x = Run("Kelpie Robotics Raises $2 Million Seed Round\n\n"
                     "Kelpie Robotics has raised $2 million in seed funding. The round was led by Gokul Rajaram, "
                     "with participation from Kappa Ventures、Lambda Soft、Theta Capital and Vinodh Bhat.");
  std::set<std::string> orgs, people;
  for (const auto& e : x.entities) {
    if (e.type == EntityType::kOrg) orgs.insert(e.name);
    if (e.type == EntityType::kPer) people.insert(e.name);
  }
  for (const char* name : {"Gokul Rajaram", "Vinodh Bhat"}) {
    EXPECT_TRUE(people.count(name)) << name;
    EXPECT_FALSE(orgs.count(name)) << name;
  }
  for (const char* name : {"Kappa Ventures", "Lambda Soft", "Theta Capital"}) EXPECT_TRUE(orgs.count(name)) << name;
  ASSERT_EQ(x.funding.size(), 1u);
  const auto& investors = x.funding[0].investors;
  EXPECT_EQ(AsSet(investors),
            (std::set<std::string>{"Gokul Rajaram", "Kappa Ventures", "Lambda Soft", "Theta Capital", "Vinodh Bhat"}));
  EXPECT_EQ(x.funding[0].lead_investors, std::vector<std::string>{"Gokul Rajaram"});
}

// A company known by what it does in the sentence, and the investee of a
// title-case headline that announces the closing of a round (sentences of
// our own).
TEST_F(PressReleases, CompaniesKnownByTheirVerbAndATitleCaseClosingHeadline) {
  std::set<std::string> orgs;
  for (const auto& e : Run("Kelpie Robotics acquired Lambda Systems last week. Harbor Metrics partnered with Zeta "
                           "Health.").entities)
    if (e.type == EntityType::kOrg) orgs.insert(e.name);
  for (const char* name : {"Kelpie Robotics", "Lambda Systems", "Harbor Metrics", "Zeta Health"})
    EXPECT_TRUE(orgs.count(name)) << name;
  const auto x = Run("Kelpie Robotics Announces Closing Of $5 Million Series A Financing\n\n"
                     "The round was led by Kappa Ventures.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Kelpie Robotics");
  EXPECT_EQ(x.funding[0].amount, 5e6);
  EXPECT_EQ(x.funding[0].round, "series-a");
  EXPECT_EQ(x.funding[0].investors, std::vector<std::string>{"Kappa Ventures"});
  // A person who acquires or partners is no organisation.
  for (const auto& e : Run("Sarah Collins acquired the building in May.").entities)
    EXPECT_NE(e.type, EntityType::kOrg) << e.name;
}

TEST_F(PressReleases, AnAcronymWithDotsIsFoundWithItsLastDot) {
  const auto x = Run("Acme is based in the U.S. and sells in Canada.");
  bool found = false;
  for (const auto& e : x.entities)
    if (e.name == "Mỹ") {
      found = true;
      EXPECT_EQ(e.text, "U.S.");
    }
  EXPECT_TRUE(found);
}

// Round 6 (branch extract6en): the wires' own names are outlets (sentences of
// our own, in the shape of IBN's and Newsworthy.ai's datelines).
TEST_F(PressReleases, WireBrandsAreOrganisations) {
  const auto x = Run("MiningNewsBreaks – Kappa Metals Corp. Reports Drill Results\n\n"
                     "Toronto (Newsworthy.ai) Kappa Metals said its drill results were strong, AINewsBreaks reported.");
  std::set<std::string> orgs;
  for (const auto& e : x.entities)
    if (e.type == EntityType::kOrg) orgs.insert(e.name);
  for (const char* org : {"MiningNewsBreaks", "AINewsBreaks", "Newsworthy.ai", "Kappa Metals"}) EXPECT_TRUE(orgs.count(org)) << org;
}


// Round 6 (branch extract6en): names by their kind word (sentences of our own).
TEST_F(PressReleases, InstitutionsUniversitiesAndMiningSitesAreNamed) {
  const auto x = Run("Kappa Metals reports results\n\n"
                     "Kappa Metals, advised by the University of Lisbon and Towson University, said ore from the "
                     "Swanson Gold Deposit and the Cobar Basin will be treated at its Beacon Mill. The Board of Directors "
                     "approved the plan, and the NBA and UFC sponsor its fans' club.");
  std::set<std::string> orgs, places;
  for (const auto& e : x.entities) {
    if (e.type == EntityType::kOrg) orgs.insert(e.name);
    if (e.type == EntityType::kLoc) places.insert(e.name);
  }
  for (const char* org : {"University of Lisbon", "Towson University", "NBA", "UFC"}) EXPECT_TRUE(orgs.count(org)) << org;
  for (const char* place : {"Swanson Gold Deposit", "Cobar Basin", "Beacon Mill"}) EXPECT_TRUE(places.count(place)) << place;
  EXPECT_FALSE(orgs.count("Board of Directors"));
  EXPECT_FALSE(orgs.count("Swanson Gold Deposit"));
}

// Round 6 (branch extract6en): people after the role the text gives them,
// also the second and third of a list (a sentence of our own).
TEST_F(PressReleases, PeopleAfterTheirRoleArePeople) {
  const auto x = Run("Kappa Media adds fighters\n\nKappa Media added UFC fighters Gilbert Burns and Renato Moicano to its team, "
                     "and its founders Amarildo Gjondrekaj, Sara Schmitt and Kevin DeArmond thanked angel investor Tomasz Wrobel.");
  std::set<std::string> people;
  for (const auto& e : x.entities)
    if (e.type == EntityType::kPer) people.insert(e.name);
  for (const char* person : {"Gilbert Burns", "Renato Moicano", "Amarildo Gjondrekaj", "Sara Schmitt", "Kevin DeArmond", "Tomasz Wrobel"})
    EXPECT_TRUE(people.count(person)) << person;
}

// Round 6 (branch extract6en): companies known by what they do together or by
// their kind word (sentences of our own).
TEST_F(PressReleases, PartnersAndProjectsAreOrganisations) {
  const auto x = Run("Kelpo and Zentrix.ai Announce Strategic Partnership to Serve Lenders\n\n"
                     "The Bitcoin project Ordora has closed its seed round.");
  std::set<std::string> orgs;
  for (const auto& e : x.entities)
    if (e.type == EntityType::kOrg) orgs.insert(e.name);
  for (const char* org : {"Kelpo", "Zentrix.ai", "Ordora"}) EXPECT_TRUE(orgs.count(org)) << org;
}

// Round 6 (branch extract6en): the time zone of a Newsworthy.ai dateline is
// part of its date, not a place (a dateline of our own in their shape).
TEST_F(PressReleases, ADatelineTimeZoneIsNoPlace) {
  const auto x = Run("Study news\n\nPort Kelby, Ontario (Newsworthy.ai) Tuesday Oct 8, 2024 @ 8:00 AM America/Toronto — "
                     "Kappa Research says hiring is hard.");
  std::set<std::string> places;
  bool dated = false;
  for (const auto& e : x.entities) {
    if (e.type == EntityType::kLoc) places.insert(e.text);
    if (e.date == "2024-10-08") dated = true;
  }
  EXPECT_TRUE(dated);
  EXPECT_TRUE(places.count("Ontario"));
  EXPECT_TRUE(places.count("Port Kelby"));  // a city before its province
  EXPECT_FALSE(places.count("Toronto"));
  EXPECT_FALSE(places.count("America"));
}

// Round 6 (branch extract6en): a headline's verb is not part of a person's
// name (a headline of our own).
TEST_F(PressReleases, AHeadlineVerbEndsAPersonsName) {
  const auto x = Run("Jane Kettering Acquires Lambda Farms\n\nThe farm will stay open, she said.");
  std::set<std::string> people;
  for (const auto& e : x.entities)
    if (e.type == EntityType::kPer) people.insert(e.name);
  EXPECT_FALSE(people.count("Jane Kettering Acquires"));
  EXPECT_TRUE(people.count("Jane Kettering"));
}

// Round 7 (branch extract7en): an institution defined with its acronym and
// a kind word last is an organisation, a concept defined the same way is not;
// a wire in a dateline; the name before a headline's first verb when the
// headline goes on to a raise (sentences of our own).
TEST_F(PressReleases, NamesKnownByTheirPlaceInTheText) {
  const auto x = Run("Zentora Unveils Savings App for Freelancers, Secures $2.5M in Pre-Seed Funding\n\n"
                     "CARMEL, Ind.--(BUSINESS WIRE)--A report of the Northern Energy Agency (NEA) counts "
                     "Total Value Locked (TVL) and a Professional Employer Organization (PEO).");
  std::set<std::string> orgs;
  for (const auto& e : x.entities)
    if (e.type == EntityType::kOrg) orgs.insert(e.name);
  for (const char* org : {"Zentora", "Business Wire", "Northern Energy Agency"}) EXPECT_TRUE(orgs.count(org)) << org;
  for (const char* no : {"Total Value Locked", "Professional Employer Organization", "Zentora Unveils Savings App"})
    EXPECT_FALSE(orgs.count(no)) << no;
}

// Round 8 (branch extract8en): name shapes that tests/data/eval/coverage_probe_en.py found
// uncovered on releases outside the evaluation set. Sentences of our own.
class UnseenNames : public PressReleases {
 protected:
  static std::set<std::string> Orgs(const std::string& text) { return Mentions(text, EntityType::kOrg); }
  static std::set<std::string> People(const std::string& text) { return Mentions(text, EntityType::kPer); }
  // The texts of `type`'s mentions, as written.
  static std::set<std::string> Mentions(const std::string& text, EntityType type) {
    std::set<std::string> found;
    for (const auto& e : Run(text).entities)
      if (e.type == type) found.insert(e.text);
    return found;
  }
};

// "Corp\.?|Corporation" took "Acme Corp" of "Acme Corporation", which then failed the word
// boundary check: every "X Corporation" was lost.
TEST_F(UnseenNames, ALegalFormIsReadWhole) {
  const auto orgs = Orgs("News\n\nSales at Brannock Corporation rose. Tilden, formerly a division of "
                         "Rapid Mend Corporation, is now on its own. Halvard & Co. has hired a director.");
  for (const char* org : {"Brannock Corporation", "Rapid Mend Corporation", "Halvard & Co."})
    EXPECT_TRUE(orgs.count(org)) << org;
}

TEST_F(UnseenNames, ANameAfterALowerCaseKindWordEndsAtTheClause) {
  const auto orgs = Orgs("News\n\nLast year a Korean company, Brindlewood, made headlines. Leading blockchain "
                         "firm Quorvex has introduced a token. Fenwick acquired machine learning company "
                         "Ocarine to grow. Its subsidiary, Jiuma Technology, is hiring. The retailer "
                         "Pellworth expands.");
  for (const char* org : {"Brindlewood", "Quorvex", "Ocarine", "Jiuma Technology", "Pellworth"})
    EXPECT_TRUE(orgs.count(org)) << org;
  // A capitalised kind word in a title-case headline names no one.
  EXPECT_FALSE(Orgs("Vanmoor Advances Uranium Project Adjacent to the Lake\n\nText.").count("Adjacent"));
}

TEST_F(UnseenNames, ABusinessLineEndsAName) {
  const auto orgs = Orgs("News\n\nTraders moved to Orbix Exchange and Tarn Markets, while Kelvo Network, "
                         "Quillfeather Solutions and Marlow Media signed up.");
  for (const char* org : {"Orbix Exchange", "Tarn Markets", "Kelvo Network", "Quillfeather Solutions", "Marlow Media"})
    EXPECT_TRUE(orgs.count(org)) << org;
}

// The investors after the amount; "$3M in total from" is the round's total, not a total to date.
TEST_F(UnseenNames, InvestorsAfterTheAmountRaisedAreAList) {
  const auto x = Run("Korvane raises $3M in funding from Brightline Ventures, Layer OTC, and Sandpiper Labs\n\n"
                     "In this round, Korvane, a music platform, raised $3M in total from Brightline Ventures, "
                     "Layer OTC, and Sandpiper Labs.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Korvane");
  EXPECT_EQ(x.funding[0].amount, 3e6);
  for (const char* investor : {"Brightline Ventures", "Layer OTC", "Sandpiper Labs"})
    EXPECT_NE(std::find(x.funding[0].investors.begin(), x.funding[0].investors.end(), investor),
              x.funding[0].investors.end())
        << investor;
  // The list ends where the money's purpose and place start.
  const auto orgs = Orgs("News\n\nShopfield has secured $52 million in financing from Peachtree Group for "
                         "The Block at Elliot in Mesa, Arizona.");
  EXPECT_TRUE(orgs.count("Peachtree Group"));
  EXPECT_FALSE(orgs.count("Mesa"));
}

// More business lines; "Capital Management" before "Capital" and "Funds" before "Fund", as RE2
// takes the first alternative that matches.
TEST_F(UnseenNames, MoreBusinessLinesEndAName) {
  const auto orgs = Orgs("News\n\nHalvard Capital Management, Brinley Energy, Corvin Enterprises, Marlow Care "
                         "Alliance, Tamsin Funds and Pellow Hospitality signed up.");
  for (const char* org : {"Halvard Capital Management", "Brinley Energy", "Corvin Enterprises",
                          "Marlow Care Alliance", "Tamsin Funds", "Pellow Hospitality"})
    EXPECT_TRUE(orgs.count(org)) << org;
  const auto x = Run("News\n\nHalvard Capital Management has joined a $130 million Series B funding round for "
                     "Glycora AG, a Swiss biotech company.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investors, std::vector<std::string>{"Halvard Capital Management"});
}

// Given names the people pass found by their context on releases outside the set, and common
// given names of other countries: angels in a list are people and investors.
TEST_F(UnseenNames, AngelsWithLessCommonGivenNamesArePeople) {
  const auto x = Run("Korvane Raises $2M\n\nKorvane raised $2 million in a seed round led by Brightline "
                     "Ventures, with participation from Trey Calloway, Staffan Berglund and Amarildo Vesi.");
  std::set<std::string> people;
  for (const auto& e : x.entities)
    if (e.type == EntityType::kPer) people.insert(e.name);
  for (const char* person : {"Trey Calloway", "Staffan Berglund", "Amarildo Vesi"}) EXPECT_TRUE(people.count(person)) << person;
  ASSERT_EQ(x.funding.size(), 1u);
  for (const char* investor : {"Brightline Ventures", "Trey Calloway", "Staffan Berglund", "Amarildo Vesi"})
    EXPECT_NE(std::find(x.funding[0].investors.begin(), x.funding[0].investors.end(), investor),
              x.funding[0].investors.end())
        << investor;
}

// "initial" starts "initial public offering": an IPO keeps its round.
TEST_F(UnseenNames, AnInitialPublicOfferingKeepsItsRound) {
  const auto ipo = Run("News\n\nTarnwell Inc. closed its initial public offering of $4.2 million.");
  ASSERT_EQ(ipo.funding.size(), 1u);
  EXPECT_EQ(ipo.funding[0].round, "ipo");
}

// Round 9 (sentences of our own): the deal told by its investor. "is proud to announce its
// strategic investment in", an amount and "previously announced" before "investment", and the
// investor's own reading of "its $5 million investment" is no second record.
TEST_F(UnseenNames, AnInvestorAnnouncesItsInvestment) {
  const auto proud = Run("News\n\nKestrel Ventures is proud to announce its strategic investment in Marlowe Labs "
                         "Inc., as part of a $10 million funding round led by Tamsin Capital.");
  ASSERT_EQ(proud.funding.size(), 1u);
  EXPECT_EQ(proud.funding[0].investee, "Marlowe Labs");
  EXPECT_EQ(AsSet(proud.funding[0].investors), (std::set<std::string>{"Kestrel Ventures", "Tamsin Capital"}));
  EXPECT_EQ(proud.funding[0].amount.value_or(0), 10e6);

  const auto closed = Run("News\n\nKestrel Partners (NYSE: KSP) has successfully closed its previously announced "
                          "CDN$7 billion equity investment in Marlowe Communications Inc.");
  ASSERT_EQ(closed.funding.size(), 1u);
  EXPECT_EQ(closed.funding[0].investee, "Marlowe Communications");
  EXPECT_EQ(closed.funding[0].investors, std::vector<std::string>{"Kestrel Partners"});
  EXPECT_EQ(closed.funding[0].amount.value_or(0), 7e9);
  EXPECT_EQ(closed.funding[0].currency, "CAD");

  const auto own = Run("News\n\nKestrel Capital announced its $5 million investment in Marlowe Labs.");
  ASSERT_EQ(own.funding.size(), 1u);
  EXPECT_EQ(own.funding[0].investee, "Marlowe Labs");
  EXPECT_EQ(own.funding[0].investors, std::vector<std::string>{"Kestrel Capital"});
}

// Round 9 (sentences of our own): a list after "Other investors include" may open with what its
// people are; "Contributors" name investors too.
TEST_F(UnseenNames, AListAfterInvestorsIncludeMayOpenWithADescription) {
  const auto x = Run("News\n\nTarnwell Inc. has raised $5 million in seed funding. Other investors also include "
                     "world-renowned chess players Marta Kessel and Jonas Arbel.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(AsSet(x.funding[0].investors), (std::set<std::string>{"Marta Kessel", "Jonas Arbel"}));
  const auto y = Run("News\n\nTarnwell Inc. has raised $5 million in seed funding. Contributors include round "
                     "leader Kestrel Ventures.");
  ASSERT_EQ(y.funding.size(), 1u);
  EXPECT_EQ(y.funding[0].investors, std::vector<std::string>{"Kestrel Ventures"});
}

// Round 9 (precision probe): money that restructures debt is no raise.
TEST_F(UnseenNames, DebtRestructuringIsNoRaise) {
  EXPECT_TRUE(Run("News\n\nTarnwell Inc. today announced it has finalized over $8 million in the restructuring of "
                  "its debt and senior equity.")
                  .funding.empty());
  EXPECT_EQ(Run("News\n\nTarnwell Inc. has closed $8 million in new funding from Kestrel Ventures to repay its debt.")
                .funding.size(),
            1u);
}

// Round 10 (branch extract10en): shapes of press releases that name a company whatever it is
// called, counted on the releases in neither split of the evaluation set. Sentences of our own.
TEST_F(UnseenNames, ACompanyAfterAnExecutivesTitle) {
  const auto orgs = Orgs("News\n\n\"We grew,\" said Dana Morrow, Co-Founder and CEO of Quillvane. Lee Park, "
                         "founder of Brasswick Goods, agreed. Ana Ruiz, Chief Executive Officer at Tollmere, spoke.");
  for (const char* org : {"Quillvane", "Brasswick Goods", "Tollmere"}) EXPECT_TRUE(orgs.count(org)) << org;
  // A department after a title is no company.
  const auto departments = Orgs("News\n\nJo Kim, Director of Marketing, and Al Ng, President of Investments, spoke.");
  EXPECT_FALSE(departments.count("Marketing"));
  EXPECT_FALSE(departments.count("Investments"));
}

TEST_F(UnseenNames, ACompanyByItsWebAddress) {
  const auto orgs = Orgs("News\n\nThe group owns Racetrack.com and Gridline.io, and bought Fenmora.ai last year. "
                         "See https://www.example.com for more.");
  for (const char* org : {"Racetrack.com", "Gridline.io", "Fenmora.ai"}) EXPECT_TRUE(orgs.count(org)) << org;
  EXPECT_FALSE(orgs.count("example.com"));
}

TEST_F(UnseenNames, TheWiresOtherBrands) {
  const auto orgs = Orgs("TinyGemsBreaks – Marlowe Labs Inc. Expands\n\nGreenEnergyBreaks covers it too.");
  for (const char* org : {"TinyGemsBreaks", "GreenEnergyBreaks"}) EXPECT_TRUE(orgs.count(org)) << org;
}

TEST_F(UnseenNames, ThePartyOfADatelineBetweenSlashes) {
  const auto wire = Orgs("News\n\nTRENTON, NJ / Brightwire Daily / May 5, 2024 11:09\n\nTrenton, NJ May 2, 2024 - Text.");
  EXPECT_TRUE(wire.count("Brightwire Daily"));
  const auto issuer = Orgs("News\n\nDover, United States - March 2, 2025 / Kestrel Roofing Pros /\n\nText follows.");
  EXPECT_TRUE(issuer.count("Kestrel Roofing Pros"));
}

// A county and a numbered street are places by their kind word; not before a capitalised word.
TEST_F(UnseenNames, CountiesAndNumberedStreetsArePlaces) {
  std::set<std::string> places;
  for (const auto& e : Run("News\n\nThe farm lies in Tamsin County, near 4120 Orrin Avenue, and in Manhattan. "
                           "Tamsin County Regional Parks will run it; the 2025 World Long Drive Championships too.")
                           .entities)
    if (e.type == EntityType::kLoc) places.insert(e.text);
  for (const char* place : {"Tamsin County", "Orrin Avenue", "Manhattan"}) EXPECT_TRUE(places.count(place)) << place;
  EXPECT_FALSE(places.count("World Long Drive"));
}

// An institution whose kind word comes first, or a task force or a committee, defined with its
// acronym: the whole name, and the acronym as its alias.
TEST_F(UnseenNames, InstitutionsDefinedWithTheirAcronym) {
  const auto orgs = Orgs("News\n\nThe Northern Association of Tanners (NAT) and the Brightwater Action Task Force "
                         "(BATF) met. Later NAT said so.");
  for (const char* org : {"Northern Association of Tanners", "Brightwater Action Task Force", "NAT"})
    EXPECT_TRUE(orgs.count(org)) << org;
  EXPECT_FALSE(orgs.count("Northern Association"));
}

// A token presale told by its total so far: the token or project is the investee.
TEST_F(UnseenNames, ATokenPresaleToldByItsTotal) {
  const auto possessive = Run("Quillcoin's Presale Raises Over $3 Million\n\nText.");
  ASSERT_EQ(possessive.funding.size(), 1u);
  EXPECT_EQ(possessive.funding[0].investee, "Quillcoin");
  EXPECT_EQ(possessive.funding[0].amount.value_or(0), 3e6);

  const auto ticker = Run("Orvane Token (ORV) Reaches Final Presale Stage, Raises Over $4 Million\n\nText.");
  ASSERT_EQ(ticker.funding.size(), 1u);
  EXPECT_EQ(ticker.funding[0].investee, "Orvane Token");
  EXPECT_EQ(ticker.funding[0].amount.value_or(0), 4e6);

  // Another coin's ticker earlier in the headline is not the investee.
  const auto listed = Run("Bitcoin (BTC) Tests $60,000, and Orrin Token (ORN) Secures $800,000 in Presale Phase\n\nText.");
  ASSERT_EQ(listed.funding.size(), 1u);
  EXPECT_EQ(listed.funding[0].investee, "Orrin Token");
}

// Round 11 (branch extract11en): classes of the failures on round 11's articles (part A), each
// counted on the releases in neither split. Sentences of our own.
// The subject of a release described by what it is, then its verb.
TEST_F(UnseenNames, AReleaseSubjectDescribedByWhatItIs) {
  const auto orgs = Orgs("News\n\nSINGAPORE - Quorvane, a leading blockchain analytics platform, is thrilled to "
                         "announce a listing. Tamsinko, a leading provider of business solutions, proudly announces "
                         "a website. On Monday, a day of rest, the office opened.");
  for (const char* org : {"Quorvane", "Tamsinko"}) EXPECT_TRUE(orgs.count(org)) << org;
  EXPECT_FALSE(orgs.count("Monday"));
}

// Two initials do not end a list of investors, and a firm whose name opens with them is found.
TEST_F(UnseenNames, InitialsInsideAListOfInvestors) {
  const auto x = Run("News\n\nQuillvane today announced a $25 million Series B funding round led by Tamsin "
                     "Capital, with participation from Orrin Ventures, the D. E. Shaw group, Kestrelo, and "
                     "Brightwater Financial.");
  ASSERT_EQ(x.funding.size(), 1u);
  const std::set<std::string> investors(x.funding[0].investors.begin(), x.funding[0].investors.end());
  for (const char* investor : {"Tamsin Capital", "Orrin Ventures", "D. E. Shaw", "Kestrelo", "Brightwater Financial"})
    EXPECT_TRUE(investors.count(investor)) << investor;
}

// "Strategy" in a headline is no company (it was MicroStrategy's alias).
TEST_F(UnseenNames, StrategyInAHeadlineIsNoCompany) {
  const auto orgs = Orgs("Quillvane Closes $25 Million Private Placement to Launch Treasury Strategy\n\nText.");
  EXPECT_FALSE(orgs.count("Strategy"));
}

// Round 12 (branch extract12en): people's names by their shape, classes counted on the releases
// outside the set (docs/extraction.md, "Round 12 (English)"). Sentences of our own.
TEST_F(UnseenNames, APossessiveAPrefixedSurnameAndAGenerationShapeAPersonsName) {
  const auto x = Run("News\n\nThe fund is Daniel Korvath’s second, and Sarah Pellow's team runs it. "
                     "\"We grew,\" said Trent McTavish. Its founder Howard D’Almeida agreed. "
                     "Richard Brannock Jr., CEO of Brannock Law, said it would last. Cheryl Darrup-Vance, "
                     "chairman of the board, and Kevin Halder, Sr., spoke.");
  std::set<std::string> people;
  for (const auto& e : x.entities)
    if (e.type == EntityType::kPer) people.insert(e.text);
  for (const char* person : {"Daniel Korvath", "Sarah Pellow", "Trent McTavish", "Howard D’Almeida",
                             "Richard Brannock Jr.", "Cheryl Darrup-Vance", "Kevin Halder, Sr."})
    EXPECT_TRUE(people.count(person)) << person;
  for (const char* no : {"Daniel Korvath’s", "Sarah Pellow's", "Trent Mc", "Richard Brannock Jr"})
    EXPECT_FALSE(people.count(no)) << no;
}

// Round 12 (branch extract12fund): funding classes of the recall probe's half 1 (seed 16), each
// counted on the releases in neither split. Sentences of our own.
// A headline's possessive round with no amount, and a bare "round" after the amount.
TEST_F(UnseenNames, APossessiveRoundLedByItsLeadWithoutAnAmount) {
  const auto headline = Run("Quillvane Labs' Seed Round Led by Tamsin Ventures\n\nText.");
  ASSERT_EQ(headline.funding.size(), 1u);
  EXPECT_EQ(headline.funding[0].investee, "Quillvane Labs");
  EXPECT_EQ(headline.funding[0].round, "seed");
  EXPECT_EQ(headline.funding[0].lead_investors, (std::vector<std::string>{"Tamsin Ventures"}));

  const auto bare = Run("News\n\nKorvane’s $2.5M round is led by Orrin Ventures.");
  ASSERT_EQ(bare.funding.size(), 1u);
  EXPECT_EQ(bare.funding[0].investee, "Korvane");
  EXPECT_EQ(bare.funding[0].amount.value_or(0), 2.5e6);
  EXPECT_EQ(bare.funding[0].lead_investors, (std::vector<std::string>{"Orrin Ventures"}));
}

// Debt named with its kind words is the debt round.
TEST_F(UnseenNames, NotesAndSecuredCreditFacilitiesAreDebt) {
  for (const char* headline : {"Quillvane, Inc. (Nasdaq: QLVN) Secures $7M Convertible Note to Fuel Growth\n\nText.",
                               "Quillvane Closes $900 Million Senior Secured Credit Facility\n\nText."}) {
    const auto x = Run(headline);
    ASSERT_EQ(x.funding.size(), 1u) << headline;
    EXPECT_EQ(x.funding[0].investee, "Quillvane") << headline;
    EXPECT_EQ(x.funding[0].round, "debt") << headline;
  }
}

// Tester B (branch extractEN): the investor as the subject, the investee described before its
// name. Sentences of our own.
TEST_F(UnseenNames, TheInvestorAsSubjectAndADescribedInvestee) {
  const auto x = Run("News\n\nJapan's Tamsin Frontier invests $6M in Thai logistics startup Korvane.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Korvane");
  EXPECT_EQ(x.funding[0].investors, (std::vector<std::string>{"Tamsin Frontier"}));
  EXPECT_EQ(x.funding[0].amount.value_or(0), 6e6);
  const auto orgs = Orgs("News\n\nJapan's Tamsin Frontier invests $6M in Thai logistics startup Korvane.");
  EXPECT_FALSE(orgs.count("Thai")) << "Thai";

  // A place and a legal form, known by its verb: not the place Osaka.
  const auto y = Run("News\n\nOsaka Holdings has made a strategic investment in Indonesian cold-chain operator "
                     "Quillvane.");
  ASSERT_EQ(y.funding.size(), 1u);
  EXPECT_EQ(y.funding[0].investee, "Quillvane");
  EXPECT_EQ(y.funding[0].investors, (std::vector<std::string>{"Osaka Holdings"}));
  EXPECT_EQ(y.funding[0].round, "strategic");
}

// Investors dropped: a list in a sentence of its own, a bracketed conversion after the amount, an
// angel named after "including", a fund known by its kind word.
TEST_F(UnseenNames, InvestorsAfterTheDealSentenceAConversionOrAnAngel) {
  const auto list = Run("News\n\nKorvane has raised $5 million in a Series A round led by Orrin Ventures. Also "
                        "participating were Tamsin Capital, Brasswick Angels and Pellworth Ventures.");
  ASSERT_EQ(list.funding.size(), 1u);
  EXPECT_EQ(list.funding[0].investors, (std::vector<std::string>{"Orrin Ventures", "Tamsin Capital",
                                                                  "Brasswick Angels", "Pellworth Ventures"}));
  const auto converted = Run("News\n\nThai proptech startup Korvane secured THB50 million (about US$1.4 million) "
                             "from Brasswick Angels Network.");
  ASSERT_EQ(converted.funding.size(), 1u);
  EXPECT_EQ(converted.funding[0].investors, (std::vector<std::string>{"Brasswick Angels Network"}));
  EXPECT_EQ(converted.funding[0].currency, "THB");
  const auto angel = Run("News\n\nKorvane today announced a $2 million seed round backed by Orrin Ventures and "
                         "several angel investors, including former Grab executive Tom Reed.");
  ASSERT_EQ(angel.funding.size(), 1u);
  EXPECT_EQ(angel.funding[0].investors, (std::vector<std::string>{"Orrin Ventures", "Tom Reed"}));
}

// People's titles before the name, after a possessive organisation, after "appointed ... as", and
// a double title that keeps its organisation (tester B). Sentences of our own.
TEST_F(UnseenNames, ATitleBeforeTheNameAPossessiveOrAnAppointment) {
  struct Case {
    const char* text;
    const char* name;
    const char* title;
    const char* org;
  };
  for (const Case& c : {Case{"Korvane had 3 million users, CEO Tamsin Wijaya said in a statement.", "Tamsin Wijaya",
                             "Tổng Giám đốc", ""},
                        Case{"The startup will expand next year, said chief executive Orla Brennick.", "Orla Brennick",
                             "Tổng Giám đốc", ""},
                        Case{"\"It works,\" said Dario Fenwick, Brindle Robotics's CEO.", "Dario Fenwick",
                             "Tổng Giám đốc", "Brindle Robotics"},
                        Case{"Korvane appointed former Grab manager Lena Marsh as its chief operating officer.",
                             "Lena Marsh", "Giám đốc vận hành", ""},
                        Case{"\"We grow,\" said Dewi Tanaka, Co-founder and Chief Executive Officer of Quillvane Labs.",
                             "Dewi Tanaka", "Đồng sáng lập", "Quillvane Labs"}}) {
    const auto x = Run(std::string("News\n\n") + c.text);
    bool found = false;
    for (const auto& e : x.entities) {
      if (e.type != EntityType::kPer || e.text != c.name) continue;
      found = true;
      EXPECT_EQ(e.title, c.title) << c.text;
      EXPECT_EQ(e.organization, c.org) << c.text;
    }
    EXPECT_TRUE(found) << c.text;
  }
}

// Round 14 (branch extract14en): classes of the round's part A (docs/extraction.md, "Round 14").
// Sentences of our own.
// A round's second closing, and the investors after "other ... investors, including".
TEST_F(UnseenNames, ASecondClosingAndInvestorsAfterACommaAndIncluding) {
  const auto x = Run("News\n\nQuillvane Labs, a pioneer in photonic chips, today announced the second closing of its "
                     "Series A funding round securing an additional investment from Orrin Family Office LLC. Orrin "
                     "Family Office joins current lead investors Tamsin Ventures and other deep tech investors, "
                     "including Brasswick Capital, Pellworth Ventures and Kelvo Partners.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Quillvane Labs");
  EXPECT_EQ(x.funding[0].round, "series-a");
  for (const char* investor : {"Orrin Family Office", "Tamsin Ventures", "Brasswick Capital", "Pellworth Ventures",
                               "Kelvo Partners"})
    EXPECT_NE(std::find(x.funding[0].investors.begin(), x.funding[0].investors.end(), investor),
              x.funding[0].investors.end())
        << investor;
}

// An angel group named by its kind word; "Series Seed" is the seed round.
TEST_F(UnseenNames, AnAngelGroupAndASeriesSeedRound) {
  const auto x = Run("News\n\nKorvane has raised $3.6 million in its Series B round. The round was led by Orrin "
                     "Capital and was joined by individual angel investors and the Tamsin Angels group.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investors, (std::vector<std::string>{"Orrin Capital", "Tamsin Angels"}));
  const auto seed = Run("News\n\nKorvane announced it has raised a $10 million Series Seed Round.");
  ASSERT_EQ(seed.funding.size(), 1u);
  EXPECT_EQ(seed.funding[0].round, "seed");
}

// Debt agreed by its kind word before "agreement"; a commercial agreement is no raise, and its
// headline goes with it.
TEST_F(UnseenNames, ANoteAgreementIsDebtACommercialAgreementNoRaise) {
  const auto x = Run("News\n\nQuillvane Technologies, Inc. (Nasdaq: QLVN) has entered into a convertible note "
                     "agreement for up to $20 million with an institutional investor.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Quillvane Technologies");
  EXPECT_EQ(x.funding[0].round, "debt");
  EXPECT_EQ(x.funding[0].amount.value_or(0), 2e7);
  EXPECT_TRUE(Run("Korvane Media Secures $11.6 Million Football Partnership in India\n\nKorvane Media announced a "
                  "five-year, $11.6 million commercial agreement with Tamsin League.")
                  .funding.empty());
}

// A law firm's kind words end its name, as a business line does.
TEST_F(UnseenNames, ALawFirmsKindWordsEndItsName) {
  const auto orgs = Orgs("News\n\nThe Brindle Law Firm, a personal injury firm, and Tamsin Law Group won the case.");
  for (const char* org : {"Brindle Law Firm", "Tamsin Law Group"}) EXPECT_TRUE(orgs.count(org)) << org;
}

// A city before its US state's full name or its country is a place; not a company before
// "Texas-based", nor a name before a country's possessive.
TEST_F(UnseenNames, ACityBeforeItsStateOrCountryIsAPlace) {
  std::set<std::string> places;
  for (const auto& e : Run("News\n\nThe plant in Poplar Bluff, Missouri, opened. PLEASANTON, CALIF. -- Zentra Labs, "
                           "Texas-based, and Kelvo, Vietnam’s largest exchange, met in Stuttgart, Germany.")
                           .entities)
    if (e.type == EntityType::kLoc) places.insert(e.text);
  for (const char* place : {"Poplar Bluff", "PLEASANTON", "Stuttgart"}) EXPECT_TRUE(places.count(place)) << place;
  for (const char* name : {"Zentra Labs", "Kelvo"}) EXPECT_FALSE(places.count(name)) << name;
  // A possessive is no part of a city, nor is an acronym one: "Qatar's QIA, Massachusetts firms".
  for (const auto& e : Run("News\n\nInvestors included Qatar’s QIA, Massachusetts firms Agent Capital.").entities)
    EXPECT_FALSE(e.type == EntityType::kLoc && e.text.find("QIA") != std::string::npos) << e.text;
}

// A fund's inaugural raise; a headline's raise after "As It", the ticker after the name.
TEST_F(UnseenNames, AnInauguralRaiseAndAHeadlineRaiseAfterAsIt) {
  const auto fund = Run("Orrin Founders Fund raises inaugural €50m\n\nText.");
  ASSERT_EQ(fund.funding.size(), 1u);
  EXPECT_EQ(fund.funding[0].investee, "Orrin Founders Fund");
  EXPECT_EQ(fund.funding[0].currency, "EUR");
  const auto headline = Run("Kelvo Network (NASDAQ: KLVO) Expands Global Footprint As It Secures $5.9M in Private "
                            "Placement Financing\n\nText.");
  ASSERT_EQ(headline.funding.size(), 1u);
  EXPECT_EQ(headline.funding[0].investee, "Kelvo Network");
  EXPECT_EQ(headline.funding[0].amount.value_or(0), 5.9e6);
}

// Round 15 (branch extract15en): classes of the round's part A (docs/extraction.md, "Round 15").
// An offering's capitalised kind words in a headline; a tranche closed by "the Company", a price
// with its decimals before the proceeds.
TEST_F(UnseenNames, AnOversubscribedOfferingAndATrancheClosed) {
  const auto headline = Run("Kelvo Photonics Inc. (NASDAQ: KLVO) Announces $150 Million Oversubscribed Registered "
                            "Direct Offering\n\nText.");
  ASSERT_EQ(headline.funding.size(), 1u);
  EXPECT_EQ(headline.funding[0].investee, "Kelvo Photonics");
  EXPECT_EQ(headline.funding[0].amount.value_or(0), 1.5e8);
  const auto tranche = Run("News\n\nTORONTO - Brasswick Royalties Inc. gave an update on its offering. The Company "
                           "has closed the second tranche and issued 75,310 Units at a price of C$6.50 per Unit, for "
                           "gross proceeds of approximately C$489,515.");
  ASSERT_EQ(tranche.funding.size(), 1u);
  EXPECT_EQ(tranche.funding[0].investee, "Brasswick Royalties");
  EXPECT_EQ(tranche.funding[0].amount.value_or(0), 489515);
  EXPECT_EQ(tranche.funding[0].currency, "CAD");
}

// A round or presale told by what it has brought in, the company named before; a presale's total
// after a comma.
TEST_F(UnseenNames, APresaleToldByWhatItHasBroughtIn) {
  const auto round = Run("News\n\nAnalysts praise Quillvane Network; The pre-seed funding (aka presale) has "
                         "generated over $20 million so far.");
  ASSERT_EQ(round.funding.size(), 1u);
  EXPECT_EQ(round.funding[0].investee, "Quillvane Network");
  EXPECT_EQ(round.funding[0].round, "pre-seed");
  EXPECT_EQ(round.funding[0].amount.value_or(0), 2e7);
  const auto sold = Run("News\n\nInvestors like the memetoken Korvo (KRVO), which is gaining momentum in its "
                        "presale, with over $1.5 million worth of the token sold already.");
  ASSERT_EQ(sold.funding.size(), 1u);
  EXPECT_EQ(sold.funding[0].investee, "Korvo");
  EXPECT_EQ(sold.funding[0].amount.value_or(0), 1.5e6);
}

// Investors: a comma that lost its space in a list, backers named as "investors like", and a
// company's arm that invests with it.
TEST_F(UnseenNames, AListCommaWithoutItsSpaceInvestorsLikeAndAnArm) {
  const auto list = Run("News\n\nKorvane has closed $3 million in pre-seed funding. The round featured participation "
                        "from Tamsin Capital, Orrin Labs,Brasswick Capital, and Kelvo Ventures, among others.");
  ASSERT_EQ(list.funding.size(), 1u);
  for (const char* name : {"Tamsin Capital", "Brasswick Capital", "Kelvo Ventures"})
    EXPECT_NE(std::find(list.funding[0].investors.begin(), list.funding[0].investors.end(), name),
              list.funding[0].investors.end())
        << name;
  const auto like = Run("News\n\nKorvane Beauty raised $2.5 million. \"We are grateful for investors like Orrin’s "
                        "Tamsin Venture Fund,\" she said.");
  ASSERT_EQ(like.funding.size(), 1u);
  EXPECT_EQ(like.funding[0].investors, (std::vector<std::string>{"Tamsin Venture Fund"}));
  const auto arm = Run("News\n\nKelvo Holdings (OTC: KLVH), announced that its investment arm, Brasswick Ventures, "
                       "has made a strategic investment in Quillvane.ai, a sales platform.");
  ASSERT_EQ(arm.funding.size(), 1u);
  EXPECT_EQ(arm.funding[0].investee, "Quillvane.ai");
  EXPECT_EQ(arm.funding[0].investors, (std::vector<std::string>{"Kelvo Holdings", "Brasswick Ventures"}));
}

// A job title's words that end a run of capitals are no part of a person's name: "Laura Orrin
// Managing Director at KKR", "Dina Tamsin, Vice Chair, President", "UNCF Regional Development
// Director, said".
TEST_F(UnseenNames, ATitlesWordsEndNoPersonsName) {
  const auto people = People("News\n\nWe met Laura Orrin Managing Director at KKR and Dina Tamsin, Vice "
                             "Chair, President and Head of Sales at Kelvo Partners. Lisa Brasswick, UNCF "
                             "Regional Development Director, said, \"Thanks.\"");
  for (const char* name : {"Laura Orrin", "Dina Tamsin", "Lisa Brasswick"}) EXPECT_TRUE(people.count(name)) << name;
  for (const char* name : {"Laura Orrin Managing", "Vice Chair", "Regional Development"})
    EXPECT_FALSE(people.count(name)) << name;
}

// A university or college whose name starts with a given name is no person: "Howard University".
TEST_F(UnseenNames, AUniversityNamedAfterAPerson) {
  const auto orgs = Orgs("News\n\nShe is an alumna of both Howard University and Tamsin College.");
  for (const char* org : {"Howard University", "Tamsin College"}) EXPECT_TRUE(orgs.count(org)) << org;
}

// A release's subject before "has (today) announced" is a company; a person's name stays a person.
TEST_F(UnseenNames, ASubjectThatHasAnnouncedIsACompany) {
  const auto x = Run("News\n\nWith leadership in its sights, Quillvane has today announced plans to open a plant. "
                     "Today, John Orrin has announced a run.");
  bool company = false, person = false;
  for (const auto& e : x.entities) {
    if (e.type == EntityType::kOrg && e.text == "Quillvane") company = true;
    if (e.type == EntityType::kPer && e.text == "John Orrin") person = true;
    EXPECT_FALSE(e.type == EntityType::kOrg && e.text.find("Orrin") != std::string::npos) << e.text;
  }
  EXPECT_TRUE(company);
  EXPECT_TRUE(person);
}

// A company described with "the" between commas, then what it "has successfully raised", a total
// or not (8 such sentences in the corpus's releases, every one a company).
TEST_F(UnseenNames, ACompanyDescribedWithTheBeforeItsRaise) {
  const auto x = Run("News\n\nKorvane, the first lending app built on Ethereum, has successfully raised $4 million "
                     "in a seed round.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Korvane");
  EXPECT_EQ(x.funding[0].amount.value_or(0), 4e6);
  EXPECT_EQ(x.funding[0].round, "seed");
  // A running total is no round (en.total_after), but the company is still named.
  EXPECT_EQ(Orgs("News\n\nQuillvane, the first trading venue built on Starknet, has successfully raised a total of "
                 "$7.6 million to date."),
            (std::set<std::string>{"Quillvane"}));
}

// Stop 30: a release's boilerplate heading, a line of its own, names a company (or a brand, or
// a wire); "About Us" names no one, and a person's bio heading stays a person.
TEST_F(UnseenNames, AnAboutHeadingNamesTheCompany) {
  EXPECT_EQ(Orgs("News\n\nPeople are thrilled to embrace it.\n\nAbout Quillstamp\n\nIt is a platform.\n\n"
                 "About Harlow Ventures:\n\nIt invests.\n\nAbout Us\n\nWe write releases."),
            (std::set<std::string>{"Quillstamp", "Harlow Ventures"}));
  const auto bio = Run("News\n\nText.\n\nAbout John Smith\n\nHe leads it.");
  ASSERT_EQ(bio.entities.size(), 1u);
  EXPECT_EQ(bio.entities[0].type, EntityType::kPer);
  // Mid-sentence, "About" is a preposition.
  EXPECT_TRUE(Orgs("News\n\nEverything you should know About Quillstamp Today is here.").empty());
}

// A background round tied to the release's subject by "its recent", "their recently raised" or
// "following a" (round 16: three of part A's twelve records).
TEST_F(UnseenNames, ARecentRoundToldAsBackgroundIsTheSubjects) {
  const auto their = Run("HTX Ventures Announces Investment in Korvane\n\nHTX Ventures has announced a strategic "
                         "investment in Korvane, a pioneering Web3 gaming platform. Korvane is a Web3 gaming platform "
                         "aiming to host events. Their recently raised $2.5 million seed round will fund its growth.");
  ASSERT_EQ(their.funding.size(), 2u);
  EXPECT_EQ(their.funding[1].investee, "Korvane");
  EXPECT_EQ(their.funding[1].amount.value_or(0), 2.5e6);
  EXPECT_EQ(their.funding[1].round, "seed");
  const auto its = Run("Quillvane Inc. Launches Partner Program\n\nQuillvane Inc. today announced the launch of a "
                       "partner program. Based on momentum from its recent $37M Series B funding round, Quillvane is "
                       "doubling down on partners.");
  ASSERT_EQ(its.funding.size(), 1u);
  EXPECT_EQ(its.funding[0].investee, "Quillvane");
  EXPECT_EQ(its.funding[0].round, "series-b");
  const auto following = Run("News\n\nKorvane has announced a $10 million Series A round led by Tamsin Ventures. The "
                             "company will hire engineers, following a $2.7 million seed round in December 2022.");
  ASSERT_EQ(following.funding.size(), 2u);
  EXPECT_EQ(following.funding[1].investee, "Korvane");
  EXPECT_EQ(following.funding[1].amount.value_or(0), 2.7e6);
  EXPECT_EQ(following.funding[1].round, "seed");
}

// A title-case headline's "Led by" names the lead; GE Vernova is not General Electric (round 16).
TEST_F(UnseenNames, AHeadlinesLedByNamesTheLead) {
  const auto x = Run("Korvane Technologies Inc. (NASDAQ: KORV) Secures $15 Million Private Placement Led by Tamsin "
                     "Ventures\n\nText follows.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Korvane Technologies");
  EXPECT_EQ(x.funding[0].lead_investors, (std::vector<std::string>{"Tamsin Ventures"}));
  const auto orgs = Orgs("News\n\nKorvane Inc. and GE Vernova launched a project.");
  EXPECT_EQ(orgs.count("GE Vernova"), 1u);
  EXPECT_EQ(orgs.count("GE"), 0u);
}

// A name, then what the person is and their role of an organisation after a comma (round 16; 16
// such phrases in the corpus's releases, every one a person).
TEST_F(UnseenNames, APersonDescribedThenTheirRoleOfACompany) {
  const auto people = People("News\n\nThe staging trade has an advocate in Las Vegas, where Fiorenza Bilak, "
                             "an interior design graduate and founder of Stage The Space, LLC, is building a "
                             "business.");
  EXPECT_EQ(people, (std::set<std::string>{"Fiorenza Bilak"}));
}

// A name between an appointment and its role: "the appointment of X as", "the promotion of X to"
// (round 16, from dev's errors; 37 such phrases in the corpus's releases, every one a person).
TEST_F(UnseenNames, ANameBetweenAnAppointmentAndItsRole) {
  const auto people = People("News\n\nKelvo Innovation today announced the appointment of Rose Vasko as a "
                             "director on the investment team and the promotion of Carney Orrin to partner.");
  EXPECT_EQ(people, (std::set<std::string>{"Rose Vasko", "Carney Orrin"}));
}

// A bare ", including" reads no list past a purpose's "to": the products a round will reach are no
// investors (round 16).
TEST_F(UnseenNames, NoInvestorsPastAPurposesTo) {
  const auto x = Run("News\n\nKorvane Inc. has announced a $10 million funding round to allow engineers to "
                     "integrate with any meeting platform, including Zoom, Microsoft Teams and Slack.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_TRUE(x.funding[0].investors.empty());
  const auto y = Run("News\n\nKorvane Inc. has raised $10 million in a round led by Tamsin Ventures, including "
                     "Brasswick Capital.");
  ASSERT_EQ(y.funding.size(), 1u);
  EXPECT_EQ(y.funding[0].investors, (std::vector<std::string>{"Tamsin Ventures", "Brasswick Capital"}));
}

// Legal forms of Italian, Malaysian, Nordic and Indian companies: "Terra Innovatum Srl, a developer
// of micro-modular nuclear reactors" (round 16; 31 such names in the corpus's releases).
TEST_F(UnseenNames, MoreLegalForms) {
  const auto orgs = Orgs("News\n\nKorvane Srl, a developer of reactors, and Tamsin Sdn Bhd signed a memorandum.");
  EXPECT_EQ(orgs.count("Korvane Srl"), 1u);
  EXPECT_EQ(orgs.count("Tamsin Sdn Bhd"), 1u);
}

// A list item that names a person by their role at a company ("GitHub engineer Zach Holman",
// "HackerOne founder Alex Rice") is no organisation: the people pass reads the person, and the
// angel is an investor (round 16).
TEST_F(UnseenNames, AListItemThatNamesAPersonByTheirRole) {
  const auto x = Run("News\n\nKorvane Inc. has closed a $15 million seed round led by Tamsin Ventures, with "
                     "participation from strategic investors, including GitHub engineer Zach Holman, HackerOne "
                     "founder Alex Rice and Brian Chess.");
  std::set<std::string> orgs, people;
  for (const auto& e : x.entities) {
    if (e.type == EntityType::kOrg) orgs.insert(e.text);
    if (e.type == EntityType::kPer) people.insert(e.text);
  }
  EXPECT_EQ(orgs.count("HackerOne founder Alex Rice"), 0u);
  EXPECT_EQ(orgs.count("GitHub engineer Zach Holman"), 0u);
  for (const char* name : {"Zach Holman", "Alex Rice", "Brian Chess"}) EXPECT_EQ(people.count(name), 1u) << name;
  ASSERT_EQ(x.funding.size(), 1u);
  for (const char* name : {"Zach Holman", "Alex Rice", "Brian Chess"})
    EXPECT_NE(std::find(x.funding[0].investors.begin(), x.funding[0].investors.end(), name),
              x.funding[0].investors.end())
        << name;
}

// "The round was led by X" with no deal read before it: the deal of the organisation the headline
// opens with, past a newswire; not when the headline is an investor's ("... Invests in ...")
// (round 16).
TEST_F(UnseenNames, ALeadWithNoDealBeforeIsTheHeadlineCompanys) {
  const auto x = Run("InvestorNewsBreaks – Korvane Inc. Unveils Its Platform\n\nKorvane Inc. builds tools for "
                     "hardware teams. The seed round was led by Tamsin Ventures, with participation from Brasswick "
                     "Capital.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Korvane");
  EXPECT_EQ(x.funding[0].lead_investors, (std::vector<std::string>{"Tamsin Ventures"}));
  const auto investor = Run("Tamsin Ventures Invests in Korvane Inc.\n\nThe round was led by Brasswick Capital.");
  EXPECT_TRUE(investor.funding.empty());
}

// Round 17: the function a title names after a comma is no person ("Vice-President, Strategic
// Partnerships", "Managing Director, Private Credit Portfolio Manager").
TEST_F(UnseenNames, AFunctionAfterATitleIsNoPerson) {
  const auto people = People("News\n\nAcme today announced the appointment of Dana Orrin as Vice-President, "
                             "Strategic Partnerships. It named Tom Halvard as Managing Director, Private "
                             "Credit Portfolio Manager.");
  EXPECT_EQ(people, (std::set<std::string>{"Dana Orrin", "Tom Halvard"}));
}

// Round 17: a release's subject set off by a clause that is no description, or by a description
// whose closing comma is missing before "proudly announces".
TEST_F(UnseenNames, ASubjectSetOffByAClauseIsACompany) {
  const auto orgs = Orgs("News\n\nKelvane Community, under the leadership of renowned investor Dana Orrin, proudly "
                         "announces a platform. Quillvane, a leader in the HR Tech space proudly announces a milestone.");
  EXPECT_EQ(orgs, (std::set<std::string>{"Kelvane Community", "Quillvane"}));
}

// Round 17: a company where someone works "at" it, after a role or a time spent there.
TEST_F(UnseenNames, AnEmployerAfterARoleAt) {
  const auto orgs = Orgs("News\n\nBefore that, Dana Orrin was a Vice President at Kelvobanc in its markets team. "
                         "During her tenure at Quillvane Records, she led a team. He is Director of Product at Tamsin.");
  EXPECT_EQ(orgs, (std::set<std::string>{"Kelvobanc", "Quillvane Records", "Tamsin"}));
}

// Round 17: a company before its person's title and name, in a list or after "with"; not
// after "by" in a title-case headline ("Led by New CEO Matty Orrin").
TEST_F(UnseenNames, ACompanyBeforeItsPersonsTitle) {
  const auto orgs = Orgs("News\n\nSpeakers include Kelvo Capital Partner Dana Orrin, QuillFund Venture Investor Tom "
                         "Halvard, BRIX CEO Ana Tamsin, and more. It met with Trust Vantage President Andrew Kelvane. Led by "
                         "New CEO Matty Orrin.");
  EXPECT_EQ(orgs, (std::set<std::string>{"Kelvo Capital", "QuillFund", "BRIX", "Trust Vantage"}));
}

// Round 17: a founder's or chairman's title at the front of a name a pattern found is no part of
// it: "Ocean Protocol Founder Bruce Orrin" names a company and a person, not "Founder Bruce Orrin".
TEST_F(UnseenNames, AFoundersTitleStartsNoCompany) {
  const auto x = Run("News\n\nGuests include Ocean Protocol Founder Bruce Orrin, and more.");
  std::set<std::pair<EntityType, std::string>> got;
  for (const auto& e : x.entities) got.insert({e.type, e.text});
  EXPECT_TRUE(got.count({EntityType::kPer, "Bruce Orrin"}));
  EXPECT_TRUE(got.count({EntityType::kOrg, "Ocean Protocol"}));
  EXPECT_FALSE(got.count({EntityType::kOrg, "Founder Bruce Orrin"}));
}

// Round 17: the person an interview is given to, after their outlet's possessive, whatever their
// given name ("Elisha" is in no list).
TEST_F(UnseenNames, TheInterviewerAfterTheOutletsPossessive) {
  const auto people = People("News\n\nKelvo Gold CEO Dana Orrin chats to Proactive's Elisha Newell after the "
                             "drill results.");
  EXPECT_TRUE(people.count("Elisha Newell"));
}

// Round 17: a release's boilerplate: a heading "About X" on its own line, a paragraph that opens
// "X is a ... company".
TEST_F(UnseenNames, TheBoilerplatesAboutHeadingAndOpening) {
  const auto orgs = Orgs("News\n\nRead more.\n\nAbout Kelvogems\n\nKelvogems is a specialized communications "
                         "platform for small caps.\n\nQuillstamp is a leading digital collectibles company.\n");
  EXPECT_EQ(orgs, (std::set<std::string>{"Kelvogems", "Quillstamp"}));
}

// Round 17: a name described by where it is based, after a comma or a dash.
TEST_F(UnseenNames, ANameDescribedByWhereItIsBased) {
  const auto orgs = Orgs("News\n\nShe led affairs for Kelvo Meat—a Netherlands-based startup, and for Quill "
                         "Agriculture Europe, a Brussels (BE)-based industry association.");
  for (const char* org : {"Kelvo Meat", "Quill Agriculture Europe"}) EXPECT_TRUE(orgs.count(org)) << org;
}

// Round 17: "alongside" names investors after an investor's name or a word of investing, not after
// any word: "its list of integrations alongside Recruiting Booster, ORC, & Peoplesoft" are products.
TEST_F(UnseenNames, AlongsideNamesInvestorsOnlyAfterInvesting) {
  const auto orgs = Orgs("News\n\nQuillchili adds Taleo to its list of Kelvo integrations alongside Recruiting Booster, "
                         "ORC, & Peoplesoft. Tamsin Ventures participated alongside Kelvox and Quorra.");
  for (const char* org : {"Tamsin Ventures", "Kelvox", "Quorra"}) EXPECT_TRUE(orgs.count(org)) << org;
  for (const char* product : {"Recruiting Booster", "ORC", "Peoplesoft"}) EXPECT_FALSE(orgs.count(product)) << product;
}

// Round 17: a title-case run that ends in "Services" is what a firm does, no name, unless a legal
// form follows ("Kelvo Services, Inc.").
TEST_F(UnseenNames, ServicesInTitleCaseIsNoName) {
  const auto orgs = Orgs("News\n\nDana Orrin signs on as Head of Games (Game and Economy Design Services). Kelvo "
                         "Services, Inc. hired her. It offers Dumpster Rental Services in Ohio.");
  EXPECT_EQ(orgs, (std::set<std::string>{"Kelvo Services, Inc."}));
}

// Round 17: a known given name may be the second half of a hyphenated one.
TEST_F(UnseenNames, AHyphenatedGivenName) {
  const auto people = People("News\n\nSpeakers were Lacey-Ann Wisdom and Stephan-Daniel Gravert.");
  EXPECT_EQ(people, (std::set<std::string>{"Lacey-Ann Wisdom", "Stephan-Daniel Gravert"}));
}

// Round 17: a person an appointment is announced of, whatever their given name.
TEST_F(UnseenNames, APersonAnAppointmentIsAnnouncedOf) {
  const auto people = People("News\n\nKelvo Innovation today announced the appointment of Lamor Quillane as "
                             "a director on its team.");
  EXPECT_TRUE(people.count("Lamor Quillane"));
}

// Round 19: a federal agency named with "U.S." before it is one organisation, not a place and a
// name cut at "and".
TEST_F(UnseenNames, AFederalAgencyWithUSBeforeIt) {
  const std::string text = "News\n\nApplicants wait on the U.S. Patent and Trademark Office, and the U.S. Food "
                           "and Drug Administration has new rules.";
  const auto orgs = Orgs(text);
  for (const char* org : {"U.S. Patent and Trademark Office", "U.S. Food and Drug Administration"})
    EXPECT_TRUE(orgs.count(org)) << org;
  EXPECT_TRUE(Mentions(text, EntityType::kLoc).empty());
}

// Round 19: the source of a figure after "according to" or "data from", up to a comma, a dash or
// its possessive report; not a report's own name, nor a person after "Mr.".
TEST_F(UnseenNames, TheSourceOfAFigure) {
  const auto orgs = Orgs("News\n\nDemand rose 9%, according to Kelvo Research\u2014a record. According to Quillstat, "
                         "sales fell. Data from BrindleNEF\u2019s annual survey agree, according to Mr. Tanwick, and "
                         "according to the 2024 Banking Trends Survey, too.");
  EXPECT_EQ(orgs, (std::set<std::string>{"Kelvo Research", "Quillstat", "BrindleNEF"}));
}

// Round 19: a list after a plural kind word of organisations ("retailers such as"), right after it.
TEST_F(UnseenNames, AListAfterRetailersSuchAs) {
  const auto orgs = Orgs("News\n\nIts soaps sell at retailers such as Kelvo Market, Amazon, Quill Grocers and "
                         "Brindle Foods. It serves clients in cities such as Perth and Sydney.");
  EXPECT_EQ(orgs, (std::set<std::string>{"Kelvo Market", "Amazon", "Quill Grocers", "Brindle Foods"}));
}

// Round 19: more lower-case kind words right before a name ("media outlet", "nonprofit", "exchange").
TEST_F(UnseenNames, ANameAfterAnOutletANonprofitOrAnExchange) {
  const auto orgs = Orgs("News\n\nThe news came from media outlet Kelvonews. Her nonprofit Quill Dignity has fed "
                         "5,000 people, and the exchange Brindlex is listing it. We met at the restaurant Sunday "
                         "to talk.");
  EXPECT_EQ(orgs, (std::set<std::string>{"Kelvonews", "Quill Dignity", "Brindlex"}));
}

// Round 19: a release's subject with its acronym before "is excited to announce", or set off by when
// it was founded.
TEST_F(UnseenNames, ASubjectWithItsAcronymOrItsFounding) {
  const auto orgs = Orgs("News\n\nKelvo Floor Tiles (KFT) is excited to announce a guide. QUILLS, established in "
                         "2017, has grown fast. Brindlemark, founded in 2023 by Jane Tan, offers loans.");
  for (const char* org : {"Kelvo Floor Tiles", "QUILLS", "Brindlemark"}) EXPECT_TRUE(orgs.count(org)) << org;
}

// Round 19: given names seen after titles on the corpus's releases make a person with no cue.
TEST_F(UnseenNames, MoreGivenNamesMakeAPersonWithNoCue) {
  const auto people = People("News\n\nOn May 10, Bobbi Quillane was crowned. Lando Tanwick won the race.");
  EXPECT_EQ(people, (std::set<std::string>{"Bobbi Quillane", "Lando Tanwick"}));
}

// Round 19: more headline verbs end a person's name ("JANE TAN CROWNED MRS. WORLD").
TEST_F(UnseenNames, AHeadlineVerbEndsAPersonsName) {
  EXPECT_EQ(People("JANE TANWICK CROWNED MRS. QUEEN\n\nText here."), (std::set<std::string>{"JANE TANWICK"}));
}

// Round 19: "Hospital" ends a name, whose whole is its core: a given name first makes no person.
TEST_F(UnseenNames, AHospitalIsAnOrganisation) {
  const std::string text = "News\n\nPatients were flown to Elliot Hospital and Kelvo Hospitals Enterprise.";
  const auto orgs = Orgs(text);
  EXPECT_TRUE(orgs.count("Elliot Hospital"));
  EXPECT_TRUE(People(text).empty());
}

// Round 19: a title after a name may follow a possessive word and a word of time.
TEST_F(UnseenNames, ATitleAfterItsOrOurAndAWordOfTime) {
  const auto people = People("News\n\nKelvo hired Brantis Olwen, its new CEO, last week. They thanked Harlo Venn, our "
                             "former CEO.");
  EXPECT_EQ(people, (std::set<std::string>{"Brantis Olwen", "Harlo Venn"}));
}

// Round 18: the parties right after "investment from" are read as any list of parties, people and
// parties told by their kind among them; a list item that tells a person's role as an investor
// is no organisation.
TEST_F(UnseenNames, InvestorsFromAListOfDescribedParties) {
  const auto x = Run("News\n\nTarnwell Inc. has secured investment from prominent venture capital firm Kestrel "
                     "Partners and renowned Wall Street investor Dana Orrin.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(AsSet(x.funding[0].investors), (std::set<std::string>{"Kestrel Partners", "Dana Orrin"}));
  EXPECT_FALSE(Orgs("News\n\nTarnwell Inc. has secured investment from Kestrel Partners and renowned Wall Street "
                    "investor Dana Orrin.")
                   .count("Wall Street investor Dana Orrin"));
}

// Round 20: a board, and a kind word with a place after "of", are named by the short name in brackets
// after them, of two words too ("Canada Pension Plan Investment Board (CPP Investments)").
TEST_F(UnseenNames, ABoardOrAPlaceAfterOfWithItsShortNameInBrackets) {
  const auto orgs = Orgs("News\n\nThe group includes Kelvo Pension Investment Board (KPI Investments) and the "
                         "Investment Management Corporation of Westland (IMCW).");
  EXPECT_TRUE(orgs.count("Kelvo Pension Investment Board"));
  EXPECT_TRUE(orgs.count("Investment Management Corporation of Westland"));
}

// Round 20: a headline in sentence case names the company, then what else it does, then the raise
// after a comma or "as it", its verb in lower case.
TEST_F(UnseenNames, AHeadlineInSentenceCaseThenARaise) {
  for (const char* text : {"Kelvo Minerals Ltd advances Zulu project, raises \u00a32 million\n\nNews Direct",
                           "Kelvo Robotics Inc. joins the race to build the first collaborative robot, as it raises "
                           "$2.5M\n\nNews Direct"}) {
    const auto x = Run(text);
    ASSERT_EQ(x.funding.size(), 1u) << text;
    EXPECT_EQ(x.funding[0].investee.substr(0, 5), "Kelvo") << text;
  }
}

// Round 20: a style of address before a name ("His Excellency Yupi Haryanto").
TEST_F(UnseenNames, APersonAfterAStyleOfAddress) {
  EXPECT_EQ(People("News\n\nThe firm formed partnerships with notable figures such as His Excellency Tamrin Walo."),
            (std::set<std::string>{"Tamrin Walo"}));
}

// Round 20: a title-case headline's "To Acquire" is cut from the front of the name after it.
TEST_F(UnseenNames, AHeadlinesToAcquireIsNoPartOfTheName) {
  const auto orgs = Orgs("Kelvo Royalty Enters Into Agreement To Acquire Tamsin Therapeutics For $1.16 per Share\n\nNews");
  EXPECT_FALSE(orgs.count("Acquire Tamsin Therapeutics"));
  EXPECT_TRUE(orgs.count("Tamsin Therapeutics"));
}

// Round 20: an earlier at-the-market program told as completed is a raise of its own.
TEST_F(UnseenNames, AnEarlierAtTheMarketProgramToldAsCompleted) {
  const auto x = Run("Kelvo Quantum Inc. Raises $400 Million Through Equity Offering\n\nThe price was a premium over "
                     "the sales under the company\u2019s prior $150 million ATM program completed in January.");
  ASSERT_EQ(x.funding.size(), 2u);
  EXPECT_EQ(x.funding[1].investee, "Kelvo Quantum");
  EXPECT_EQ(x.funding[1].amount.value_or(0), 150e6);
}

// Round 20: a list whose comma has a space before it, a lender after a relative clause and "was provided
// by", and participants between a lead that opens the sentence and "the funding".
TEST_F(UnseenNames, InvestorsAfterASpacedCommaARelativeClauseOrALeadOpeningTheSentence) {
  auto x = Run("News\n\nTarnwell has raised $10 million in growth capital from existing investors Kestrel Partners , "
               "Orrin Ventures and Harlo Capital.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(AsSet(x.funding[0].investors),
            (std::set<std::string>{"Kestrel Partners", "Orrin Ventures", "Harlo Capital"}));
  x = Run("News\n\nQuillvane Networks has secured $85 million in debt capital. The debt capital, which can be "
          "increased up to $100 million, was provided by Kestrel Infrastructure Partners, a credit fund.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(AsSet(x.funding[0].investors), (std::set<std::string>{"Kestrel Infrastructure Partners"}));
  x = Run("News\n\nTarnwell Inc. has raised $250 million in a private placement. Led by Kestrel Partners, with "
          "participation from Orrin Ventures, Harlo Capital and others, the funding will be used to buy ETH.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(AsSet(x.funding[0].investors),
            (std::set<std::string>{"Kestrel Partners", "Orrin Ventures", "Harlo Capital"}));
  EXPECT_EQ(AsSet(x.funding[0].lead_investors), (std::set<std::string>{"Kestrel Partners"}));
}

// Round 21: a firm named for its founders and their partners ("& Partners", "& Associates") is one
// organisation, not a person and a word.
TEST_F(UnseenNames, AFirmAndItsPartners) {
  const std::string text = "News\n\nExisting investor Harlan Quist & Partners (HQP) kept its stake, and Tamsin "
                           "Orrell & Associates advised, as did Kelvo and Associates.";
  const auto orgs = Orgs(text);
  EXPECT_TRUE(orgs.count("Harlan Quist & Partners"));
  EXPECT_TRUE(orgs.count("Tamsin Orrell & Associates"));
  EXPECT_TRUE(orgs.count("Kelvo and Associates"));
  EXPECT_TRUE(People(text).empty());
}

// Round 21: Canada's provinces and territories as datelines and releases write them ("VANCOUVER, BC",
// "Newfoundland and Labrador", "the Yukon").
TEST_F(UnseenNames, CanadasProvincesAndTerritories) {
  const auto places = Mentions("News\n\nVANCOUVER, BC - Kelvo Gold Corp. holds claims in Newfoundland and Labrador "
                               "and in the Yukon.",
                               EntityType::kLoc);
  EXPECT_EQ(places, (std::set<std::string>{"VANCOUVER", "BC", "Newfoundland and Labrador", "Yukon"}));
}

// Round 21: a site's owner's possessive is no part of the site ("Kelvo Metals’ Orrin Mine").
TEST_F(UnseenNames, ASitesOwnerIsNoPartOfIt) {
  const auto places = Mentions("News\n\nThe claims lie near Kelvo Metals\u2019 Orrin Mine.", EntityType::kLoc);
  EXPECT_EQ(places, (std::set<std::string>{"Orrin Mine"}));
}

// Round 21: "International" ends a firm's name, unless a capitalised word goes on with it.
TEST_F(UnseenNames, InternationalEndsAFirmsName) {
  const auto orgs = Orgs("News\n\nKelvo International, a logistics firm, flies to Quillby International Airport.");
  EXPECT_TRUE(orgs.count("Kelvo International"));
  EXPECT_FALSE(orgs.count("Quillby International"));
}

// Stop 33: a company named by a given name and what it does ("Nina Health", "Ada Pay", "Clara Tech
// Syndicate") is no person where the people pass would drop those words (PER_STOPWORD): it was read
// as one, and the raise it made and the rounds it joined were lost.
TEST_F(UnseenNames, AGivenNameAndWhatTheCompanyDoesIsNoPerson) {
  const auto x = Run("News\n\nNina Health has raised $2 million. The round was led by Brasswick Capital, with "
                     "participation from Ada Pay and Tamsin Ventures.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Nina Health");
  EXPECT_EQ(AsSet(x.funding[0].investors), (std::set<std::string>{"Brasswick Capital", "Ada Pay", "Tamsin Ventures"}));
  const auto list = Run("News\n\nKorvane has raised $2 million in a pre-seed round with participation from "
                        "Brasswick Capital and Clara Tech Syndicate. Students of the Anderson School cheered.");
  ASSERT_EQ(list.funding.size(), 1u);
  EXPECT_EQ(AsSet(list.funding[0].investors), (std::set<std::string>{"Brasswick Capital", "Clara Tech Syndicate"}));
  for (const auto* found : {&x, &list})
    for (const auto& e : found->entities) EXPECT_NE(e.type, EntityType::kPer) << e.text;
}

// Stop 34: a family name with a capital inside after a SURNAME_PREFIX ("McBane", "O’Brien") keeps a
// person's shape, so a context that names companies ("Toronto-based") leaves the name to the people
// pass; a brand written so after no such start stays a company.
TEST_F(UnseenNames, AFamilyNameWithACapitalInsideIsStillAPerson) {
  const std::string text = "News\n\nThe fund was launched by Toronto-based Michelle McBane in 2017. The app was "
                           "built by Boston-based Clara TechCorp, and Sarah O’Brien of Denver-based Sarah O’Brien "
                           "Advisory said so.";
  const auto people = People(text);
  EXPECT_TRUE(people.count("Michelle McBane"));
  EXPECT_TRUE(people.count("Sarah O’Brien"));
  const auto orgs = Orgs(text);
  EXPECT_FALSE(orgs.count("Michelle McBane"));
  EXPECT_TRUE(orgs.count("Clara TechCorp"));
}

// Stop 34: an adverb that opens a sentence is no word of the name after it (NAME_STOPWORD).
TEST_F(UnseenNames, AnAdverbOpeningASentenceIsNoPartOfAName) {
  const std::string text = "News\n\nShares fell. Then Sarah Collins, an analyst, said the fall was over.";
  EXPECT_TRUE(People(text).count("Sarah Collins"));
  EXPECT_TRUE(Orgs(text).empty());
}

// Stop 34: a one-word place or firm of the gazetteer right after a known given name is the person's
// family name, not the place or the firm.
TEST_F(UnseenNames, AFirmsNameAfterAGivenNameIsAFamilyName) {
  const std::string text = "News\n\nWe met CEO Anna Ford in Hanoi. George Washington would have liked Ford's cars.";
  const auto people = People(text);
  EXPECT_TRUE(people.count("Anna Ford"));
  EXPECT_TRUE(people.count("George Washington"));
  EXPECT_TRUE(Orgs(text).count("Ford"));  // the second sentence's own mention
  for (const auto& e : Run(text).entities) {
    if (e.text == "Ford" || e.text == "Washington") {
      EXPECT_GT(e.start, text.find("liked")) << e.text;
    }
  }
}

// Stop 34: a place that is also a given name (PLACE_GIVEN_NAME) before a capitalised word that is no
// place or firm starts a person's name; before a comma or another place it stays the place.
TEST_F(UnseenNames, APlaceThatIsAGivenNameStartsAPersonsName) {
  const std::string text = "News\n\nBy Austin DeNoce, Benzinga\n\nOrlando Bravo, Founder and Managing Partner at "
                           "Thoma Bravo, spoke in Austin, Texas, and in Orlando Florida.";
  const auto people = People(text);
  EXPECT_TRUE(people.count("Austin DeNoce"));
  EXPECT_TRUE(people.count("Orlando Bravo"));
  EXPECT_FALSE(people.count("Bravo"));
  std::set<std::string> places;
  for (const auto& e : Run(text).entities)
    if (e.type == EntityType::kLoc) places.insert(e.text);
  EXPECT_TRUE(places.count("Austin"));
  EXPECT_TRUE(places.count("Orlando"));
}

// Round 28: a given name written with its accents ("Étienne", "Loïc") starts a person, as its plain
// spelling does.
TEST_F(UnseenNames, AnAccentedGivenName) {
  const auto people = People("News\n\nThe round drew Étienne Brindle and Loïc Kestrel.");
  for (const char* person : {"Étienne Brindle", "Loïc Kestrel"}) EXPECT_TRUE(people.count(person)) << person;
}

// Stop 34: a couple named by their given names and one family name ("Sophia and John Lin") is two
// people of that family name; the first one's mention is the given name alone.
TEST_F(UnseenNames, ACoupleSharesTheFamilyName) {
  const auto x = Run("News\n\nThe studio was founded by Sophia and John Lin in 2018. Jane & Tom Orrin joined.");
  std::set<std::string> names;
  for (const auto& e : x.entities)
    if (e.type == EntityType::kPer) names.insert(e.name);
  for (const char* person : {"Sophia Lin", "John Lin", "Jane Orrin", "Tom Orrin"}) EXPECT_TRUE(names.count(person)) << person;
}

// Stop 34: a first initial before a known given name is part of the name.
TEST_F(UnseenNames, AFirstInitialBeforeTheGivenName) {
  const auto people = People("News\n\nCatalio was founded by R. Jacob Vogelstein in 2012.");
  EXPECT_TRUE(people.count("R. Jacob Vogelstein"));
  EXPECT_FALSE(people.count("Jacob Vogelstein"));
}

// Round 21: "for" and "and" in lower case between capitalised words are words of an institution's
// name, not where it breaks ("University of Lisbon and Towson University", above, stays two).
TEST_F(UnseenNames, ForAndAndInsideAnInstitutionsName) {
  const auto orgs = Orgs("News\n\nAnalysts at the Kelvo Centre for Strategic Studies disagreed. The Brindle "
                         "Institute for Arts and Letters (BIAL) agreed.");
  EXPECT_TRUE(orgs.count("Kelvo Centre for Strategic Studies"));
  EXPECT_TRUE(orgs.count("Brindle Institute for Arts and Letters"));
  EXPECT_FALSE(orgs.count("Strategic Studies"));
  EXPECT_FALSE(orgs.count("Letters"));
}

// Round 22: a raise told as made larger is a raise of its new size ("boosts capital raise to $100
// million"), and a loan facility the money closes out is no raise, its lender no investor.
TEST_F(UnseenNames, ARaiseMadeLargerAndALoanItRepays) {
  auto x = Run("News\n\nKelvo Mining Ltd has boosted its capital raise to $60 million for the Zulu Project expansion.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Kelvo Mining");
  EXPECT_EQ(x.funding[0].amount.value_or(0), 60e6);
  x = Run("Kelvo Mining Raises $60 Million\n\nThe funds will be used to close out a $20 million Term Loan "
          "Facility with Orrin Partners LLC.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].amount.value_or(0), 60e6);
  EXPECT_TRUE(x.funding[0].investors.empty());
}

// Round 22: a round that began closing is a raise, without an amount ("began closing its Series E
// financing round").
TEST_F(UnseenNames, ARoundThatBeganClosing) {
  const auto x = Run("News\n\nTarnwell (OTCQB: TRNW) began closing its Series E financing round and appointed a "
                     "chairman.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].investee, "Tarnwell");
  EXPECT_EQ(x.funding[0].round, "series-e");
  EXPECT_FALSE(x.funding[0].amount.has_value());
}

// Round 22: the body's exact proceeds replace the headline's rounding, told by "the company" as "a
// total base size of", or as warrants exercised "generating" them.
TEST_F(UnseenNames, ProceedsOfAnOfferingOrOfWarrantsExercised) {
  auto x = Run("Kelvo Energy Secures $33M in IPO\n\nThe company recently closed its initial public offering of "
               "3,703,704 ordinary shares, each at a public offering price of US$9.00, for a total base size of "
               "US$33.3 million.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].amount.value_or(0), 33.3e6);
  x = Run("Kelvo Pharma Secures $5.3 Million from Warrant Exercises\n\nKelvo Pharma (NASDAQ: KLVP) announced the "
          "exercise of warrants at a strike price of $6.43, generating $5,306,000 in proceeds.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].amount.value_or(0), 5306000);
}

// Round 24: money a community helped to raise, or raised for people in need, is a charity's total;
// the headline's campaign that names it is no raise either.
TEST_F(UnseenNames, MoneyACommunityHelpedToRaiseIsNoRaise) {
  const auto x = Run("Kelvo and Orrin Club Campaign Raises $378,000 for the Tamsin Community Food Bank\n\nThe "
                     "community helped to raise more than $378,000 for local families in need through the campaign.");
  EXPECT_TRUE(x.funding.empty());
}

// Round 24: more ways to name the investors after the deal: they provided the funding, the round saw
// them invest, the company raised the money from them, the investment was made by them.
TEST_F(UnseenNames, InvestorsWhoProvidedTheFundingOrWhomTheRoundSawInvest) {
  for (const char* text :
       {"Kelvo Raises $5M\n\nKelvo has raised $5 million. Orrin Ventures and Tamsin Capital provided the funding.",
        "Kelvo Raises $5M\n\nKelvo has raised $5 million. The round saw Orrin Ventures and Tamsin Capital invest.",
        "Kelvo secures $5M\n\nKelvo said it raised the money from Orrin Ventures and Tamsin Capital.",
        "Kelvo Raises $5M\n\nKelvo has raised $5 million. The investment was made by Orrin Ventures and Tamsin "
        "Capital."}) {
    const auto x = Run(text);
    ASSERT_EQ(x.funding.size(), 1u) << text;
    EXPECT_EQ(AsSet(x.funding[0].investors), (std::set<std::string>{"Orrin Ventures", "Tamsin Capital"})) << text;
  }
}

// Round 24: more verbs of a raise ("Rakes In", "Pulls In", "wrapped up"), before a round or a fund word;
// the same verbs before sales are no raise. Debt told by a debenture gets its round. The verbs that name
// the company are the funding rule's own list (EN_RAISE_MORE), "Brings In" included.
TEST_F(UnseenNames, MoreVerbsOfARaiseAndADebenture) {
  for (const char* text : {"Kelvo Rakes In $5 Million in Seed Funding\n\nNews Direct",
                           "Kelvo Brings In $5 Million in Seed Funding\n\nNews Direct",
                           "Kelvo Pulls In $5M Series A Led by Orrin Ventures\n\nNews Direct",
                           "News\n\nKelvo has wrapped up a $5 million seed round led by Orrin Ventures."}) {
    const auto x = Run(text);
    ASSERT_EQ(x.funding.size(), 1u) << text;
    EXPECT_EQ(x.funding[0].investee, "Kelvo") << text;
    EXPECT_EQ(x.funding[0].amount.value_or(0), 5e6) << text;
  }
  EXPECT_TRUE(Run("Kelvo Rakes In $5 Million in Sales\n\nNews").funding.empty());
  const auto x = Run("News\n\nKelvo Pharma secured an $8.0M debenture financing, strengthening its balance sheet.");
  ASSERT_EQ(x.funding.size(), 1u);
  EXPECT_EQ(x.funding[0].round, "debt");
}

// Round 25: a raise a company made told in a clause in brackets after its name, as a fund's release names
// its portfolio, is a record of its own beside the fund's.
TEST_F(UnseenNames, ARaiseToldInABracketedClauseIsItsOwnRecord) {
  const auto x = Run("Kelvo Capital closes $30M fund\n\nKelvo Capital has closed its first fund at $30 million. Its "
                     "portfolio includes payments platform Brindlo (who last year raised $6M in a Series A round).");
  ASSERT_EQ(x.funding.size(), 2u);
  EXPECT_EQ(x.funding[0].investee, "Kelvo Capital");
  EXPECT_EQ(x.funding[1].investee, "Brindlo");
  EXPECT_EQ(x.funding[1].amount.value_or(0), 6e6);
  EXPECT_EQ(x.funding[1].round, "series-a");
}

// Round 23: "Between" in a title-case headline ends what comes before it, as "From" does ("Facilitated
// the Transaction Between Kelvo Systems, Inc. and ..." names Kelvo Systems).
TEST_F(UnseenNames, BetweenEndsAHeadlinesRunBeforeAName) {
  const auto orgs = Orgs("Orrin Advisors Successfully Facilitated the Transaction Between Kelvo Systems, Inc. and "
                         "Brindle Technologies Group\n\nThe deal closed.");
  EXPECT_TRUE(orgs.count("Kelvo Systems, Inc."));
  EXPECT_FALSE(orgs.count("Transaction Between Kelvo Systems, Inc."));
}

// Round 23: Benchmark International (an M&A adviser) is not the gazetteer's venture firm Benchmark.
TEST_F(UnseenNames, BenchmarkInternationalIsNotBenchmark) {
  const auto orgs = Orgs("News\n\nBenchmark International has facilitated a transaction for Kelvo Systems.");
  EXPECT_TRUE(orgs.count("Benchmark International"));
  EXPECT_FALSE(orgs.count("Benchmark"));
}

// Round 23: "Holding" in the singular, "Bancorp" and "Bancshares" end a firm's name; "Holding" not
// before a capitalised word (a headline's "Into Multi-Brand Tech Holding Company" is no name).
TEST_F(UnseenNames, HoldingAndBancorpEndAFirmsName) {
  auto orgs = Orgs("News\n\nThe Kelvo Payments Holding (KPH) and Brindle Valley Bancorp agreed to merge.");
  EXPECT_TRUE(orgs.count("Kelvo Payments Holding"));
  EXPECT_TRUE(orgs.count("Brindle Valley Bancorp"));
  orgs = Orgs("Tarnwell Shifts Into Multi-Brand Tech Holding Company\n\nThe plan was approved.");
  EXPECT_FALSE(orgs.count("Multi-Brand Tech Holding"));
}

// Round 23: a bank named by where it is ("The National Bank of Orrinville"), as a university is.
TEST_F(UnseenNames, ABankOfAPlace) {
  const auto orgs = Orgs("News\n\nThe National Bank of Orrinville will open a branch.");
  EXPECT_TRUE(orgs.count("National Bank of Orrinville"));
  EXPECT_FALSE(orgs.count("National Bank"));
}

// Round 23: a state's postal code that the gazetteer leaves out ("TN", "CT") after a city and a comma,
// and a dateline's city in capitals before its state's code with no comma ("CONCORD NC - ").
TEST_F(UnseenNames, AStatesCodeAfterACity) {
  auto places = Mentions("News\n\nKNOXVILLE, TN, August 28, 2024 -- Kelvo reads CT scans in Hartford, CT.",
                         EntityType::kLoc);
  EXPECT_EQ(places, (std::set<std::string>{"KNOXVILLE", "TN", "Hartford", "CT"}));
  places = Mentions("News\n\nCONCORD NC - November 19, 2025 (NEWMEDIAWIRE) - Kelvo, Inc. opened a plant.",
                    EntityType::kLoc);
  EXPECT_EQ(places, (std::set<std::string>{"CONCORD", "NC"}));
}

// Round 23: "President" and "Attorney" before a person's name are titles, not the start of an
// organisation ("Attorney Brad Coates Secures ...", "led by club President Andrea Langella").
TEST_F(UnseenNames, ATitleBeforeAPersonMakesNoOrganisation) {
  auto text = std::string("Attorney Daniel Orrell Secures $1.25 Million Settlement in Kelvo Crash\n\nThe deal "
                          "was approved.");
  EXPECT_FALSE(Orgs(text).count("Attorney Daniel Orrell"));
  EXPECT_TRUE(People(text).count("Daniel Orrell"));
  text = "News\n\nTarnwell bought a stake from Orrin Holdings srl, led by club President Daniel Orrell.";
  EXPECT_FALSE(Orgs(text).count("President Daniel Orrell"));
  EXPECT_TRUE(People(text).count("Daniel Orrell"));
}

// Round 26: a bare name set off by what it is, whatever verb follows ("the largest ... brand", "one of
// the ... exchanges", "a leader in", "a renowned name in"); a sentence's adverb or a date before "the company" is no name.
TEST_F(UnseenNames, ANameSetOffByWhatItIs) {
  const auto orgs = Orgs("News\n\nQuorvex Barre, the largest barre workout brand in the country, will open a "
                         "studio. The token was listed on Tarnex, one of the top five virtual asset exchanges in "
                         "the region. Brindlewood, a leader in cold-chain logistics, will hire. Concurrently, the "
                         "company is expanding. Early in September, the company moved. The audit was conducted by "
                         "Orrinsult, a renowned name in smart contract audits.");
  for (const char* org : {"Quorvex Barre", "Tarnex", "Brindlewood", "Orrinsult"}) EXPECT_TRUE(orgs.count(org)) << org;
  for (const char* no : {"Concurrently", "September"}) EXPECT_FALSE(orgs.count(no)) << no;
}

// Round 26: a charity's total raised through its events is no raise.
TEST_F(UnseenNames, ACharitysTotalRaisedThroughEventsIsNoRaise) {
  const auto x = Run("News\n\nOrrin Mercantile will raise funds for Kelvo Proud, a charity helping wildfire "
                     "victims. Since its start, Kelvo Proud, formed by the Tamsin Spirits Association, has raised "
                     "over $100,000 through events at distilleries.");
  EXPECT_TRUE(x.funding.empty());
}

// Round 26: "Conservancy" ends a body's name and "Tribe of" a place names one; the source of a figure
// before its verb ("a report from X projects").
TEST_F(UnseenNames, AConservancyATribeAndAFiguresSource) {
  const auto orgs = Orgs("News\n\nA recent report from Orrin Market Insights projects growth. Tamsin Rivers "
                         "Conservancy has conveyed land to the Kelvo Tribe of Brindle County.");
  for (const char* org : {"Orrin Market Insights", "Tamsin Rivers Conservancy", "Kelvo Tribe of Brindle County"})
    EXPECT_TRUE(orgs.count(org)) << org;
}

// Round 26: more roles before a person ("actor", "advocate"), and the founders after "founded (in
// 2023) by".
TEST_F(UnseenNames, APersonAfterARoleOrFoundedBy) {
  const auto people = People("News\n\nThe film starred actor Darrow Vukov. Later crypto advocate Tamsin Brell took "
                             "the chair. Founded in 2023 by Quilla Wu and Orrin Kael, Kelvo grew.");
  for (const char* person : {"Darrow Vukov", "Tamsin Brell", "Quilla Wu", "Orrin Kael"})
    EXPECT_TRUE(people.count(person)) << person;
}

// Round 26: a highlight's capitalised "Acquired" before the company bought.
TEST_F(UnseenNames, AHighlightsAcquiredNamesTheCompany) {
  EXPECT_TRUE(Orgs("News\n\nHighlights\n\n* Acquired Tamsin Data Science on October 31, 2024, adding a portfolio.")
                  .count("Tamsin Data Science"));
}

// Round 26: a wire named in a dateline's parentheses.
TEST_F(UnseenNames, AWireInADatelinesParentheses) {
  EXPECT_TRUE(Orgs("Kelvo Partners with Orrin\n\nJERSEY CITY, NJ — July 28, 2026 — (TAMSIN NEWSWIRE) — Kelvo "
                   "announced a sponsorship.")
                  .count("TAMSIN NEWSWIRE"));
}

// Round 26: a firm named before its founder's name; the person stays a person.
TEST_F(UnseenNames, AFirmBeforeItsFoundersName) {
  const auto text = std::string("News\n\nAngels include Tamsin founder Orrin Kael and Brindle co-founder Quilla Wu.");
  const auto orgs = Orgs(text);
  for (const char* org : {"Tamsin", "Brindle"}) EXPECT_TRUE(orgs.count(org)) << org;
  const auto people = People(text);
  for (const char* person : {"Orrin Kael", "Quilla Wu"}) EXPECT_TRUE(people.count(person)) << person;
}

// Round 27: a brand with a capital inside, named bare as the subject of what a company does; a family
// name with a prefix ("MacArthur") is not taken.
TEST_F(UnseenNames, ABrandWithACapitalInsideAsASubject) {
  const auto orgs = Orgs("News\n\nKelvoConnect will participate in the summit on June 6. OrrinProp's investment "
                         "team met there. MacArthur will present the award.");
  for (const char* org : {"KelvoConnect", "OrrinProp"}) EXPECT_TRUE(orgs.count(org)) << org;
  EXPECT_FALSE(orgs.count("MacArthur"));
}

}  // namespace
}  // namespace pw::extract
