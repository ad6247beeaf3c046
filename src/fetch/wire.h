// fetch/wire.h: what every conversation on Beast needs, whether it GETs
// (exchange.cc) or POSTs (post.cc): the TLS client context, the Host header,
// phase limits within a deadline, and Asio/Beast error codes turned into
// pw::Error. Internal to pw_fetch. Pure, except ExpireBy, which sets a
// stream's expiry, and ConfigureTlsClient, which reads the CA files.
//
//   ExpireBy(stream, options.first_byte_timeout, deadline);
//   auto [ec, n] = co_await http::async_write(stream, req, kNoThrow);
//   if (ec) co_return MapError(ec, "sending the request", url, deadline);
//   // beast::error::timeout after the deadline:
//   //   Error::Timeout("request deadline during sending the request: URL")
#pragma once

#include <algorithm>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/stream_traits.hpp>
#include <boost/system/error_code.hpp>
#include <chrono>
#include <exception>
#include <string>
#include <string_view>

#include "common/error.h"
#include "common/url.h"
#include "fetch/fetch.h"

namespace pw::fetch {

using SteadyTime = std::chrono::steady_clock::time_point;

// Sets up a client's TLS context as `options` say: the system CA store, plus
// options.ca_file if given, and peer verification unless options.verify_tls
// is off. Throws StartupError when a CA store cannot be loaded.
void ConfigureTlsClient(boost::asio::ssl::context& tls, const FetchOptions& options);

// "host:port", with brackets around an IPv6 address: Authority("::1", "80") == "[::1]:80".
std::string Authority(const std::string& host, const std::string& port);

// The Host header: the authority, without the scheme's default port.
std::string HostHeader(const UrlParts& parts);

// Sets the stream's expiry to the earlier of the phase limit and the deadline.
template <class Stream>
void ExpireBy(Stream& stream, std::chrono::milliseconds phase, SteadyTime deadline) {
  boost::beast::get_lowest_layer(stream).expires_at(
      std::min(std::chrono::steady_clock::now() + phase, deadline));
}

// The error of `phase` ("connect", "TLS handshake", ...) for `url`: kTimeout
// (naming the deadline once it has passed), kTooLarge, kNetwork.
Error MapError(const boost::system::error_code& ec, std::string_view phase, const std::string& url,
               SteadyTime deadline);

// The blocking form of a client's request (FetchBlocking, PostBlocking): a
// fresh io_context runs `(client.*call)(request)` to its end.
template <class Client, class Options, class Request, class Response>
Result<Response> RunToCompletion(Options options, Request request,
                                 boost::asio::awaitable<Result<Response>> (Client::*call)(Request)) {
  boost::asio::io_context io;
  Client client(io.get_executor(), std::move(options));
  Result<Response> result = Error::Internal("the request did not complete");
  boost::asio::co_spawn(io, (client.*call)(std::move(request)), [&](std::exception_ptr e, Result<Response> r) {
    if (e) std::rethrow_exception(e);
    result = std::move(r);
  });
  io.run();
  return result;
}

}  // namespace pw::fetch
