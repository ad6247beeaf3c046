// One HTTP exchange per hop on Beast: resolve (within the deadline), guard
// the addresses, connect directly or through a proxy, TLS, request, response.
#include "fetch/exchange.h"

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <charconv>
#include <memory>

#include "fetch/address_guard.h"
#include "fetch/proxy.h"

namespace pw::fetch {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using asio::ip::tcp;
using Steady = std::chrono::steady_clock;

inline constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

// "host:port", with brackets around an IPv6 address.
std::string Authority(const std::string& host, const std::string& port) {
  return (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + port;
}

// The Host header: the authority, without the scheme's default port.
std::string HostHeader(const UrlParts& parts) {
  const bool default_port =
      (parts.scheme == "http" && parts.port == "80") || (parts.scheme == "https" && parts.port == "443");
  if (!default_port) return Authority(parts.host, parts.port);
  return parts.host.find(':') != std::string::npos ? "[" + parts.host + "]" : parts.host;
}

// Sets the stream's expiry to the earlier of the phase limit and the deadline.
template <class Stream>
void ExpireBy(Stream& stream, std::chrono::milliseconds phase, SteadyTime deadline) {
  beast::get_lowest_layer(stream).expires_at(std::min(Steady::now() + phase, deadline));
}

Error MapError(const boost::system::error_code& ec, std::string_view phase, const std::string& url,
               SteadyTime deadline) {
  if (ec == asio::error::operation_aborted)
    return Error::Network("cancelled during " + std::string(phase) + ": " + url);
  if (ec == beast::error::timeout) {
    const bool whole = Steady::now() >= deadline;
    return Error::Timeout(std::string(whole ? "request deadline" : "timeout") + " during " +
                          std::string(phase) + ": " + url);
  }
  if (ec == http::error::body_limit) return Error::TooLarge("body over the size cap: " + url);
  if (ec == http::error::header_limit) return Error::TooLarge("headers over the size cap: " + url);
  if (ec.category() == asio::error::get_ssl_category() || ec.category() == ssl::error::get_stream_category())
    return Error::Network("TLS error during " + std::string(phase) + ": " + ec.message() + ": " + url);
  return Error::Network(std::string(phase) + " failed: " + ec.message() + ": " + url);
}

// asio's resolver cannot be cancelled per operation, so the lookup runs on
// its own and the fetch waits for it, for the deadline or for cancellation,
// whichever comes first; a lookup left behind finishes into the void.
struct Lookup {
  explicit Lookup(const asio::any_io_executor& executor) : resolver(executor), done(executor) {}
  tcp::resolver resolver;
  asio::steady_timer done;
  bool finished = false;
  boost::system::error_code ec;
  tcp::resolver::results_type results;
};

asio::awaitable<void> RunLookup(std::shared_ptr<Lookup> lookup, std::string host, std::string port) {
  auto [ec, results] = co_await lookup->resolver.async_resolve(host, port, kNoThrow);
  lookup->ec = ec;
  lookup->results = std::move(results);
  lookup->finished = true;
  lookup->done.cancel();
}

asio::awaitable<Result<std::vector<tcp::endpoint>>> Resolve(const HopContext& hop, const std::string& host,
                                                            const std::string& port, const std::string& url) {
  unsigned short port_number = 0;
  if (auto [p, ec] = std::from_chars(port.data(), port.data() + port.size(), port_number);
      ec != std::errc() || p != port.data() + port.size() || port_number == 0)
    co_return Error::InvalidArgument("bad port '" + port + "': " + url);
  std::vector<tcp::endpoint> endpoints;
  boost::system::error_code literal_ec;
  const auto literal = asio::ip::make_address(host, literal_ec);
  if (!literal_ec) {
    endpoints.emplace_back(literal, port_number);
    co_return endpoints;
  }
  auto lookup = std::make_shared<Lookup>(hop.executor);
  lookup->done.expires_at(hop.deadline);
  asio::co_spawn(hop.executor, RunLookup(lookup, host, port), asio::detached);
  co_await lookup->done.async_wait(kNoThrow);
  if (!lookup->finished) {
    lookup->resolver.cancel();
    if (Steady::now() >= hop.deadline)
      co_return Error::Timeout("request deadline during the DNS lookup of " + host + ": " + url);
    co_return Error::Network("cancelled during the DNS lookup of " + host + ": " + url);
  }
  if (lookup->ec) co_return Error::Network("cannot resolve " + host + ": " + lookup->ec.message());
  for (const auto& entry : lookup->results) endpoints.push_back(entry.endpoint());
  if (endpoints.empty()) co_return Error::Network("cannot resolve " + host + ": no addresses");
  co_return endpoints;
}

template <class Stream>
asio::awaitable<Result<Exchange>> Converse(Stream& stream, const UrlParts& parts, const std::string& target,
                                           const std::string& proxy_authorization,
                                           const FetchRequest& request, const HopContext& hop,
                                           const std::string& url) {
  const FetchOptions& options = *hop.options;
  http::request<http::empty_body> req{http::verb::get, target, 11};
  req.set(http::field::host, HostHeader(parts));
  req.set(http::field::user_agent, options.user_agent);
  req.set(http::field::accept,
          "application/rss+xml, application/atom+xml, application/feed+json, "
          "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
  req.set(http::field::accept_encoding, "gzip, deflate");
  req.set(http::field::connection, "close");
  if (!proxy_authorization.empty()) req.set(http::field::proxy_authorization, proxy_authorization);
  if (!request.etag.empty()) req.set(http::field::if_none_match, request.etag);
  if (!request.last_modified.empty()) req.set(http::field::if_modified_since, request.last_modified);

  ExpireBy(stream, options.first_byte_timeout, hop.deadline);
  if (auto [ec, n] = co_await http::async_write(stream, req, kNoThrow); ec)
    co_return MapError(ec, "sending the request", url, hop.deadline);

  // A new parser per message, with its caps set before the first byte.
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(options.max_body_bytes);
  parser.header_limit(64 * 1024);
  ExpireBy(stream, options.first_byte_timeout, hop.deadline);
  if (auto [ec, n] = co_await http::async_read_header(stream, buffer, parser, kNoThrow); ec)
    co_return MapError(ec, "waiting for the response headers", url, hop.deadline);
  // Each read gets the stall limit, so a server that stops sending is cut
  // off; the deadline cuts one that keeps dripping.
  while (!parser.is_done()) {
    ExpireBy(stream, options.stall_timeout, hop.deadline);
    auto [ec, n] = co_await http::async_read_some(stream, buffer, parser, kNoThrow);
    if (ec == http::error::end_of_stream || ec == asio::error::eof || ec == http::error::partial_message) {
      if (!parser.is_done()) co_return Error::Network("connection closed mid-body: " + url);
      break;
    }
    if (ec) co_return MapError(ec, "reading the body", url, hop.deadline);
  }
  Exchange ex;
  auto& res = parser.get();
  ex.status = static_cast<int>(res.result_int());
  for (const auto& field : res) ex.headers.emplace_back(LowerAscii(field.name_string()), field.value());
  ex.body = std::move(res.body());
  co_return ex;
}

// CONNECT host:port through the proxy; on success `stream` is a tunnel.
asio::awaitable<Result<void>> OpenTunnel(beast::tcp_stream& stream, const UrlParts& parts, const Proxy& proxy,
                                         const HopContext& hop, const std::string& url) {
  const std::string authority = Authority(parts.host, parts.port);
  http::request<http::empty_body> req{http::verb::connect, authority, 11};
  req.set(http::field::host, authority);
  req.set(http::field::user_agent, hop.options->user_agent);
  if (!proxy.authorization.empty()) req.set(http::field::proxy_authorization, proxy.authorization);
  ExpireBy(stream, hop.options->first_byte_timeout, hop.deadline);
  if (auto [ec, n] = co_await http::async_write(stream, req, kNoThrow); ec)
    co_return MapError(ec, "sending CONNECT to the proxy", url, hop.deadline);
  beast::flat_buffer buffer;
  http::response_parser<http::empty_body> parser;
  parser.skip(true);  // a response to CONNECT has no body: the tunnel follows
  ExpireBy(stream, hop.options->first_byte_timeout, hop.deadline);
  if (auto [ec, n] = co_await http::async_read_header(stream, buffer, parser, kNoThrow); ec)
    co_return MapError(ec, "waiting for the proxy's answer to CONNECT", url, hop.deadline);
  const unsigned status = parser.get().result_int();
  if (status < 200 || status > 299)
    co_return Error::Network("proxy " + Authority(proxy.host, proxy.port) + " refused CONNECT " + authority +
                             ": " + std::to_string(status) + ": " + url);
  if (buffer.size() != 0) co_return Error::Network("proxy sent data before the TLS handshake: " + url);
  co_return kOk;
}

void Close(beast::tcp_stream& stream) {
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
}

}  // namespace

asio::awaitable<Result<Exchange>> ExchangeOnce(const HopContext& hop, const UrlParts& parts,
                                               const FetchRequest& request, const std::string& url) {
  const FetchOptions& options = *hop.options;
  auto proxy = ProxyFor(options.proxy, parts);
  if (!proxy) co_return Error{proxy.error().kind, proxy.error().message + " (for " + url + ")"};
  const AddressGuard guard{options.allow_private_redirects};

  const std::string& connect_host = *proxy ? (*proxy)->host : parts.host;
  const std::string& connect_port = *proxy ? (*proxy)->port : parts.port;
  auto endpoints = co_await Resolve(hop, connect_host, connect_port, url);
  if (!endpoints) co_return endpoints.error();

  bool reached_public = false;
  if (*proxy) {
    // The proxy is the operator's and may be anywhere; the target is known
    // here only by name, and checked when it is an address.
    boost::system::error_code ec;
    const auto target = asio::ip::make_address(parts.host, ec);
    if (!ec) {
      if (auto ok = guard.Check(hop.came_from_public, target); !ok)
        co_return Error::Refused(ok.error().message + ": " + url);
      reached_public = ClassifyAddress(target) == AddressScope::kPublic;
    } else {
      reached_public = true;  // presumed: later hops to private addresses are then refused
    }
  } else {
    for (const auto& endpoint : *endpoints)
      if (auto ok = guard.Check(hop.came_from_public, endpoint.address()); !ok)
        co_return Error::Refused(ok.error().message + ": " + url);
  }

  beast::tcp_stream tcp(hop.executor);
  ExpireBy(tcp, options.connect_timeout, hop.deadline);
  auto [connect_ec, peer] = co_await tcp.async_connect(*endpoints, kNoThrow);
  if (connect_ec)
    co_return MapError(connect_ec, *proxy ? "connect to the proxy" : "connect", url, hop.deadline);
  if (!*proxy) reached_public = ClassifyAddress(peer.address()) == AddressScope::kPublic;

  Result<Exchange> result = Error::Internal("unreached");
  const std::string proxy_authorization = *proxy ? (*proxy)->authorization : "";
  if (parts.scheme == "http") {
    // Through a proxy, the request names the whole URL (absolute form).
    const std::string target = *proxy ? "http://" + HostHeader(parts) + parts.target : parts.target;
    result = co_await Converse(tcp, parts, target, proxy_authorization, request, hop, url);
    Close(tcp);
  } else {
    if (*proxy) {
      if (auto tunnel = co_await OpenTunnel(tcp, parts, **proxy, hop, url); !tunnel) co_return tunnel.error();
    }
    beast::ssl_stream<beast::tcp_stream> stream(std::move(tcp), *hop.tls);
    boost::system::error_code ec;
    asio::ip::make_address(parts.host, ec);
    // SNI names hosts, never addresses (RFC 6066, section 3).
    if (ec && !SSL_set_tlsext_host_name(stream.native_handle(), parts.host.c_str()))
      co_return Error::Network("TLS: cannot set SNI host name " + parts.host);
    if (options.verify_tls) stream.set_verify_callback(ssl::host_name_verification(parts.host));
    ExpireBy(stream, options.connect_timeout, hop.deadline);
    if (auto [hs_ec] = co_await stream.async_handshake(ssl::stream_base::client, kNoThrow); hs_ec)
      co_return MapError(hs_ec, "TLS handshake", url, hop.deadline);
    // The request itself is not sent through the proxy's credentials: the tunnel is end to end.
    const std::string no_authorization;
    result = co_await Converse(stream, parts, parts.target, no_authorization, request, hop, url);
    // A TLS close_notify is a courtesy; servers often skip theirs, so no wait.
    Close(beast::get_lowest_layer(stream));
  }
  if (result) result->reached_public = reached_public;
  co_return result;
}

}  // namespace pw::fetch
