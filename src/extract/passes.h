// extract/passes.h: the three passes of Extract(), in order. Internal to pw_extract.
//
//  1. FindMentions: gazetteer names, and ORG/LOC/MONEY/DATE/PERCENT rules, on
//     the text; overlaps resolved (longest, then priority; list items only
//     fill gaps); acronyms defined in parentheses become aliases for the rest
//     of the document.
//  2. FindPeople: PER rules on the masked text (they may use {TITLE}, {ORG});
//     people's titles and organisations; a surname-less mention ("ông Thịnh")
//     joins the full name seen in the same document.
//  3. FindRelations: funding, not-funding and event rules, sentence by
//     sentence, on the masked text; facts merged into records per document.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/compiled_rules.h"
#include "extract/extraction.h"
#include "extract/values.h"
#include "text/sentences.h"

namespace pw::extract {

struct PassContext {
  const RuleSetData& rules;
  std::string_view text;
  int language = 2;  // 0 vi, 1 en, 2 other
  NumberStyle number_style = NumberStyle::kEnglish;
  std::optional<std::chrono::sys_days> published;
  std::vector<text::Span> sentences;
  std::vector<std::string>* trace = nullptr;  // ExtractOptions::trace
};

std::vector<Entity> FindMentions(const PassContext& context);
void FindPeople(const PassContext& context, std::vector<Entity>& entities);
void FindRelations(const PassContext& context, const std::vector<Entity>& entities,
                   std::vector<FundingRecord>& funding, std::vector<Event>& events);

}  // namespace pw::extract
