#include "extract/matcher.h"

#include <algorithm>

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

// The bounds of the group of a rule with a GroupSplit in its match
// [start, end), read with DFA searches of the parts; false when that cannot
// tell them, and RE2's own search for the groups must. RE2 gives the parse
// Perl's backtracking would find: the head's alternatives and repeats are
// tried in their order of preference first, and for each the rest must match
// up to `end`. So when the head's preferred match on its own (RE2's anchored
// search, which can end no later than `end`) is followed by a body (and
// tail) that reach exactly `end`, that is the head of the chosen parse; and
// the same holds for the body's match before the tail. When a check fails,
// some less preferred choice may still succeed, which only the NFA can tell.
bool SplitGroupBounds(const GroupSplit& split, const re2::StringPiece& input, std::size_t start, std::size_t end,
                      std::size_t& group_start, std::size_t& group_end) {
  re2::StringPiece part;
  if (!split.head->Match(input, start, end, RE2::ANCHOR_START, &part, 1)) return false;
  group_start = start + part.size();
  if (!split.tail) {
    group_end = end;
    return split.body->Match(input, group_start, end, RE2::ANCHOR_BOTH, nullptr, 0);
  }
  if (!split.body->Match(input, group_start, end, RE2::ANCHOR_START, &part, 1)) return false;
  group_end = group_start + part.size();
  return split.tail->Match(input, group_end, end, RE2::ANCHOR_BOTH, nullptr, 0);
}

}  // namespace

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

void ForEachMatch(const CompiledRule& rule, std::string_view text, bool whole_words,
                  const std::function<void(const RuleMatch&)>& on_match, std::size_t begin, std::size_t limit) {
  limit = std::min(limit, text.size());
  const RE2& re = *rule.re;
  const int groups = static_cast<int>(rule.group_field.size());
  // The span first, the groups after: RE2 finds a span with its DFAs alone,
  // but the groups need its NFA over the span, which costs several times as
  // much on a large pattern; a span that fails the word check needs no
  // groups. Asking again for the groups on exactly [start, end) gives those
  // of the first call's match: no match there starts before `start`, and the
  // parse RE2 chose over the longer text ends at `end`, so it fits, and RE2
  // runs its NFA on that same span with the same text around it.
  re2::StringPiece span;
  std::vector<re2::StringPiece> pieces;
  const re2::StringPiece input(text.data(), text.size());
  RuleMatch match;
  std::size_t pos = begin;
  while (pos <= limit) {
    if (!re.Match(input, pos, limit, RE2::UNANCHORED, &span, 1)) return;
    const std::size_t start = static_cast<std::size_t>(span.data() - text.data());
    const std::size_t end = start + span.size();
    if (whole_words && (!IsWordBoundary(text, start) || !IsWordBoundary(text, end))) {
      pos = NextCodePoint(text, start);
      continue;
    }
    match.start = start;
    match.end = end;
    match.captures.clear();
    std::size_t group_start = 0, group_end = 0;
    if (rule.whole_match_group > 0) {
      // The pattern is one group: it holds the whole match.
      match.captures.push_back({rule.group_field[static_cast<std::size_t>(rule.whole_match_group)], start, end});
    } else if (rule.split && SplitGroupBounds(*rule.split, input, start, end, group_start, group_end)) {
      match.captures.push_back({rule.group_field[static_cast<std::size_t>(rule.split->group)], group_start, group_end});
    } else if (groups > 1) {
      pieces.resize(static_cast<std::size_t>(groups));
      if (!re.Match(input, start, end, RE2::UNANCHORED, pieces.data(), groups) || pieces[0].data() != span.data() ||
          pieces[0].size() != span.size()) {
        // Cannot happen (see above); the groups of one call over the
        // original range are the answer then.
        re.Match(input, pos, limit, RE2::UNANCHORED, pieces.data(), groups);
      }
      for (int g = 1; g < groups; ++g) {
        const auto& field = rule.group_field[static_cast<std::size_t>(g)];
        if (field.empty() || pieces[static_cast<std::size_t>(g)].data() == nullptr) continue;
        const std::size_t s = static_cast<std::size_t>(pieces[static_cast<std::size_t>(g)].data() - text.data());
        match.captures.push_back({field, s, s + pieces[static_cast<std::size_t>(g)].size()});
      }
    }
    on_match(match);
    pos = end > start ? end : NextCodePoint(text, start);
  }
}

}  // namespace pw::extract
