// app/api_routes.h: the endpoints of the daemon's HTTP API.
//
//   /healthz        200 {"status": "ok"} while the daemon runs
//   /metrics        Prometheus text (app/metrics.h)
//   /api/search     ?q=WORDS [&lang=vi|en|other] [&since=DATE] [&source=FEED] [&limit=N]
//                                                                                as `search --json`
//   /api/funding    [?investor=S] [&investee=S] [&round=R] [&since=DATE] [&until=DATE]
//                   [&min-amount=X] [&max-amount=X] [&currency=USD] [&each-report] [&limit=N]
//                                                                                as `funding --json`
//   /api/coverage   ?entity=NAME [&since=DATE] [&until=DATE] [&limit=N]         as `coverage --json`
//   /api/entities   [?type=ORG|PER|LOC] [&top=N]                                 as `entities --json`
//   /api/feeds                                                                   as `feeds --json`
//   /api/export     ?kind=articles|funding|entities|events [&format=ndjson|csv] [&after=CURSOR] [&limit=N]
//                   a page of `export` (at most N records, default 10,000); the
//                   cursor for the next page in the Presswatch-Cursor header, and
//                   Presswatch-More: true while records are left
//
// The parameters are the matching command's flags without their dashes
// (search's QUERY is `q`; a flag such as each-report is
// set by its name alone, or =true/=1), and the JSON is the command's (app/json_out.h).
// A missing, unknown, repeated or malformed parameter is a 400 with
// {"error": "since: 'yesterday' is not a date (use YYYY-MM-DD or RFC 3339)"}.
//
// Queries run on `queries` (a pool), each on a read-only Store connection
// taken from ReadOnlyStores, never on the event loop.
//
//   AddApiRoutes(server, {.queries = pool.get_executor(), .stores = &stores, .metrics = render});
//
// To add an endpoint: a handler here (or anywhere) and one server.Handle().
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/api_server.h"
#include "store/store.h"

namespace pw::app {

// How long one request's query may run before SQLite stops it and the
// client gets a 503: far above any query's time on a million articles
// (bench/RESULTS.md), far below a pasted query's minute.
inline constexpr std::chrono::milliseconds kApiQueryTimeLimit{15000};

// Read-only connections to one database, lent one per query, each bounded in
// time from its lending (store::Store::LimitQueryTime). Thread-safe.
class ReadOnlyStores {
 public:
  explicit ReadOnlyStores(std::string db_path, std::chrono::milliseconds query_time_limit = kApiQueryTimeLimit)
      : path_(std::move(db_path)), query_time_limit_(query_time_limit) {}

  class Lease {
   public:
    Lease(ReadOnlyStores& owner, std::unique_ptr<store::Store> store)
        : owner_(owner), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease();
    store::Store& operator*() { return *store_; }
    store::Store* operator->() { return store_.get(); }

   private:
    ReadOnlyStores& owner_;
    std::unique_ptr<store::Store> store_;
  };

  // A free connection, or a new one. Throws StartupError if the database
  // cannot be opened (the daemon creates it before serving).
  Lease Acquire();

 private:
  std::string path_;
  std::chrono::milliseconds query_time_limit_;
  std::mutex mu_;
  std::vector<std::unique_ptr<store::Store>> free_;
};

struct ApiContext {
  boost::asio::any_io_executor queries;  // where queries run
  ReadOnlyStores* stores = nullptr;
  std::function<std::string()> metrics;  // Prometheus text, rendered on the loop
};

void AddApiRoutes(ApiServer& server, ApiContext context);

}  // namespace pw::app
