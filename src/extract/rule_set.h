// extract/rule_set.h: every rule and gazetteer under rules/, compiled once.
//
//   auto rules = RuleSet::Load("rules");          // Result<shared_ptr<const RuleSet>>
//   if (!rules) { print(rules.error().message); } // every error, one per line, FILE:LINE: why
//
// Load reads rules/*.rules (rule_file.h) and rules/gazetteer/*.tsv
// (gazetteer.h), expands the placeholders of each pattern, and compiles it
// with RE2. Placeholders:
//   {NAME}          a define'd sub-pattern, inlined
//   {TITLE}         a gazetteer term type: the alternation of its aliases
//   {ORG} {PER} {LOC} {MONEY} {DATE} {PERCENT}
//                   an entity already found, in PER, funding and event rules
//   {ORGS} {PERS} {LOCS}
//                   a list of them joined by the define LIST_SEP
//   {X:field}       any of the above, captured into a record field
// and the fields each kind of rule may fill are checked. For each pass and
// language, a prefilter (re2::FilteredRE2: the literal strings each rule
// needs, found in a sentence by one RE2::Set of literals) keeps a rule from
// running on a sentence that lacks them, so the cost of a document grows
// little with the number of rules. The rules with no literal of three bytes
// or more (only classes, or an alternation with a short branch such as "$")
// are run in the same RE2::Set as the literals (a large one as a part of it
// every match holds), one scan a sentence, then only where the Set finds them.
//
// A RuleSet is immutable once loaded: share it as shared_ptr<const RuleSet>
// across threads; a reload builds a new one.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/error.h"

namespace pw::extract {

class Gazetteer;
struct RuleSetData;

class RuleSet {
 public:
  // Every error in the directory, in file and line order, as
  // "FILE:LINE: message"; empty when the rules are good; with the counts
  // of what compiled. Does not throw.
  struct CheckReport {
    std::vector<std::string> errors;
    std::size_t rule_count = 0;
    std::size_t gazetteer_size = 0;
  };
  static CheckReport Check(const std::string& directory);

  // The compiled rules, or kMalformed whose message holds every error, one
  // per line; kNotFound when the directory does not exist or holds no rules.
  static Result<std::shared_ptr<const RuleSet>> Load(const std::string& directory);

  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  const Gazetteer& gazetteer() const;
  std::size_t rule_count() const;
  std::size_t gazetteer_size() const;
  const std::string& directory() const;

  // For the extractor (extract/*.cc); not a public surface.
  const RuleSetData& data() const { return *data_; }

 private:
  explicit RuleSet(std::unique_ptr<RuleSetData> data);
  std::unique_ptr<RuleSetData> data_;
};

}  // namespace pw::extract
