#include "app/pipeline.h"

#include "extract/extract.h"
#include "feed/dates.h"
#include "feed/sanitize.h"
#include "text/language.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace pw::app {

namespace {

// Title, blank line, body, both normalized; the body alone when it is the title.
std::string JoinTitleAndBody(std::string text, const std::string& normalized_body) {
  if (!normalized_body.empty() && normalized_body != text) {
    if (!text.empty()) text += "\n\n";
    text += normalized_body;
  }
  return text;
}

const std::string& FeedBody(const feed::Item& item) {
  return item.content.empty() ? item.summary : item.content;
}

// The page's paragraphs as the HTML `content` keeps for display.
std::string ParagraphsHtml(const std::vector<std::string>& paragraphs) {
  std::string html;
  for (const auto& p : paragraphs) html += "<p>" + feed::EscapeHtml(p) + "</p>\n";
  return html;
}

}  // namespace

Result<feed::Feed> ParseFeed(std::string_view body, const std::string& url, const FeedHeaders& headers,
                             const std::string& language_hint) {
  feed::ParseOptions options;
  options.document_url = url;
  options.content_type = headers.content_type;
  options.content_location = headers.content_location;
  options.content_language = headers.content_language;
  if (language_hint == "vi") options.default_utc_offset = std::chrono::hours(7);
  return feed::Parse(body, options);
}

std::string ArticleText(const feed::Item& item) {
  return JoinTitleAndBody(text::NormalizeText(item.title), text::NormalizeDocument(FeedBody(item)));
}

std::size_t FeedTextLength(const feed::Item& item) {
  return text::CodePointCount(text::NormalizeDocument(FeedBody(item)));
}

bool WantsPage(const feed::Item& item, bool feed_fulltext, std::size_t min_chars) {
  if (item.link.rfind("http://", 0) != 0 && item.link.rfind("https://", 0) != 0) return false;
  return feed_fulltext || (min_chars > 0 && FeedTextLength(item) < min_chars);
}

store::ArticleRecord ProcessItem(const feed::Item& item, const extract::RuleSet& rules,
                                 const std::string& language_hint, Timestamp now, const ArticlePage* page) {
  const std::string feed_body = text::NormalizeDocument(FeedBody(item));
  std::string page_body;
  if (page && !page->content.paragraphs.empty()) page_body = text::NormalizeText(page->content.Text());
  // A page that gave less than the feed (a gallery, an extraction that
  // missed) does not replace what the feed had.
  const bool from_page = text::CodePointCount(page_body) > text::CodePointCount(feed_body);
  const text::MainContent* meta = page ? &page->content : nullptr;

  store::ArticleRecord r;
  r.item_key = item.key;
  r.url = item.link;
  r.title = text::NormalizeText(item.title.empty() && meta ? meta->title : item.title);
  r.first_seen = FormatTimestamp(now);
  if (from_page) {
    // The teaser stays the summary, whichever field of the feed held it.
    r.summary = item.summary.empty() ? feed_body : text::NormalizeText(item.summary);
    r.content = ParagraphsHtml(page->content.paragraphs);
  } else {
    r.summary = text::NormalizeText(item.summary);
    r.content = item.content;
  }

  std::string hint = language_hint;
  if (hint.empty() && meta) hint = meta->language;
  // A date the page writes without a zone is Vietnam's on a Vietnamese
  // page, as `extract --url` reads it.
  std::optional<Timestamp> published = item.published;
  if (!published && meta && !meta->published.empty())
    published =
        feed::ParseFeedDate(meta->published, hint == "vi" ? std::chrono::hours(7) : std::chrono::hours(0));
  r.published = FormatTimestamp(published.value_or(now));
  r.published_estimated = !published.has_value();

  extract::ExtractOptions options;
  std::string text = JoinTitleAndBody(r.title, from_page ? page_body : feed_body);
  const text::Language detected = text::DetectLanguage(text);
  if (detected == text::Language::kOther && !hint.empty()) options.language = text::LanguageFromCode(hint);
  // The article's day as its readers count days: Vietnam's time for
  // Vietnamese text, UTC for the rest.
  const bool vietnamese = options.language.value_or(detected) == text::Language::kVietnamese;
  options.published =
      std::chrono::floor<std::chrono::days>(published.value_or(now) + std::chrono::hours(vietnamese ? 7 : 0));
  r.extraction = extract::Extract(rules, std::move(text), options);
  return r;
}

}  // namespace pw::app
