// app/config.h: presswatch's settings, from defaults, a TOML file and flags.
//
// Every key, its meaning and its default is documented in README.md
// ("Configuration"). The file is optional: with none, the defaults below
// apply. Flags override the file (the commands do that, not this module).
//
//   Config c = LoadConfig("presswatch.toml");   // throws StartupError "presswatch.toml:7:1: ..."
//
// Unknown keys and values of the wrong type are errors with their line, so a
// typo is caught at start, not silently ignored.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "app/page_fetcher.h"
#include "fetch/fetch.h"

namespace pw::app {

struct Config {
  std::string file;  // the TOML file it was read from ("" none): serve re-reads [watchlist] on SIGHUP
  std::string db = "presswatch.db";
  std::string feeds = "feeds/default.opml";
  std::string rules = "rules";

  // [fetch]
  fetch::FetchOptions fetch;
  std::string contact = "https://presswatch.dev/bot";  // named in the User-Agent

  // [poll]
  std::chrono::seconds interval{15 * 60};  // default per-feed interval
  int concurrency = 32;                    // fetches in flight at once
  int per_host = 2;                        // fetches in flight per host
  int workers = DefaultWorkers();          // threads parsing, extracting and writing

  // [fulltext]: the article pages behind teasers
  FullTextOptions fulltext;

  // [server]
  std::string listen = "127.0.0.1:8080";

  // [log]
  std::string log_format = "text";  // text | json
  std::string log_level = "info";   // debug | info | warn | error

  // One per core (at least 1).
  static int DefaultWorkers();

  // [watchlist]
  std::vector<std::string> watchlist;  // entities whose new mentions raise alerts

  // [alerts]
  std::string alerts_file = "alerts.ndjson";  // one JSON object per line, appended; "" none
  std::string webhook;                        // http(s) URL to POST each alert to; "" none
  std::chrono::seconds webhook_timeout{10};   // the whole POST
  std::chrono::seconds backoff{30};           // wait after the first failure, doubling
  std::chrono::seconds max_backoff{3600};     // the longest wait between attempts
};

// The defaults, overlaid with `path` when it is not empty; proxies come
// from http_proxy, https_proxy and no_proxy (fetch/proxy.h). Throws
// StartupError on a missing file, a syntax error, an unknown key or a bad
// value, naming file:line.
Config LoadConfig(const std::string& path);

// The User-Agent presswatch sends: "presswatch/0.1.0 (+https://...)".
std::string UserAgent(const std::string& contact);

}  // namespace pw::app
