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

#include "fetch/fetch.h"

namespace pw::app {

struct Config {
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

  // [server]
  std::string listen = "127.0.0.1:8080";

  // [log]
  std::string log_format = "text";  // text | json
  std::string log_level = "info";   // debug | info | warn | error

  // One per core (at least 1).
  static int DefaultWorkers();
};

// The defaults, overlaid with `path` when it is not empty; proxies come
// from http_proxy, https_proxy and no_proxy (fetch/proxy.h). Throws
// StartupError on a missing file, a syntax error, an unknown key or a bad
// value, naming file:line.
Config LoadConfig(const std::string& path);

// The User-Agent presswatch sends: "presswatch/0.1.0 (+https://...)".
std::string UserAgent(const std::string& contact);

}  // namespace pw::app
