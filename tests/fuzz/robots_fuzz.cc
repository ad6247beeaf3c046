// Fuzz target `robots`: fetch::Robots::Parse on any robots.txt a site
// serves, then asked about a few paths. Oracles (fetch/robots.h):
// "/robots.txt" is always allowed, a Crawl-delay is not negative.
#include "fetch/robots.h"
#include "fuzz_target.h"

PW_FUZZ_TARGET(robots) {
  const auto robots = pw::fetch::Robots::Parse(pw::fuzz::AsText(data, size));
  for (const char* agent : {"presswatch", "otherbot"}) {
    PW_FUZZ_CHECK(robots.Allowed(agent, "/robots.txt"), "/robots.txt disallowed");
    for (const char* path : {"/", "/kinh-doanh/x-4672302.html?utm_source=rss", "/tin-tức/a%c3%a1.pdf",
                             "https://vnexpress.net/search?q=x", ""})
      (void)robots.Allowed(agent, path);
    if (auto delay = robots.CrawlDelay(agent)) PW_FUZZ_CHECK(delay->count() >= 0, "a negative Crawl-delay");
  }
  return 0;
}
