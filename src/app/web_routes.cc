#include "app/web_routes.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>
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

awaitable<Result<std::vector<store::EntityRow>>> RunTopOrganisations(ReadOnlyStores* stores) {
  ReadOnlyStores::Lease lease = stores->Acquire();
  co_return lease->Entities({.type = "ORG", .top = kTopOrganisations});
}

awaitable<ApiResponse> Watchlist(const WebContext& context, ApiRequest request) {
  if (!request.params.empty())
    co_return ApiResponse::Error(
        400, "unknown parameter '" + request.params.front().first + "' (/api/watchlist takes: none)");
  json::array entities;
  if (!context.watchlist.empty()) {
    for (const auto& name : context.watchlist) entities.push_back(json::object{{"name", name}});
    co_return ApiResponse::Json(json::object{{"configured", true}, {"entities", std::move(entities)}});
  }
  auto rows =
      co_await asio::co_spawn(context.queries, RunTopOrganisations(context.stores), asio::use_awaitable);
  if (!rows)
    co_return ApiResponse::Error(rows.error().kind == ErrorKind::kBusy ? 503 : 500, rows.error().message);
  for (const auto& r : *rows)
    entities.push_back(json::object{{"name", r.name}, {"type", r.type}, {"articles", r.articles}});
  co_return ApiResponse::Json(json::object{{"configured", false}, {"entities", std::move(entities)}});
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
