// Fuzz target `feed`: feed::Parse on any bytes, as a server might send them.
// The Content-Type and the document's URL vary with the input's length, so
// a seed (a real feed) keeps every byte. Oracles: the Feed's text is UTF-8
// (it goes to JSON and to SQLite as such), an item's key is never empty,
// and an error has a message.
#include "feed/parse.h"
#include "fuzz_target.h"

namespace {

constexpr const char* kContentTypes[] = {
    "",
    "application/rss+xml; charset=utf-8",
    "text/xml; charset=iso-8859-1",
    "application/atom+xml; charset=windows-1258",
    "application/feed+json",
    "text/html; charset=utf-16",
    "application/xml; charset=shift_jis",
};
constexpr const char* kUrls[] = {"https://vnexpress.net/rss/kinh-doanh.rss", "https://example.com/a/b/feed.xml",
                                 "file:///feeds/local.xml"};

void CheckText(const std::string& s, const char* what) {
  PW_FUZZ_CHECK(pw::fuzz::IsValidUtf8(s), std::string(what) + " is not UTF-8");
}

}  // namespace

PW_FUZZ_TARGET(feed) {
  pw::feed::ParseOptions options;
  options.content_type = kContentTypes[size % std::size(kContentTypes)];
  options.document_url = kUrls[size % std::size(kUrls)];
  const auto feed = pw::feed::Parse(pw::fuzz::AsText(data, size), options);
  if (!feed) {
    PW_FUZZ_CHECK(!feed.error().message.empty(), "an error without a message");
    return 0;
  }
  CheckText(feed->title, "feed title");
  CheckText(feed->link, "feed link");
  CheckText(feed->description, "feed description");
  CheckText(feed->error, "feed error");
  for (const auto& item : feed->items) {
    PW_FUZZ_CHECK(!item.key.empty(), "an item without a key");
    CheckText(item.key, "item key");
    CheckText(item.title, "item title");
    CheckText(item.link, "item link");
    CheckText(item.summary, "item summary");
    CheckText(item.content, "item content");
    for (const auto& c : item.categories) CheckText(c, "item category");
    for (const auto& a : item.authors) CheckText(a.name, "item author");
  }
  return 0;
}
