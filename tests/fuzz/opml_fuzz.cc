// Fuzz target `opml`: feed::ParseOpml on any bytes, as a user's feeds file.
// Oracles (feed/opml.h and the contract): every subscription has an absolute
// http, https or file URL, a pw:interval is at least 60 s, and an error
// names the file and a line.
#include "feed/opml.h"
#include "fuzz_target.h"

PW_FUZZ_TARGET(opml) {
  const auto subscriptions =
      pw::feed::ParseOpml(pw::fuzz::AsText(data, size), "feeds.opml", "file:///etc/presswatch/feeds.opml");
  if (!subscriptions) {
    PW_FUZZ_CHECK(subscriptions.error().message.rfind("feeds.opml:", 0) == 0,
                  "error without file:line: " + subscriptions.error().message);
    return 0;
  }
  for (const auto& s : *subscriptions) {
    PW_FUZZ_CHECK(s.url.rfind("http://", 0) == 0 || s.url.rfind("https://", 0) == 0 ||
                      s.url.rfind("file://", 0) == 0,
                  "not an http, https or file URL: " + s.url);
    PW_FUZZ_CHECK(!s.interval || s.interval->count() >= 60, "an interval under 60 s");
    PW_FUZZ_CHECK(pw::fuzz::IsValidUtf8(s.title), "title not UTF-8");
    PW_FUZZ_CHECK(pw::fuzz::IsValidUtf8(s.url), "url not UTF-8");
  }
  return 0;
}
