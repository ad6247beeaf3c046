#include "extract/rule_file.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "common/lines.h"

namespace pw::extract {

namespace {

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool IsRuleName(std::string_view name) {
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  });
}

}  // namespace

bool IsEventType(std::string_view type) {
  static constexpr std::array<std::string_view, 7> kTypes = {
      "event", "partnership", "acquisition", "launch", "appointment", "expansion", "funding"};
  return std::find(kTypes.begin(), kTypes.end(), type) != kTypes.end();
}

void ParseRuleFile(std::string_view content, const std::string& file, std::vector<RuleSpec>& rules,
                   std::vector<std::string>& errors) {
  std::string language = "any";
  int priority = 0;
  bool last_was_rule = false;
  ForEachLine(content, [&](int line_no, std::string_view line) {
    const std::string where = file + ":" + std::to_string(line_no) + ": ";
    const std::string_view trimmed = TrimView(line);
    if (trimmed.empty() || trimmed[0] == '#') return;  // comments do not end a block
    if (std::isspace(static_cast<unsigned char>(line[0]))) {
      if (!last_was_rule) {
        errors.push_back(where + "continuation line without a rule before it");
        return;
      }
      rules.back().pattern += trimmed;
      return;
    }
    last_was_rule = false;
    if (trimmed[0] == '@') {
      const size_t space = trimmed.find(' ');
      const std::string_view directive = trimmed.substr(0, space);
      const std::string_view value =
          space == std::string_view::npos ? std::string_view() : TrimView(trimmed.substr(space));
      if (directive == "@lang") {
        if (value != "vi" && value != "en" && value != "any")
          errors.push_back(where + "@lang must be vi, en or any, not '" + std::string(value) + "'");
        else
          language = std::string(value);
      } else if (directive == "@priority") {
        int p = 0;
        auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), p);
        if (ec != std::errc() || ptr != value.data() + value.size())
          errors.push_back(where + "@priority needs a whole number, not '" + std::string(value) + "'");
        else
          priority = p;
      } else {
        errors.push_back(where + "unknown directive " + std::string(directive) +
                         " (known: @lang, @priority)");
      }
      return;
    }
    // KIND NAME: PATTERN
    const size_t space = trimmed.find(' ');
    const size_t colon = trimmed.find(": ");
    if (space == std::string_view::npos || colon == std::string_view::npos || colon < space) {
      errors.push_back(where + "expected 'KIND NAME: PATTERN'");
      return;
    }
    const std::string_view kind = trimmed.substr(0, space);
    const std::string_view name = TrimView(trimmed.substr(space + 1, colon - space - 1));
    const std::string_view pattern = TrimView(trimmed.substr(colon + 2));
    RuleSpec spec;
    if (kind == "define") {
      spec.kind = RuleKind::kDefine;
    } else if (kind == "ORG" || kind == "PER" || kind == "LOC" || kind == "MONEY" ||
               kind == "DATE" || kind == "PERCENT") {
      spec.kind = RuleKind::kEntity;
      spec.type = std::string(kind);
    } else if (kind == "funding") {
      spec.kind = RuleKind::kFunding;
    } else if (kind == "not-funding") {
      spec.kind = RuleKind::kNotFunding;
    } else if (kind.substr(0, 6) == "event.") {
      spec.kind = RuleKind::kEvent;
      spec.type = std::string(kind.substr(6));
      if (!IsEventType(spec.type)) {
        errors.push_back(where + "unknown event type '" + spec.type +
                         "' (event, partnership, acquisition, launch, appointment, expansion, funding)");
        return;
      }
    } else {
      errors.push_back(where + "unknown rule kind '" + std::string(kind) +
                       "' (define, ORG, PER, LOC, MONEY, DATE, PERCENT, funding, not-funding, event.TYPE)");
      return;
    }
    if (!IsRuleName(name)) {
      errors.push_back(where + "bad rule name '" + std::string(name) +
                       "' (letters, digits, '.', '_', '-'; starting with a letter)");
      return;
    }
    if (pattern.empty()) {
      errors.push_back(where + "empty pattern");
      return;
    }
    spec.name = std::string(name);
    spec.pattern = std::string(pattern);
    spec.language = language;
    spec.priority = priority;
    spec.file = file;
    spec.line = line_no;
    rules.push_back(std::move(spec));
    last_was_rule = true;
  });
}

}  // namespace pw::extract
