// ForEachMatch finds a match's span first and its groups after, some of them
// without RE2's NFA (a pattern that is one group; HEAD(?P<f>BODY)TAIL read
// with DFA searches of its parts). These tests hold it to the plain way: one
// RE2::Match for span and groups together, on hand-made rules and on every
// rule of the project over real text.
#include "extract/matcher.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "extract/compiled_rules.h"
#include "extract/extract.h"
#include "extract/masked_text.h"
#include "extract/rule_set.h"
#include "text/normalize.h"
#include "text/sentences.h"
#include "project_rules.h"
#include "test_util.h"

namespace pw::extract {
namespace {

using pw::testing::TempDir;
using pw::testing::WriteFile;

// The matches as ForEachMatch found them before it split the search: one
// RE2::Match for span and groups, the word check after.
std::vector<RuleMatch> ReferenceMatches(const CompiledRule& rule, std::string_view text, bool whole_words,
                                        std::size_t begin, std::size_t limit) {
  std::vector<RuleMatch> out;
  const int groups = rule.re->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> pieces(static_cast<std::size_t>(groups));
  const re2::StringPiece input(text.data(), text.size());
  std::size_t pos = begin;
  while (pos <= limit) {
    if (!rule.re->Match(input, pos, limit, RE2::UNANCHORED, pieces.data(), groups)) break;
    const std::size_t start = static_cast<std::size_t>(pieces[0].data() - text.data());
    const std::size_t end = start + pieces[0].size();
    if (whole_words && (!IsWordBoundary(text, start) || !IsWordBoundary(text, end))) {
      pos = start + 1;
      while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
      continue;
    }
    RuleMatch match{start, end, {}};
    for (int g = 1; g < groups; ++g) {
      const auto& field = rule.group_field[static_cast<std::size_t>(g)];
      if (field.empty() || pieces[static_cast<std::size_t>(g)].data() == nullptr) continue;
      const std::size_t s = static_cast<std::size_t>(pieces[static_cast<std::size_t>(g)].data() - text.data());
      match.captures.push_back({field, s, s + pieces[static_cast<std::size_t>(g)].size()});
    }
    out.push_back(std::move(match));
    if (end > start) {
      pos = end;
    } else {
      pos = start + 1;
      while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    }
  }
  return out;
}

std::string Describe(const std::vector<RuleMatch>& matches, std::string_view text) {
  std::ostringstream s;
  for (const auto& m : matches) {
    s << "[" << text.substr(m.start, m.end - m.start) << "]";
    for (const auto& c : m.captures) s << " " << c.field << "=" << text.substr(c.start, c.end - c.start);
    s << "\n";
  }
  return s.str();
}

// How many matches were compared; fails the test on the first difference.
std::size_t ExpectSameAsReference(const CompiledRule& rule, std::string_view text, bool whole_words,
                                  std::size_t begin, std::size_t limit) {
  std::vector<RuleMatch> found;
  ForEachMatch(rule, text, whole_words, [&](const RuleMatch& m) { found.push_back(m); }, begin, limit);
  const auto expected = ReferenceMatches(rule, text, whole_words, begin, std::min(limit, text.size()));
  const std::string a = Describe(found, text), b = Describe(expected, text);
  EXPECT_EQ(a, b) << "rule " << rule.spec.Where() << " " << rule.spec.name << " on: " << text.substr(begin, limit - begin);
  return expected.size();
}

// ForEachMatchInSpans against ForEachMatch span by span: the same matches,
// with the same span indexes, in the same order. Returns how many.
std::size_t ExpectSpansSameAsOneByOne(const CompiledRule& rule, std::string_view text, bool whole_words,
                                      const std::vector<text::Span>& spans) {
  std::ostringstream one_by_one, together;
  std::size_t count = 0;
  for (std::size_t k = 0; k < spans.size(); ++k)
    ForEachMatch(rule, text, whole_words, [&](const RuleMatch& m) {
      one_by_one << k << " " << Describe({m}, text);
      ++count;
    }, spans[k].begin, spans[k].end);
  ForEachMatchInSpans(rule, text, whole_words, spans,
                      [&](std::size_t k, const RuleMatch& m) { together << k << " " << Describe({m}, text); });
  EXPECT_EQ(together.str(), one_by_one.str()) << "rule " << rule.spec.Where() << " " << rule.spec.name;
  return count;
}

const CompiledRule& RuleNamed(const RuleSet& rules, std::string_view name) {
  for (const auto& r : rules.data().rules)
    if (r->spec.name == name) return *r;
  ADD_FAILURE() << "no rule " << name;
  return *rules.data().rules.front();
}

// Word classes make the patterns large enough for a GroupTree (RE2's
// backtracker finds the groups of small ones).
constexpr const char* kOneGroupRules =
    "define W: [\\p{Lu}][\\p{L}\\p{N}]*\n"
    "define WORDS: {W}(?: {W}){0,4}\n"
    // The head's preferred match ("Công ty") leaves "Cổ phần Vina Milk" to a
    // body of two or more capitalised words, which fails: the NFA must pick
    // "Công ty Cổ phần".
    "ORG t.prefix: (?:Công ty|Công ty Cổ phần) (?P<name>{W} {W}(?: {W}){0,3})\n"
    // A tail after the group: the body's preferred match takes "Inc" too,
    // and the tail then fails: the NFA gives the group without it.
    "ORG t.middle: (?:maker|firm) (?P<name>{WORDS}),? (?:Inc|Ltd)\\b\n"
    "ORG t.whole: (?P<name>{WORDS} (?:Group|Holdings))\n"
    // No head: the body's preferred match ("Masan Group") leaves the tail
    // nothing, and the NFA must give the group; lazily, the body's
    // preferred match is the group.
    "ORG t.first: (?P<name>{WORDS}) (?:Group|Holdings)\n"
    "ORG t.first_lazy: (?P<name>{W}(?: {W}){0,4}?) (?:Group|Holdings)\n";

TEST(ForEachMatch, OneGroupTreesReadThePartsAndAgreeWithOneSearch) {
  TempDir dir;
  WriteFile(dir.path() / "t.rules", kOneGroupRules);
  auto loaded = RuleSet::Load(dir.path().string());
  ASSERT_OK(loaded);
  const RuleSet& rules = **loaded;
  // The tree of HEAD(?P<name>BODY)TAIL: a sequence of the parts there are,
  // the group's body matched as the group's own pattern.
  const auto kinds = [&](std::string_view name) {
    std::vector<GroupTree::Kind> out;
    const GroupTree* tree = RuleNamed(rules, name).Tree();
    if (!tree || tree->kind != GroupTree::Kind::kSequence) return out;
    for (const GroupTree& part : tree->children) {
      out.push_back(part.kind);
      EXPECT_NE(part.re, nullptr) << name;
      if (part.kind == GroupTree::Kind::kGroup) {
        EXPECT_EQ(part.children.at(0).re, nullptr) << name;
      }
    }
    return out;
  };
  using K = GroupTree::Kind;
  EXPECT_EQ(kinds("t.prefix"), (std::vector<K>{K::kLeaf, K::kGroup}));
  EXPECT_EQ(kinds("t.middle"), (std::vector<K>{K::kLeaf, K::kGroup, K::kLeaf}));
  EXPECT_EQ(RuleNamed(rules, "t.whole").whole_match_group, 1);
  EXPECT_EQ(RuleNamed(rules, "t.whole").Tree(), nullptr);
  for (const char* name : {"t.first", "t.first_lazy"}) {
    EXPECT_EQ(kinds(name), (std::vector<K>{K::kGroup, K::kLeaf})) << name;  // nothing before the group
    EXPECT_EQ(RuleNamed(rules, name).whole_match_group, 0) << name;
  }

  const std::string text =
      "Hôm nay Công ty Cổ phần Vina Milk và Công ty Masan Group, còn maker Acme Robotics Inc và firm Beta Ltd. "
      "Công ty Sữa Việt Nam";
  std::size_t compared = 0;
  for (const auto& rule : rules.data().rules) compared += ExpectSameAsReference(*rule, text, true, 0, text.size());
  EXPECT_GE(compared, 8u);

  auto names = [&](std::string_view rule_name) {
    std::vector<std::string> out;
    ForEachMatch(RuleNamed(rules, rule_name), text, true, [&](const RuleMatch& m) {
      const Capture* c = m.First("name");
      out.push_back(c ? std::string(text.substr(c->start, c->end - c->start)) : "-");
    });
    return out;
  };
  EXPECT_EQ(names("t.prefix"), (std::vector<std::string>{"Vina Milk", "Masan Group", "Sữa Việt Nam"}));
  EXPECT_EQ(names("t.middle"), (std::vector<std::string>{"Acme Robotics", "Beta"}));
  EXPECT_EQ(names("t.whole"), (std::vector<std::string>{"Masan Group"}));
  EXPECT_EQ(names("t.first"), (std::vector<std::string>{"Masan"}));
  EXPECT_EQ(names("t.first_lazy"), (std::vector<std::string>{"Masan"}));
}

// One group in other shapes: the tree reads the first three (the split it
// replaced did not), RE2 the last two.
TEST(ForEachMatch, OneGroupInOtherShapes) {
  TempDir dir;
  WriteFile(dir.path() / "t.rules",
            "define W: [\\p{Lu}][\\p{L}\\p{N}]*\n"
            "ORG t.alt: Công ty (?P<name>{W}(?: {W}){0,4})|Tập đoàn {W}\n"     // an alternation at the top
            "ORG t.rep: Công ty (?P<name>{W}(?: {W}){0,4})?\n"                 // an optional group
            "ORG t.nested: Công ty (?:(?P<name>{W}(?: {W}){0,4}) )?JSC\n"      // a group inside another
            "ORG t.flags: (?i)công ty (?P<name>{W}(?: {W}){0,4})\n"            // flags for the rest
            "ORG t.small: Công ty (?P<name>[A-Z][a-z]+)\n");                 // small: RE2 backtracks fast
  auto loaded = RuleSet::Load(dir.path().string());
  ASSERT_OK(loaded);
  for (const char* name : {"t.alt", "t.rep", "t.nested"}) EXPECT_NE(RuleNamed(**loaded, name).Tree(), nullptr) << name;
  for (const char* name : {"t.flags", "t.small"}) EXPECT_EQ(RuleNamed(**loaded, name).Tree(), nullptr) << name;
  for (const char* name : {"t.alt", "t.rep", "t.nested", "t.flags", "t.small"})
    EXPECT_EQ(RuleNamed(**loaded, name).whole_match_group, 0) << name;
  const std::string text = "CÔNG TY Alpha Beta, Công ty Gamma JSC, Tập đoàn Delta, Công ty Epsilon";
  for (const auto& rule : (*loaded)->data().rules) ExpectSameAsReference(*rule, text, true, 0, text.size());
}

// Rules with several groups, large enough for RE2's NFA, of the shapes a
// GroupTree reads: a sequence with optional parts, an alternation at the
// top, a group in a group, an optional part that can match empty; and two
// where taking each part's preferred match in turn does not reach the end,
// so that RE2's NFA must decide.
constexpr const char* kTreeRules =
    "define W: [\\p{Lu}][\\p{L}\\p{N}]*\n"
    "define WORDS: {W}(?: {W}){0,4}\n"
    "MONEY t.money: (?P<amount>\\d+(?:[.,]\\d+)?)(?: ?(?P<scale>tỷ|triệu|million|m))?"
    "(?: ?(?:-|đến|to) ?(?P<amount_max>\\d+(?:[.,]\\d+)?)(?: ?(?P<scale_max>tỷ|triệu|million|m))?)? ?"
    "(?P<currency>đồng|USD|\\p{Sc}|[\\p{Lu}]{3}\\b)\n"
    "LOC t.branches: (?:Quận|Tỉnh) (?:(?P<name>{W}(?: {W}){1,2}?) (?:ông|bà)|(?P<name2>{WORDS}))\n"
    "ORG t.top_alt: (?P<name>Bộ {W}) (?:ông|bà)|(?P<name2>Sở {WORDS})(?:,|$)\n"
    "ORG t.nested: (?P<name>(?P<name2>{W}) {W})(?: (?P<name3>Group|JSC))?\n"
    "ORG t.empty: (?P<name>{W})(?:(?P<name2>[0-9]*))?(?P<name3>!?)\n"
    // The first group's preferred match takes every word: the second gets
    // none, and the NFA gives the last word to it.
    "ORG t.greedy_first: (?P<name>{W}(?: {W}){0,3}) (?P<name2>{W})\\b\n"
    // The optional part's preferred match takes "Group", then the tail fails.
    "ORG t.optional_first: (?P<name>{W})(?: (?P<name2>{W}))? (?P<name3>Group) JSC\n";

TEST(ForEachMatch, GroupTreesAgreeWithOneSearch) {
  TempDir dir;
  WriteFile(dir.path() / "t.rules", kTreeRules);
  auto loaded = RuleSet::Load(dir.path().string());
  ASSERT_OK(loaded);
  const RuleSet& rules = **loaded;
  for (const char* name : {"t.money", "t.branches", "t.top_alt", "t.nested", "t.empty", "t.greedy_first",
                           "t.optional_first"})
    EXPECT_NE(RuleNamed(rules, name).Tree(), nullptr) << name;
  const std::string text =
      "Giá 5 tỷ đồng, 1,5-2 triệu USD, 3 đến 4 m EUR, 7€ và 9 million. Quận Hoàn Kiếm ông Nam, Tỉnh Bắc Ninh. "
      "Bộ Tài chính bà Lan, Sở Kế Hoạch Đầu Tư, Masan Group và Vina Milk JSC, Alpha12! Beta Gamma Delta Epsilon. "
      "Acme Group JSC, Acme Beta Group JSC";
  std::size_t compared = 0;
  for (const auto& rule : rules.data().rules) compared += ExpectSameAsReference(*rule, text, true, 0, text.size());
  EXPECT_GE(compared, 15u);

  auto fields = [&](std::string_view rule_name) {
    std::vector<std::string> out;
    ForEachMatch(RuleNamed(rules, rule_name), text, true, [&](const RuleMatch& m) {
      std::string line;
      for (const Capture& c : m.captures) line += c.field + "=" + std::string(text.substr(c.start, c.end - c.start)) + ";";
      out.push_back(line);
    });
    return out;
  };
  EXPECT_EQ(fields("t.money").at(1), "amount=1,5;amount_max=2;scale_max=triệu;currency=USD;");
  // name's preferred match is "Quận Hoàn Kiếm", which leaves name2 nothing.
  EXPECT_EQ(fields("t.greedy_first").at(0), "name=Quận Hoàn;name=Kiếm;");
  // name2's preferred match is "Group", which leaves name3 nothing.
  EXPECT_EQ(fields("t.optional_first"), (std::vector<std::string>{"name=Acme;name=Group;", "name=Acme;name=Beta;name=Group;"}));
}

// The same rules, and two with lazy parts, on random texts made of the
// pieces they look at.
TEST(ForEachMatch, GroupTreesAgreeWithOneSearchOnRandomText) {
  TempDir dir;
  WriteFile(dir.path() / "t.rules",
            std::string(kTreeRules) +
                "ORG t.lazy: (?P<name>{W}(?: {W}){0,3}?) (?P<name2>{W}(?: {W}){0,2}?)(?P<name3>(?: JSC)?)\n"
                "ORG t.lazy_end: (?P<name>{W}(?: {W})?" "?) (?P<name2>(?:{W} )*?JSC|Group)(?:,|$)\n");
  auto loaded = RuleSet::Load(dir.path().string());
  ASSERT_OK(loaded);
  const std::vector<std::string> pieces = {"Acme", "Beta", "Group", "JSC", "ông", "Quận", "Bộ", "Sở", "5", "1,5",
                                           "tỷ", "triệu", "m", "đồng", "USD", "€", "-", "đến", ",", ".", "!", "12"};
  std::mt19937 random(8);
  std::size_t compared = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string text;
    const int count = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < count; ++i) {
      text += pieces[random() % pieces.size()];
      if (random() % 4) text += ' ';
    }
    for (const auto& rule : (*loaded)->data().rules) compared += ExpectSameAsReference(*rule, text, true, 0, text.size());
    if (::testing::Test::HasFailure()) return;
  }
  EXPECT_GT(compared, 1000u);
}

