#include "app/web_routes.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>
#include <set>
#include <string>

#include "app/web_assets.h"

namespace pw::app {

namespace asio = boost::asio;
namespace json = boost::json;
using asio::awaitable;

namespace {

// Organisations listed when no watchlist is configured.
constexpr int kTopOrganisations = 12;

awaitable<ApiResponse> ServeAsset(WebAsset asset, ApiRequest) {
  co_return ApiResponse{200, std::string(asset.content_type), std::string(asset.body)};
}

struct ListedEntity {
  std::string name;  // canonical when the store knows it
  std::string type;  // "" when listed by the watchlist
  std::int64_t articles = 0;
};

// The watchlist's names as the store knows them (an alias gives its entity's
// canonical name; two names of one entity give one entry), in their order;
// without a watchlist, the most covered organisations.
awaitable<Result<std::vector<ListedEntity>>> RunWatchlist(ReadOnlyStores* stores,
                                                          std::vector<std::string> names) {
  ReadOnlyStores::Lease lease = stores->Acquire();
  std::vector<ListedEntity> listed;
  if (names.empty()) {
    auto rows = lease->Entities({.type = "ORG", .top = kTopOrganisations});
    if (!rows) co_return rows.error();
    for (const auto& r : *rows) listed.push_back({r.name, r.type, r.articles});
    co_return listed;
  }
  std::set<std::string> seen;
  for (const auto& name : names) {
    auto report = lease->Coverage({.entity = name, .limit = 1});
    if (!report) co_return report.error();
    if (seen.insert(report->entity).second) listed.push_back({report->entity, "", report->total});
  }
  co_return listed;
}

awaitable<ApiResponse> Watchlist(const WebContext& context, ApiRequest request) {
  if (!request.params.empty())
    co_return ApiResponse::Error(
        400, "unknown parameter '" + request.params.front().first + "' (/api/watchlist takes: none)");
  std::vector<std::string> names = context.watchlist ? context.watchlist() : std::vector<std::string>();
  const bool configured = !names.empty();
  auto listed = co_await asio::co_spawn(context.queries, RunWatchlist(context.stores, std::move(names)),
                                        asio::use_awaitable);
  if (!listed)
    co_return ApiResponse::Error(listed.error().kind == ErrorKind::kBusy ? 503 : 500, listed.error().message);
  json::array entities;
  for (const auto& e : *listed) {
    json::object o{{"name", e.name}};
    if (!e.type.empty()) o["type"] = e.type;
    o["articles"] = e.articles;
    entities.push_back(std::move(o));
  }
  co_return ApiResponse::Json(json::object{{"configured", configured}, {"entities", std::move(entities)}});
}

}  // namespace

void AddWebRoutes(ApiServer& server, WebContext context) {
  for (const WebAsset& asset : WebAssets()) {
    server.Handle(std::string(asset.path), std::bind_front(ServeAsset, asset));
    if (asset.path == "/index.html") server.Handle("/", std::bind_front(ServeAsset, asset));
  }
  server.Handle("/api/watchlist", std::bind_front(Watchlist, std::move(context)));
}

}  // namespace pw::app
