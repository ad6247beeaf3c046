// extract/compiled_rules.h: the compiled form of a RuleSet. Internal to
// pw_extract (rule_set.cc builds it; mentions.cc, people.cc and relations.cc
// read it).
#pragma once

#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include "extract/gazetteer.h"
#include "extract/rule_file.h"
#include "text/sentences.h"

namespace pw::extract {

// Where a rule runs: on the plain text, or on the text with the entities of
// the earlier passes replaced by tokens.
enum class Pass { kMentions = 0, kPeople = 1, kRelations = 2 };
inline constexpr int kPassCount = 3;

// Languages a document can have, as indexes: vi, en, other.
inline constexpr int kLanguageCount = 3;
// Languages rules are written in: vi, and en, which documents in any other
// language run too (rule_file.h: "@lang en" rules apply to every document
// that is not Vietnamese). The rules of en and other being the same, their
// compiled form (a FilteredRE2 and a Set per pass, which RE2 compiles from
// every pattern again) is built once.
inline constexpr int kRuleLanguageCount = 2;
inline constexpr int RuleLanguage(int language) { return language == 0 ? 0 : 1; }

// Entity tokens in masked text: U+E000, the type, the mention index, U+E001
// ("\uE000ORG12\uE001"). Private-use characters never appear in our input
// (NormalizeText keeps them, but masking replaces any it finds).
inline constexpr std::string_view kTokenOpen = "\xEE\x80\x80";   // U+E000
inline constexpr std::string_view kTokenClose = "\xEE\x80\x81";  // U+E001

// A pattern read as a tree of the parts that hold its capture groups, for a
// large pattern (RE2 then finds groups with its NFA, tens of thousands of
// instructions a match): the groups of a match found by the rule are read
// with DFA searches of the parts instead (ForEachMatch). One group,
// "HEAD(?P<name>BODY)TAIL", is a sequence of a leaf, a group and a leaf;
// several, e.g. "(?P<amount>N)(?: ?(?P<scale>S))? ?(?P<currency>C)", a
// sequence of a group, an optional part and a leaf. The parts RE2 prefers
// are the ones a backtracker tries first, so the sequence's parts are taken
// one after the other, each its preferred match, the last exactly to the
// end; when that does not reach the end, RE2's NFA decides as before
// (matcher.cc).
struct GroupTree {
  enum class Kind {
    kLeaf,      // no capture group inside
    kSequence,  // children in turn (consecutive leaves merged)
    kBranches,  // an alternation: the first child that matches
    kGroup,     // capture group `group` around children[0]
    kOptional,  // "(?:X)?", greedy: X (children[0]) if it matches
  };
  Kind kind = Kind::kLeaf;
  int group = 0;
  // The part's own pattern; null where no parent matches it: the root, and
  // a group's child (the group's own pattern is the one matched).
  std::unique_ptr<RE2> re;
  std::vector<GroupTree> children;
};

// The GroupTree of a rule's pattern when RE2 would find its groups with the
// NFA (a program over the backtracker's limit) and the tree can read it;
// null otherwise (rule_set.cc).
std::unique_ptr<GroupTree> GroupTreeOf(const RE2& re, const RE2::Options& options);

struct CompiledRule {
  RuleSpec spec;
  Pass pass = Pass::kMentions;
  // The pattern compiled; owned by the prefilter of the rule's pass and
  // language (PassRules::filter compiles each pattern it is given, and the
  // rule uses that RE2 rather than compiling it again).
  const RE2* re = nullptr;
  // For capture group i (1-based), the record field it fills, or "";
  // element 0 stands for the whole match and is always "".
  std::vector<std::string> group_field;
  // How many submatches ForEachMatch asks RE2 for: 1 + the last group that
  // fills a field (later groups are not tracked, which RE2 does faster).
  int submatches = 1;
  // When the whole pattern is one capture group ("(?P<name>...)" and nothing
  // around it), its number: the group is then the match itself, and
  // ForEachMatch needs no second search for it. 0 otherwise.
  int whole_match_group = 0;
  // For a large pattern with groups that GroupTree can read, its tree; null
  // otherwise. Built at the rule's first match, on any thread: building
  // every rule's tree was a fifth of loading the rules, which a start, a
  // SIGHUP and every extract wait for, and most rules never match a given
  // document.
  const GroupTree* Tree() const {
    std::call_once(tree_once_, [this] {
      if (whole_match_group == 0) tree_ = GroupTreeOf(*re, re->options());
    });
    return tree_.get();
  }
  mutable std::once_flag tree_once_;
  mutable std::unique_ptr<GroupTree> tree_;
};

struct PassRules {
  std::vector<const CompiledRule*> rules;  // by priority, highest first
  // The prefilter: FilteredRE2 knows the literal strings ("atoms") each rule
  // needs (filter id i is rules[i]); the Set `scan` finds which of them a
  // text holds, case-insensitively. A rule with no atom of its own is always
  // a candidate.
  // Matching literals is cheap and grows little with the number of rules,
  // where an RE2::Set of the rules themselves builds DFA states that multiply
  // across patterns.
  std::unique_ptr<re2::FilteredRE2> filter;
  int atom_count = 0;
  // The rules the prefilter cannot filter (a branch without a literal of
  // kMinAtomLength bytes: "$", "AG", a class) would otherwise run on every
  // sentence. `scan` also holds those rules (or a part every match holds),
  // after the atoms, and tells which may match in a sentence: index
  // atom_count + k of the Set is filter id unfiltered[k]. One Set for both,
  // so that a sentence is read once (two Sets read it twice).
  std::vector<int> unfiltered;
  // After them in `scan`, from index first_literal: the literal_count
  // distinct literals that rules' matches must hold as written (a run of
  // plain characters at the top level of the pattern); literal_of_rule[id]
  // is rule id's, or -1. A rule whose literal is not in a sentence is no
  // candidate there, whatever FilteredRE2 says (it can let a rule through on
  // fewer atoms than the rule needs).
  int first_literal = 0, literal_count = 0;
  std::vector<int> literal_of_rule;
  std::unique_ptr<RE2::Set> scan;  // null when no rule has atoms and none is unfiltered
};

struct RuleSetData {
  std::string directory;
  Gazetteer gazetteer;
  std::vector<std::unique_ptr<CompiledRule>> rules;
  // By pass and RuleLanguage(); read through For().
  std::array<std::array<PassRules, kRuleLanguageCount>, kPassCount> passes;