// Spans searched as runs: a match that reaches past a span's end is not
// one of that span's (the span's own search decides), one that starts
// between spans belongs to none, and the word check's retries stay in
// their span.
TEST(ForEachMatchInSpans, SameAsOneSpanAtATime) {
  TempDir dir;
  WriteFile(dir.path() / "t.rules",
            "ORG t.pair: (?P<name>Alpha Beta|Alpha)\n"
            "ORG t.cross: Gamma(?: Delta)?\n"
            "ORG t.word: (?P<name>ab)\n"
            "ORG t.empty: (?P<name>x*)\n"
            "ORG t.tail: Zeta\b\n");
  auto loaded = RuleSet::Load(dir.path().string());
  ASSERT_OK(loaded);
  const std::string text = "Alpha Beta. Alpha. Beta Gamma. Delta xab ab. Zeta Zetas Gamma Delta. abab ab";
  const std::vector<std::vector<text::Span>> layouts = {
      {{0, 11}, {12, 18}, {19, 30}, {31, 44}, {45, 68}, {69, text.size()}},  // sentences, one space apart
      {{0, 8}, {8, 16}, {16, 27}, {27, 40}, {40, 52}, {52, text.size()}},      // cut inside matches
      {{0, 11}, {31, 44}, {69, text.size()}},                                  // far apart
      {{0, 0}, {6, 6}, {6, 10}, {24, 29}, {29, 29}, {text.size(), text.size()}},  // empty spans
      {{0, text.size()}},
  };
  std::size_t compared = 0;
  for (const auto& spans : layouts)
    for (const auto& rule : (*loaded)->data().rules)
      for (bool whole_words : {true, false}) compared += ExpectSpansSameAsOneByOne(*rule, text, whole_words, spans);
  EXPECT_GT(compared, 40u);
}

