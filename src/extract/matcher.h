// extract/matcher.h: running one compiled rule over a text. Internal to pw_extract.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/compiled_rules.h"
#include "extract/values.h"
#include "text/sentences.h"

namespace pw::extract {

struct Capture {
  std::string field;
  std::size_t start = 0, end = 0;  // bytes in the text matched
};

struct RuleMatch {
  std::size_t start = 0, end = 0;
  std::vector<Capture> captures;  // in group order; unset groups left out

  Fields AsFields(std::string_view text) const;
  const Capture* First(std::string_view field) const;
};

// Calls `on_match` for each non-overlapping match inside text[begin, limit),
// left to right; offsets are into `text`, which also serves as context for the
// word-boundary checks. With
// `whole_words`, a match must not start or end inside a word (RE2's \b knows
// only ASCII, so the check is done here, for Vietnamese letters too); a match
// that fails it is retried one character further on.
//
// The matches and groups are those of one RE2::Match per match, but found
// more cheaply: the span first (RE2's DFAs), the groups only for a span that
// passes the word check, and for a rule with a GroupTree by DFA searches of
// its parts when they can tell (tests/extract/matcher_test.cc holds the two
// ways equal over every project rule).
void ForEachMatch(const CompiledRule& rule, std::string_view text, bool whole_words,
                  const std::function<void(const RuleMatch&)>& on_match, std::size_t begin = 0,
                  std::size_t limit = std::string_view::npos);

// The same as ForEachMatch(rule, text, whole_words, ..., span.begin,
// span.end) for each of `spans` in turn (sorted, not overlapping), with the
// span's index passed to `on_match`; the same matches in the same order, but
// fewer RE2 calls: spans close together (sentences that follow one another)
// are searched as one run, and a span's own search is made only when a match
// of the run reaches past its end.
void ForEachMatchInSpans(const CompiledRule& rule, std::string_view text, bool whole_words,
                         const std::vector<text::Span>& spans,
                         const std::function<void(std::size_t, const RuleMatch&)>& on_match);

// Per-rule costs, for bench/extract_bench's PW_EXTRACT_RULE_COSTS mode: while
// a table is set, every ForEachMatch and ForEachMatchInSpans call adds its
// wall time, and the matches it reported, to its rule's entry. Not
// thread-safe: set it only in a single-threaded measurement; null (the
// default) costs one load per call.
struct RuleCost {
  double seconds = 0;
  std::size_t calls = 0, matches = 0;
};
using RuleCostTable = std::unordered_map<const CompiledRule*, RuleCost>;
void SetRuleCostTable(RuleCostTable* table);

// Whether the byte at `pos` begins or ends a word (letters, digits, marks).
bool IsWordBoundary(std::string_view text, std::size_t pos);

}  // namespace pw::extract
