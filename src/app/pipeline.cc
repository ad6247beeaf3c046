#include "app/pipeline.h"

#include "extract/extract.h"
#include "text/language.h"
#include "text/normalize.h"

namespace pw::app {

Result<feed::Feed> ParseFeed(std::string_view body, const std::string& url, const std::string& content_type,
                             const std::string& language_hint) {
  feed::ParseOptions options;
  options.document_url = url;
  options.content_type = content_type;
  if (language_hint == "vi") options.default_utc_offset = std::chrono::hours(7);
  return feed::Parse(body, options);
}

std::string ArticleText(const feed::Item& item) {
  const std::string& body = item.content.empty() ? item.summary : item.content;
  std::string text = text::NormalizeText(item.title);
  const std::string normalized_body = text::NormalizeDocument(body);
  if (!normalized_body.empty() && normalized_body != text) {
    if (!text.empty()) text += "\n\n";
    text += normalized_body;
  }
  return text;
}

store::ArticleRecord ProcessItem(const feed::Item& item, const extract::RuleSet& rules,
                                 const std::string& language_hint, Timestamp now) {
  store::ArticleRecord r;
  r.item_key = item.key;
  r.url = item.link;
  r.title = text::NormalizeText(item.title);
  r.summary = text::NormalizeText(item.summary);
  r.content = item.content;
  r.first_seen = FormatTimestamp(now);
  const Timestamp published = item.published.value_or(now);
  r.published = FormatTimestamp(published);
  r.published_estimated = !item.published.has_value();

  extract::ExtractOptions options;
  std::string text = ArticleText(item);
  const text::Language detected = text::DetectLanguage(text);
  if (detected == text::Language::kOther && !language_hint.empty())
    options.language = text::LanguageFromCode(language_hint);
  // The article's day as its readers count days: Vietnam's time for
  // Vietnamese text, UTC for the rest.
  const bool vietnamese = options.language.value_or(detected) == text::Language::kVietnamese;
  options.published = std::chrono::floor<std::chrono::days>(published + std::chrono::hours(vietnamese ? 7 : 0));
  r.extraction = extract::Extract(rules, std::move(text), options);
  return r;
}

}  // namespace pw::app
