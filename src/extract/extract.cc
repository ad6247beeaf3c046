#include "extract/extract.h"

#include "extract/compiled_rules.h"
#include "extract/passes.h"
#include "text/sentences.h"

namespace pw::extract {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kOrg: return "ORG";
    case EntityType::kPer: return "PER";
    case EntityType::kLoc: return "LOC";
    case EntityType::kMoney: return "MONEY";
    case EntityType::kDate: return "DATE";
    case EntityType::kPercent: return "PERCENT";
  }
  return "ORG";
}

std::optional<EntityType> EntityTypeFromName(std::string_view name) {
  if (name == "ORG") return EntityType::kOrg;
  if (name == "PER") return EntityType::kPer;
  if (name == "LOC") return EntityType::kLoc;
  if (name == "MONEY") return EntityType::kMoney;
  if (name == "DATE") return EntityType::kDate;
  if (name == "PERCENT") return EntityType::kPercent;
  return std::nullopt;
}

Extraction Extract(const RuleSet& rules, std::string normalized_text, const ExtractOptions& options) {
  Extraction out;
  out.text = std::move(normalized_text);
  // Detect only when not told: value_or would run the detector every time.
  const text::Language language = options.language ? *options.language : text::DetectLanguage(out.text);
  out.language = std::string(text::LanguageCode(language));

  PassContext ctx{rules.data(), out.text};
  ctx.language = language == text::Language::kVietnamese ? 0 : language == text::Language::kEnglish ? 1 : 2;
  ctx.number_style = language == text::Language::kVietnamese ? NumberStyle::kVietnamese : NumberStyle::kEnglish;
  ctx.published = options.published;
  ctx.trace = options.trace;
  ctx.sentences = text::SplitSentences(out.text);

  out.entities = FindMentions(ctx);
  FindPeople(ctx, out.entities);
  FindRelations(ctx, out.entities, out.funding, out.events);
  return out;
}

}  // namespace pw::extract
