#include "extract/matcher.h"

#include <algorithm>
#include <chrono>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace pw::extract {

namespace {

bool IsWordCodePoint(UChar32 c) {
  return c >= 0 && (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK);
}

UChar32 CodePointBefore(std::string_view text, std::size_t pos) {
  if (pos == 0) return -1;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return c;
}

UChar32 CodePointAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return -1;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return c;
}

std::size_t NextCodePoint(std::string_view text, std::size_t pos) {
  int32_t i = static_cast<int32_t>(pos);
  U8_FWD_1(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()));
  return static_cast<std::size_t>(i);
}

// The groups of the parse RE2 prefers among those of `node` that match
// exactly input[a, b) (the caller knows one does), into pieces; false where
// taking each part's preferred match in turn does not reach b (RE2's NFA
// then decides). RE2 gives the parse Perl's backtracking would find: a
// part's alternatives and repeats are tried in their order of preference
// first, and for each the rest must match up to b. So when a part's
// preferred match on its own (RE2's anchored search, which can end no later
// than b) is followed by parts that reach exactly b, that is the part's
// match in the chosen parse; part after part, the parse that takes each
// part's preferred match in turn, when it ends at b, is the first of all.
// When a check fails, some less preferred choice may still succeed, which
// only the NFA can tell. For HEAD(?P<name>BODY)TAIL: HEAD's preferred match,
// then BODY's, then TAIL exactly to b.
bool TreeGroups(const GroupTree& node, const re2::StringPiece& input, std::size_t a, std::size_t b,
                std::vector<re2::StringPiece>& pieces) {
  switch (node.kind) {
    case GroupTree::Kind::kLeaf:
      return true;
    case GroupTree::Kind::kGroup:
      pieces[static_cast<std::size_t>(node.group)] = re2::StringPiece(input.data() + a, b - a);
      return node.children[0].kind == GroupTree::Kind::kLeaf || TreeGroups(node.children[0], input, a, b, pieces);
    case GroupTree::Kind::kOptional: {
      // Greedy: X when X matches there, even empty; else nothing, and its groups stay unset.
      const GroupTree& x = node.children[0];
      if (b == a && !x.re->Match(input, a, b, RE2::ANCHOR_BOTH, nullptr, 0)) return true;
      return TreeGroups(x, input, a, b, pieces);
    }
    case GroupTree::Kind::kBranches:
      for (const GroupTree& branch : node.children)
        if (branch.re->Match(input, a, b, RE2::ANCHOR_BOTH, nullptr, 0)) return TreeGroups(branch, input, a, b, pieces);
      return false;
    case GroupTree::Kind::kSequence: {
      std::size_t pos = a;
      re2::StringPiece part;
      for (std::size_t i = 0; i + 1 < node.children.size(); ++i) {
        const GroupTree& child = node.children[i];
        if (!child.re->Match(input, pos, b, RE2::ANCHOR_START, &part, 1)) return false;
        const std::size_t end = pos + part.size();
        // A leaf sets no group: no call for it (most parts are leaves).
        if (child.kind != GroupTree::Kind::kLeaf && !TreeGroups(child, input, pos, end, pieces)) return false;
        pos = end;
      }
      const GroupTree& last = node.children.back();
      if (!last.re->Match(input, pos, b, RE2::ANCHOR_BOTH, nullptr, 0)) return false;
      return last.kind == GroupTree::Kind::kLeaf || TreeGroups(last, input, pos, b, pieces);
    }
  }
  return false;
}

RuleCostTable* cost_table = nullptr;

// Spans at most this many bytes apart (a sentence's end and the next one's
// start, or a short sentence between) are searched as one run.
constexpr std::size_t kRunGap = 64;

}  // namespace

void SetRuleCostTable(RuleCostTable* table) { cost_table = table; }

bool IsWordBoundary(std::string_view text, std::size_t pos) {
  return !(IsWordCodePoint(CodePointBefore(text, pos)) && IsWordCodePoint(CodePointAt(text, pos)));
}

Fields RuleMatch::AsFields(std::string_view text) const {
  Fields fields;
  for (const auto& c : captures) fields.emplace(c.field, std::string(text.substr(c.start, c.end - c.start)));
  return fields;
}