  // The rules of `pass` for a document in `language` (0 vi, 1 en, 2 other).
  const PassRules& For(Pass pass, int language) const {
    return passes[static_cast<std::size_t>(pass)][static_cast<std::size_t>(RuleLanguage(language))];
  }
};

// The rules of `pass` for a language (0 vi, 1 en, 2 other) that may match
// text[begin, end) (a sentence) when searched there with the rest of `text` as
// context (ForEachMatch with begin and limit), in priority order. A superset:
// a rule left out has no match there.
std::vector<const CompiledRule*> CandidateRules(const RuleSetData& data, Pass pass, int language,
                                                std::string_view text, std::size_t begin, std::size_t end);
// The same for each of `sentences` (spans of `text`), element i for
// sentence i: faster than one call per sentence, since each prefilter Set
// runs over all of them in turn.
std::vector<std::vector<const CompiledRule*>> CandidateRulesBySentence(const RuleSetData& data, Pass pass, int language,
                                                                       std::string_view text,
                                                                       const std::vector<text::Span>& sentences);
// The same turned around, for a pass that runs rule by rule: element r holds
// the indexes of the sentences where rule r of the pass (PassRules::rules,
// priority order) may match, ascending.
std::vector<std::vector<std::size_t>> CandidateSentencesByRule(const RuleSetData& data, Pass pass, int language,
                                                               std::string_view text,
                                                               const std::vector<text::Span>& sentences);

}  // namespace pw::extract
