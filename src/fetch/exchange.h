// fetch/exchange.h: one HTTP request and its response, on a connection made
// directly, through an http:// proxy, or through a proxy's CONNECT tunnel.
// Internal to pw_fetch: the Fetcher (fetcher.cc) runs one Exchange per hop
// and decides about redirects and decompression.
//
// Every phase has its limit (FetchOptions) and none outlives `deadline`.
// Host names are resolved within the deadline too, and each address they
// resolve to passes the AddressGuard before anything is sent; the connection
// goes only to the addresses checked. Errors as values; nothing throws.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "common/error.h"
#include "common/url.h"
#include "fetch/fetch.h"

namespace pw::fetch {

using SteadyTime = std::chrono::steady_clock::time_point;

struct Exchange {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;                                          // as on the wire (maybe compressed)
  bool reached_public = false;  // the peer (or, through a proxy, the target) is a public address
};

struct HopContext {
  boost::asio::any_io_executor executor;
  boost::asio::ssl::context* tls = nullptr;
  const FetchOptions* options = nullptr;
  SteadyTime deadline;
  bool came_from_public = false;  // an earlier hop (or the page a link came from) was public
};

// REQUIRES: parts.scheme is "http" or "https"; `url` is the URL of `parts`.
boost::asio::awaitable<Result<Exchange>> ExchangeOnce(const HopContext& hop, const UrlParts& parts,
                                                      const FetchRequest& request, const std::string& url);

}  // namespace pw::fetch