const Capture* RuleMatch::First(std::string_view field) const {
  for (const auto& c : captures)
    if (c.field == field) return &c;
  return nullptr;
}

namespace {

// Reads the groups of the match [start, end) into `match` and reports it.
// The span comes first, the groups after: RE2 finds a span with its DFAs
// alone, but the groups need its NFA over the span, which costs several
// times as much on a large pattern; a span that fails the word check needs
// no groups. Asking again for the groups on exactly [start, end), anchored
// at both ends, gives those of the first call's match: RE2's unanchored
// search, once its DFAs have found the span, runs the same anchored
// full-match search on it (NFA, backtracker or one-pass, the same text
// around it), and parses that reach beyond `end` were not chosen there.
// Anchoring spares the forward and reverse DFA scans an unanchored call
// would repeat, and lets a small program go straight to the backtracker.
// `pos` and `limit` are those of the search that found the span.
void ReportMatch(const CompiledRule& rule, std::string_view text, std::size_t start, std::size_t end,
                 std::size_t pos, std::size_t limit, std::vector<re2::StringPiece>& pieces, RuleMatch& match,
                 const std::function<void(const RuleMatch&)>& on_match) {
  const RE2& re = *rule.re;
  const int groups = rule.submatches;
  const re2::StringPiece input(text.data(), text.size());
  match.start = start;
  match.end = end;
  match.captures.clear();
  if (rule.whole_match_group > 0) {
    // The pattern is one group: it holds the whole match.
    match.captures.push_back({rule.group_field[static_cast<std::size_t>(rule.whole_match_group)], start, end});
  } else if (groups > 1) {
    // The tree may set any group of the pattern; only the first `groups` are read.
    const GroupTree* tree = rule.Tree();
    pieces.assign(static_cast<std::size_t>(tree ? std::max(groups, re.NumberOfCapturingGroups() + 1) : groups),
                  re2::StringPiece());
    if (!tree || !TreeGroups(*tree, input, start, end, pieces)) {
      pieces.assign(pieces.size(), re2::StringPiece());
      if (!re.Match(input, start, end, RE2::ANCHOR_BOTH, pieces.data(), groups)) {
        // Cannot happen (see above); the groups of one call over the
        // original range are the answer then.
        re.Match(input, pos, limit, RE2::UNANCHORED, pieces.data(), groups);
      }
    }
    for (int g = 1; g < groups; ++g) {
      const auto& field = rule.group_field[static_cast<std::size_t>(g)];
      if (field.empty() || pieces[static_cast<std::size_t>(g)].data() == nullptr) continue;
      const std::size_t s = static_cast<std::size_t>(pieces[static_cast<std::size_t>(g)].data() - text.data());
      match.captures.push_back({field, s, s + pieces[static_cast<std::size_t>(g)].size()});
    }
  }
  on_match(match);
}

// The next match's span in text[pos, limit), or false.
bool FindSpan(const RE2& re, std::string_view text, std::size_t pos, std::size_t limit, std::size_t& start,
              std::size_t& end) {
  re2::StringPiece span;
  if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, limit, RE2::UNANCHORED, &span, 1)) return false;
  start = static_cast<std::size_t>(span.data() - text.data());
  end = start + span.size();
  return true;
}

// ForEachMatch's work; returns the number of matches reported.
std::size_t FindMatches(const CompiledRule& rule, std::string_view text, bool whole_words,
                        const std::function<void(const RuleMatch&)>& on_match, std::size_t begin, std::size_t limit) {
  std::size_t reported = 0;
  limit = std::min(limit, text.size());
  std::vector<re2::StringPiece> pieces;
  RuleMatch match;
  std::size_t pos = begin;
  while (pos <= limit) {
    std::size_t start = 0, end = 0;
    if (!FindSpan(*rule.re, text, pos, limit, start, end)) return reported;
    if (whole_words && (!IsWordBoundary(text, start) || !IsWordBoundary(text, end))) {
      pos = NextCodePoint(text, start);
      continue;
    }
    ReportMatch(rule, text, start, end, pos, limit, pieces, match, on_match);
    ++reported;
    pos = end > start ? end : NextCodePoint(text, start);
  }
  return reported;
}

