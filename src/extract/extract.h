// extract/extract.h: one normalized document in, its entities, funding
// announcements and events out.
//
//   auto rules = RuleSet::Load("rules").value();
//   Extraction x = Extract(*rules, text::NormalizeDocument(raw), {.published = day});
//   x.funding[0].investee == "GenAI Fund"; x.funding[0].round == "strategic";
//
// The text must already be normalized (text::NormalizeDocument): rules and
// offsets refer to that form, and Extraction::text is it, unchanged. The
// language is detected unless given. `published` anchors relative dates
// ("hôm qua", "last week", a month without a year) and is the funding
// records' announced date; without it those are left out.
//
// Pure: no I/O; safe to call from many threads on one shared RuleSet.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "extract/extraction.h"
#include "extract/rule_set.h"
#include "text/language.h"

namespace pw::extract {

struct ExtractOptions {
  std::optional<text::Language> language;  // nullopt: detect
  std::optional<std::chrono::sys_days> published;
  // For whoever writes rules: when set, one line per match of a funding,
  // not-funding or event rule, "RULE_NAME: matched text", entities shown as
  // <ORG3>. Not retained.
  std::vector<std::string>* trace = nullptr;
};

Extraction Extract(const RuleSet& rules, std::string normalized_text, const ExtractOptions& options);

}  // namespace pw::extract
