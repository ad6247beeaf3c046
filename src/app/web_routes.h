// app/web_routes.h: the dashboard, served by the daemon's HTTP server.
//
//   /               the dashboard (index.html): coverage, funding, search, feeds
//   /app.js ...     its scripts, styles and icon (app/web_assets.h)
//   /api/watchlist  the entities the dashboard opens on, the fund first:
//                   {"configured": true, "entities": [{"name": "GenAI Fund", "articles": 2}, ...]}
//                   the [watchlist] entities in their order, each by its
//                   canonical name (an alias such as "Quỹ GenAI" gives "GenAI
//                   Fund"; two names of one entity, one entry) with the
//                   articles that mention it; when none are configured, the
//                   most covered organisations:
//                   {"configured": false, "entities": [{"name": "GenAI Fund",
//                    "type": "ORG", "articles": 2}, ...]}
//
// The page is static and talks to the JSON API (app/api_routes.h) from the
// browser; it loads nothing from anywhere else. Static routes ignore a query
// string (so "/?lang=en" links work) and answer from memory on the event
// loop; /api/watchlist takes no parameters (400 otherwise) and queries on
// the pool, as the API's endpoints do.
//
//   AddWebRoutes(server, {.queries = pool.get_executor(), .stores = &stores,
//                         .watchlist = [&] { return config.watchlist; }});
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <functional>
#include <string>
#include <vector>

#include "app/api_routes.h"
#include "app/api_server.h"

namespace pw::app {

struct WebContext {
  boost::asio::any_io_executor queries;  // where queries run
  ReadOnlyStores* stores = nullptr;
  // The watchlist as configured now (the fund first), read on the loop at
  // each request, so that a reload (SIGHUP) shows at once. Empty: none.
  std::function<std::vector<std::string>()> watchlist;
};

void AddWebRoutes(ApiServer& server, WebContext context);

}  // namespace pw::app
