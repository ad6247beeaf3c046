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
  const int groups = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> pieces(static_cast<std::size_t>(groups));
  const re2::StringPiece input(text.data(), text.size());
  std::size_t pos = begin;
  while (pos <= limit) {
    if (!re.Match(input, pos, limit, RE2::UNANCHORED, pieces.data(), groups)) return;
    const std::size_t start = static_cast<std::size_t>(pieces[0].data() - text.data());
    const std::size_t end = start + pieces[0].size();
    if (whole_words && (!IsWordBoundary(text, start) || !IsWordBoundary(text, end))) {
      pos = NextCodePoint(text, start);
      continue;
    }
    RuleMatch match{start, end, {}};
    for (int g = 1; g < groups; ++g) {
      const auto& field = rule.group_field[static_cast<std::size_t>(g)];
      if (field.empty() || pieces[g].data() == nullptr) continue;
      const std::size_t s = static_cast<std::size_t>(pieces[g].data() - text.data());
      match.captures.push_back({field, s, s + pieces[g].size()});
    }
    on_match(match);
    pos = end > start ? end : NextCodePoint(text, start);
  }
}

}  // namespace pw::extract
