// The round slugs of the contract are written in three places that must
// agree: the gazetteer's ROUND canonical names (rules/gazetteer, what the
// extractor gives), extract::kRoundSlugs (what --round and the API's round=
// accept) and the dashboard's ROUNDS (src/app/web/i18n.js, its round filter).
#include <algorithm>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "extract/extraction.h"
#include "test_util.h"

namespace pw::app {
namespace {

std::set<std::string> Slugs() { return {extract::kRoundSlugs.begin(), extract::kRoundSlugs.end()}; }

TEST(RoundSlugs, AreTheGazetteersRoundNames) {
  std::set<std::string> canonical;
  for (const auto& file : std::filesystem::directory_iterator(testing::SourceDir() / "rules" / "gazetteer")) {
    std::istringstream lines(testing::ReadFile(file.path()));
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("ROUND\t", 0) != 0) continue;
      const std::string rest = line.substr(6);
      canonical.insert(rest.substr(0, rest.find('\t')));
    }
  }
  EXPECT_EQ(canonical, Slugs());
}

TEST(RoundSlugs, AreTheDashboardsRounds) {
  const std::string js = testing::ReadFile(testing::SourceDir() / "src" / "app" / "web" / "i18n.js");
  std::smatch list;
  ASSERT_TRUE(std::regex_search(js, list, std::regex(R"(const ROUNDS = \[([^\]]*)\])")));
  std::set<std::string> rounds;
  const std::string items = list[1];
  const std::regex quoted("\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(items.begin(), items.end(), quoted); it != std::sregex_iterator(); ++it)
    rounds.insert((*it)[1]);
  EXPECT_EQ(rounds, Slugs());
}

}  // namespace
}  // namespace pw::app
