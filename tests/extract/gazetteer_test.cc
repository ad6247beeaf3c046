// Gazetteer::FindMentions passes over a word of the text without hashing it
// when no alias's first word has its shape (length, first and last byte), and
// keeps each alias's case and mark checks from Finish. These tests hold the
// scan to what it must find: every ORG, PER and LOC alias of the project's
// gazetteer, each placed in a sentence of its own; and a table of hand-made
// cases for the checks.
#include "extract/gazetteer.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/search_key.h"
#include "test_util.h"

namespace pw::extract {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<Gazetteer::Mention> Find(const Gazetteer& g, std::string_view text) {
  return g.FindMentions(text, text::MakeKeyedText(text));
}

TEST(Gazetteer, FindsEveryEntityAliasOfTheProjectGazetteer) {
  Gazetteer g;
  std::vector<std::string> errors;
  std::vector<std::string> aliases;
  for (const auto& e : std::filesystem::directory_iterator(pw::testing::SourceDir() / "rules/gazetteer")) {
    if (e.path().extension() != ".tsv") continue;
    const std::string content = ReadAll(e.path());
    g.AddFile(content, e.path().string(), errors);
    std::istringstream lines(content);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.empty() || line[0] == '#') continue;
      const std::size_t tab1 = line.find('\t');
      if (tab1 == std::string::npos || !IsEntityType(line.substr(0, tab1))) continue;
      const std::size_t tab2 = line.find('\t', tab1 + 1);
      aliases.push_back(line.substr(tab1 + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab1 - 1));
      if (tab2 == std::string::npos) continue;
      std::istringstream rest(line.substr(tab2 + 1));
      std::string alias;
      while (std::getline(rest, alias, '|')) {
        while (!alias.empty() && alias.front() == ' ') alias.erase(0, 1);
        while (!alias.empty() && (alias.back() == ' ' || alias.back() == '\r')) alias.pop_back();
        if (!alias.empty()) aliases.push_back(alias);
      }
    }
  }
  g.Finish();
  ASSERT_TRUE(errors.empty()) << errors.front();
  ASSERT_GT(aliases.size(), 1000u);
  int checked = 0;
  for (const std::string& alias : aliases) {
    // An alias with no word of letters or digits is never looked for; one
    // with a comma, a parenthesis or an underscore between its words, or
    // one that starts or ends with neither a letter nor a digit ("Vietnam+",
    // "--News Direct--"), is found only in part, or not at all.
    const std::string key = text::SearchKey(alias);
    if (key.find_first_of("abcdefghijklmnopqrstuvwxyz0123456789") == std::string::npos) continue;
    if (alias.find_first_of(",()_:;") != std::string::npos) continue;
    auto word_byte = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); };
    if (!word_byte(alias.front()) || !(word_byte(alias.back()) || alias.back() == '.')) continue;
    const std::string text = "Tin: " + alias + " .";
    const auto mentions = Find(g, text);
    // Found where it starts; as long or longer (a longer alias may win).
    bool found = false;
    for (const auto& m : mentions) found = found || (m.start == 5 && m.end >= 5 + alias.size() - (alias.back() == '.'));
    EXPECT_TRUE(found) << "'" << alias << "' not found in '" << text << "'";
    ++checked;
  }
  EXPECT_GT(checked, 1000);
}

TEST(Gazetteer, KeepsTheCaseAndMarkChecksOfEachAlias) {
  Gazetteer g;
  std::vector<std::string> errors;
  g.AddFile("ORG\tĐảng Cộng sản\tĐảng\n"
            "ORG\tNIC\tNIC\n"
            "LOC\tHoa Kỳ\tU.S. | Mỹ\n"
            "ORG\tSao Bắc Đẩu\tSao Bắc Đẩu Group\n",
            "test.tsv", errors);
  g.Finish();
  ASSERT_TRUE(errors.empty());
  struct Case {
    const char* text;
    std::vector<std::pair<std::size_t, std::size_t>> spans;
  };
  const std::vector<Case> cases = {
      {"Đảng đã họp", {{0, 7}}},             // marks as in the alias
      {"Đáng nói là", {}},                   // other marks: another word
      {"Dang hop", {{0, 4}}},                // no marks at all: by the key
      {"đảng viên", {}},                     // the alias starts with a capital
      {"NIC said", {{0, 3}}},                // an acronym as written
      {"Nic said", {}},                      // not in another case
      {"the U.S. market", {{4, 8}}},         // its last dot too
      {"Sao Bắc Đẩu Group và Mỹ", {{0, 22}, {27, 31}}},
      {"Sao Bắc Đẩu, Group", {{0, 16}}},     // a comma ends a name
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const auto& m : Find(g, c.text)) spans.emplace_back(m.start, m.end);
    EXPECT_EQ(spans, c.spans);
  }
}

}  // namespace
}  // namespace pw::extract