// Every rule of the project, sentence by sentence, on the seed press items
// and on real articles from ../shared, plain and masked (the people and
// relation rules match entity tokens): the same matches and groups as one
// search for both.
TEST(ForEachMatch, ProjectRulesAgreeWithOneSearchOnRealText) {
  auto loaded = RuleSet::Load((pw::testing::SourceDir() / "rules").string());
  ASSERT_OK(loaded);
  const RuleSet& rules = **loaded;
  std::vector<std::string> texts;
  for (const char* seed : {"genai-open-innovation.vi.txt", "genai-open-innovation.en.txt"})
    texts.push_back(text::NormalizeDocument(pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo" / seed)));
  const auto articles = pw::testing::SharedDir() / "corpus/articles";
  for (const char* slice : {"vi/magizbox-baomoi-2017-business-slice/baomoi_business_slice.jsonl",
                            "en/newsworthy-press-release-archive-slice/press_releases_funding_sea.jsonl"}) {
    std::ifstream in(articles / slice);
    std::string line;
    for (int n = 0; n < 6 && std::getline(in, line); ++n) {
      const auto o = boost::json::parse(line).as_object();
      texts.push_back(text::NormalizeDocument(std::string(o.at("title").as_string()) + "\n\n" +
                                              std::string(o.at("text").as_string())));
    }
  }
  if (texts.size() == 2) GTEST_LOG_(INFO) << "../shared/corpus is absent: the seed press items only";
  std::size_t compared = 0, one_group_trees = 0, whole_rules = 0, tree_rules = 0;
  for (const auto& rule : rules.data().rules) {
    one_group_trees += rule->Tree() != nullptr && rule->re->NumberOfCapturingGroups() == 1;
    tree_rules += rule->Tree() != nullptr && rule->re->NumberOfCapturingGroups() > 1;
    whole_rules += rule->whole_match_group > 0;
  }
  for (const std::string& plain : texts) {
    const MaskedText masked(plain, pw::testing::EntitiesApart(Extract(rules, plain, {}).entities));
    for (const std::string* text : {&plain, &masked.str()}) {
      const auto sentences = text::SplitSentences(*text);
      for (const auto& rule : rules.data().rules)
        for (const auto& s : sentences) compared += ExpectSameAsReference(*rule, *text, true, s.begin, s.end);
      // Runs of sentences (all of them, then every third) give what the
      // sentences give one by one.
      for (std::size_t step : {1, 3}) {
        std::vector<text::Span> some;
        for (std::size_t i = 0; i < sentences.size(); i += step) some.push_back(sentences[i]);
        for (const auto& rule : rules.data().rules) ExpectSpansSameAsOneByOne(*rule, *text, true, some);
      }
      if (::testing::Test::HasFailure()) return;
    }
  }
  EXPECT_GT(one_group_trees, 10u);
  EXPECT_GT(tree_rules, 10u);
  EXPECT_GT(whole_rules, 3u);
  EXPECT_GT(compared, texts.size() > 2 ? 300u : 30u);
}

}  // namespace
}  // namespace pw::extract
