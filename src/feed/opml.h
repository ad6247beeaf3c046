// feed/opml.h: the feeds file (OPML 2.0), as a list of feed subscriptions.
//
// Each <outline xmlUrl="..."> is a feed; enclosing outlines without xmlUrl are
// folders, whose titles become the feed's tags. presswatch's own attributes
// live in the namespace https://presswatch.dev/opml:
//   <outline text="VnExpress Kinh doanh" xmlUrl="https://vnexpress.net/rss/kinh-doanh.rss"
//            pw:language="vi" pw:interval="900" pw:fulltext="true"/>
// A relative xmlUrl ("demo/genai.vi.xml") is resolved against `base_url`
// (the OPML file's own file:// URL), so a bundled OPML works from any
// checkout.
//
// Pure; thread-safe. Errors are kMalformed "<source>:<line>: <why>": a file
// that is not XML, not OPML, a bad attribute value, or a feed without URL.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace pw::feed {

struct Subscription {
  std::string url;    // absolute
  std::string title;  // the outline's title or text
  std::string language;  // pw:language ("vi", "en") or ""
  bool fulltext = false;  // pw:fulltext="true"
  std::optional<std::chrono::seconds> interval;  // pw:interval
  std::vector<std::string> tags;  // enclosing folder titles, outermost first
};

Result<std::vector<Subscription>> ParseOpml(std::string_view bytes, const std::string& source_name,
                                            const std::string& base_url);

}  // namespace pw::feed