// ForEachMatchInSpans' work: the matches of FindMatches over each span in
// turn, with one search over a run of spans close together where it can
// tell. Searched over [pos, run end) instead of [pos, span end), RE2 finds
// the same match whenever that one ends inside the span: the shorter
// search's matches are those of the longer that end by the span's end (RE2
// sees the text after `limit` as context either way), and it picks the
// leftmost start, then the parse Perl's order prefers, which the longer
// search found among more. A match that starts after the span's end means
// there is none in the span; one that reaches past the end, or starts right
// at it, says nothing, and the span's own search decides. A match found
// from `pos` is also the one a search from any later position up to its
// start finds, so one search can skip several spans.
std::size_t FindMatchesInSpans(const CompiledRule& rule, std::string_view text, bool whole_words,
                               const std::vector<text::Span>& spans,
                               const std::function<void(std::size_t, const RuleMatch&)>& on_match) {
  std::size_t reported = 0;
  std::vector<re2::StringPiece> pieces;
  RuleMatch match;
  std::size_t k = 0;
  std::size_t current = 0;  // the span being reported, for the callback
  const std::function<void(const RuleMatch&)> report = [&](const RuleMatch& m) { on_match(current, m); };
  while (k < spans.size()) {
    // A run: spans k..last with at most kRunGap bytes between neighbours.
    std::size_t last = k;
    while (last + 1 < spans.size() && spans[last + 1].begin >= spans[last].end &&
           spans[last + 1].begin - spans[last].end <= kRunGap)
      ++last;
    const std::size_t run_end = std::min(spans[last].end, text.size());
    // The match of the last wide search and the position it was searched
    // from; valid for any position from there up to its start.
    bool have = false, found = false;
    std::size_t searched_from = 0, found_start = 0, found_end = 0;
    for (std::size_t i = k; i <= last; ++i) {
      current = i;
      const std::size_t limit = std::min(spans[i].end, text.size());
      std::size_t pos = spans[i].begin;
      while (pos <= limit) {
        if (!have || pos < searched_from || (found && pos > found_start)) {
          found = FindSpan(*rule.re, text, pos, run_end, found_start, found_end);
          searched_from = pos;
          have = true;
        }
        if (!found) break;  // none in the rest of the run
        std::size_t start = found_start, end = found_end;
        if (start > limit) break;  // none in this span
        if (end > limit || start == limit) {
          // The wide search cannot tell: the span's own.
          if (!FindSpan(*rule.re, text, pos, limit, start, end)) break;
        }
        if (whole_words && (!IsWordBoundary(text, start) || !IsWordBoundary(text, end))) {
          pos = NextCodePoint(text, start);
          continue;
        }
        ReportMatch(rule, text, start, end, pos, limit, pieces, match, report);
        ++reported;
        pos = end > start ? end : NextCodePoint(text, start);
      }
      if (have && !found) break;
    }
    k = last + 1;
  }
  return reported;
}

// Runs `find` (which returns the number of matches it reported) and, while a
// cost table is set, adds its time and matches to the rule's entry.
template <typename Find>
void Measured(const CompiledRule& rule, Find find) {
  if (!cost_table) {
    find();
    return;
  }
  const auto started = std::chrono::steady_clock::now();
  const std::size_t matches = find();
  RuleCost& cost = (*cost_table)[&rule];
  cost.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ++cost.calls;
  cost.matches += matches;
}

}  // namespace

void ForEachMatch(const CompiledRule& rule, std::string_view text, bool whole_words,
                  const std::function<void(const RuleMatch&)>& on_match, std::size_t begin, std::size_t limit) {
  Measured(rule, [&] { return FindMatches(rule, text, whole_words, on_match, begin, limit); });
}

void ForEachMatchInSpans(const CompiledRule& rule, std::string_view text, bool whole_words,
                         const std::vector<text::Span>& spans,
                         const std::function<void(std::size_t, const RuleMatch&)>& on_match) {
  Measured(rule, [&] { return FindMatchesInSpans(rule, text, whole_words, spans, on_match); });
}

}  // namespace pw::extract
