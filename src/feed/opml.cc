#include "feed/opml.h"

#include <charconv>

#include "common/url.h"
#include "feed/charset.h"
#include "feed/xml_tree.h"

namespace pw::feed {

namespace {

constexpr std::string_view kPresswatchNs = "https://presswatch.dev/opml";

struct Walker {
  const std::string& source;
  const std::string& base_url;
  std::vector<Subscription> out;
  std::optional<Error> error;

  Error At(const xmlNode* n, const std::string& why) {
    return Error::Malformed(source + ":" + std::to_string(xmlGetLineNo(n)) + ": " + why);
  }

  void Walk(const xmlNode* parent, std::vector<std::string>& folders) {
    for (const xmlNode* n = parent->children; n && !error; n = n->next) {
      if (!xml::IsElement(n, "outline")) continue;
      std::string title = xml::Attr(n, "title");
      if (title.empty()) title = xml::Attr(n, "text");
      const std::string url = xml::Trim(xml::Attr(n, "xmlUrl"));
      if (url.empty()) {
        if (!xml::Attr(n, "type").empty() && xml::Attr(n, "type") == "rss") {
          error = At(n, "outline of type rss without xmlUrl");
          return;
        }
        // xmlUrl="" on an outline with nothing inside is a feed whose
        // address was lost: said, where reading it as an empty folder would
        // drop the feed unseen. (Some readers write xmlUrl="" on folders.)
        if (xml::HasAttr(n, "xmlUrl") && !xml::FirstChildElement(n, "outline")) {
          error = At(n, "xmlUrl is empty" + (title.empty() ? std::string() : " (outline '" + title + "')"));
          return;
        }
        folders.push_back(title);
        Walk(n, folders);
        folders.pop_back();
        continue;
      }
      Subscription s;
      s.url = base_url.empty() ? url : ResolveUrl(base_url, url);
      s.title = title;
      s.tags = folders;
      s.language = xml::Attr(n, "language", kPresswatchNs);
      if (!s.language.empty() && s.language != "vi" && s.language != "en") {
        error = At(n, "pw:language must be vi or en, not '" + s.language + "'");
        return;
      }
      const std::string fulltext = xml::Attr(n, "fulltext", kPresswatchNs);
      if (!fulltext.empty() && fulltext != "true" && fulltext != "false") {
        error = At(n, "pw:fulltext must be true or false, not '" + fulltext + "'");
        return;
      }
      s.fulltext = fulltext == "true";
      const std::string interval = xml::Attr(n, "interval", kPresswatchNs);
      if (!interval.empty()) {
        long seconds = 0;
        auto [p, ec] = std::from_chars(interval.data(), interval.data() + interval.size(), seconds);
        if (ec != std::errc() || p != interval.data() + interval.size() || seconds < 60) {
          error = At(n, "pw:interval must be a whole number of seconds >= 60, not '" + interval + "'");
          return;
        }
        s.interval = std::chrono::seconds(seconds);
      }
      const auto parts = SplitUrl(s.url);
      if (!parts || (parts->scheme != "http" && parts->scheme != "https" && parts->scheme != "file")) {
        error = At(n, "xmlUrl is not an http, https or file URL: " + url);
        return;
      }
      // "https:/?b.vn/rss" splits into a scheme and no host (found by
      // fuzzing: tests/data/fuzz/opml/https-url-without-a-host).
      if (parts->scheme != "file" && parts->host.empty()) {
        error = At(n, "xmlUrl has no host: " + url);
        return;
      }
      // Schemes are case-insensitive: "hTtps://" is stored as "https://", so
      // one feed is one URL (found by fuzzing: tests/data/fuzz/opml/mixed-case-scheme).
      s.url = parts->scheme + s.url.substr(s.url.find(':'));
      out.push_back(std::move(s));
    }
  }
};

}  // namespace

Result<std::vector<Subscription>> ParseOpml(std::string_view bytes, const std::string& source_name,
                                            const std::string& base_url) {
  const DecodedText text = DecodeFeedBytes(bytes, {});
  xml::ParsedXml parsed = xml::ParseXml(text.utf8());
  if (!text.problem.empty() && parsed.wellformed) {
    parsed.wellformed = false;
    parsed.first_error = text.problem;
  }
  if (!parsed.wellformed) {
    const std::string where = parsed.first_error.rfind("line ", 0) == 0 ? parsed.first_error.substr(5)
                                                                         : "1: " + parsed.first_error;
    return Error::Malformed(source_name + ":" + where);
  }
  const xmlNode* root = xmlDocGetRootElement(parsed.doc.get());
  if (!xml::IsElement(root, "opml"))
    return Error::Malformed(source_name + ":1: not an OPML file (root element is not <opml>)");
  const xmlNode* body = xml::FirstChildElement(root, "body");
  if (!body) return Error::Malformed(source_name + ":" + std::to_string(xmlGetLineNo(root)) + ": OPML without <body>");
  Walker walker{source_name, base_url, {}, std::nullopt};
  std::vector<std::string> folders;
  walker.Walk(body, folders);
  if (walker.error) return *walker.error;
  return std::move(walker.out);
}

}  // namespace pw::feed
