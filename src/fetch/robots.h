// fetch/robots.h: robots.txt (RFC 9309) read, and asked about our user agent.
//
//   Robots r = Robots::Parse("User-agent: *\nDisallow: /search\nAllow: /search/about\n"
//                            "User-agent: presswatch\nCrawl-delay: 5\nDisallow: /*.pdf$\n");
//   r.Allowed("presswatch", "/kinh-doanh/x.html")   == true
//   r.Allowed("presswatch", "/report.pdf")          == false
//   r.Allowed("presswatch", "/search?q=x")          == true   (our own group replaces the * group)
//   r.Allowed("otherbot", "/search?q=x")            == false
//   r.CrawlDelay("presswatch")                      == 5s
//   AgentToken("presswatch/0.1 (+https://presswatch.dev/bot)") == "presswatch"
//
// What the RFC and Google's parser (google/robotstxt) do, and so this:
//   - a group is one or more User-agent lines and the rules after them; the
//     groups whose product token equals ours (case-insensitive; "presswatch"
//     in "User-agent: PressWatch/2.0") are merged and used; when there is
//     none, the "*" groups are merged and used; when there is none either,
//     everything is allowed. Rules before any User-agent line are ignored;
//   - the rule whose path matches with the most characters decides; between
//     an Allow and a Disallow of the same length, Allow; no matching rule
//     allows. "*" matches any run of characters, a final "$" the end of the
//     path; an empty Disallow allows everything;
//   - paths compare as octets after percent-encoding what is not ASCII and
//     upper-casing %xx escapes (so "/tin-tức" and "/tin-t%E1%BB%A9c" are the
//     same path); the query is part of the path;
//   - keys ignore case and the usual misspellings ("useragent", "user agent",
//     "disalow", "dissallow"); a missing colon is tolerated ("Disallow /x");
//     "#" starts a comment; LF, CR LF and CR end lines; a UTF-8 BOM is skipped;
//   - only the first 500 KiB are read (the RFC's minimum; the rest is ignored);
//   - "/robots.txt" itself is always allowed.
// Crawl-delay (not in the RFC, common) is read per group, in seconds,
// fractions allowed; Sitemap lines anywhere are collected.
//
// ForStatus maps the answer to GET /robots.txt to a policy, as RFC 9309
// section 2.3.1 says: 2xx is parsed; 4xx (no robots.txt, 401, 403) allows
// everything; 5xx, or no answer at all (status 0), is "unreachable" and
// disallows everything until the next try. Redirects are the fetcher's (it
// follows them; the RFC asks for at least five).
//
// Pure; a Robots is an immutable value, safe to share between threads.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pw::fetch {

class Robots {
 public:
  struct Rule {
    bool allow = false;
    std::string pattern;  // normalized (see above)
  };
  struct Group {
    std::vector<std::string> agents;  // product tokens, lower-case; "*" for any
    std::vector<Rule> rules;
    std::optional<std::chrono::milliseconds> crawl_delay;
  };

  static Robots Parse(std::string_view body);
  static Robots AllowAll();
  static Robots DisallowAll();
  // The policy for the answer to GET /robots.txt: status 0 means no answer.
  static Robots ForStatus(int status, std::string_view body);

  // `agent` is our product token (AgentToken); `path` the path and query of
  // the URL ("/a/b?c"), or a whole http(s) URL.
  bool Allowed(std::string_view agent, std::string_view path) const;

  // The Crawl-delay of the groups that apply to `agent`; nullopt when none says.
  std::optional<std::chrono::milliseconds> CrawlDelay(std::string_view agent) const;

  const std::vector<std::string>& sitemaps() const { return sitemaps_; }
  const std::vector<Group>& groups() const { return groups_; }
  bool disallows_all() const { return disallow_all_; }

 private:
  // The groups that apply to `agent`: its own, else "*".
  std::vector<const Group*> GroupsFor(std::string_view agent) const;

  std::vector<Group> groups_;
  std::vector<std::string> sitemaps_;
  bool disallow_all_ = false;
};

// The product token of a User-Agent header: the leading letters, '-' and '_',
// lower-cased. AgentToken("presswatch/0.1 (+https://presswatch.dev/bot)") == "presswatch".
std::string AgentToken(std::string_view user_agent);

}  // namespace pw::fetch
