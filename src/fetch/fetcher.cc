// The Fetcher: redirects, file://, and one HTTP exchange per hop on Beast.
#include <algorithm>
#include <fstream>
#include <set>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "common/url.h"
#include "fetch/decompress.h"
#include "fetch/fetch.h"

namespace pw::fetch {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

inline constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

std::string_view FetchResponse::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers)
    if (name == lower_name) return value;
  return {};
}

struct Fetcher::Impl {
  asio::any_io_executor executor;
  ssl::context tls{ssl::context::tls_client};
};

Fetcher::Fetcher(asio::any_io_executor executor, FetchOptions options)
    : options_(std::move(options)), impl_(std::make_unique<Impl>()) {
  impl_->executor = std::move(executor);
  boost::system::error_code ec;
  impl_->tls.set_default_verify_paths(ec);
  if (ec) throw StartupError("TLS: cannot load the system CA store: " + ec.message());
  if (!options_.ca_file.empty()) {
    impl_->tls.load_verify_file(options_.ca_file, ec);
    if (ec) throw StartupError("TLS: cannot load CA file " + options_.ca_file + ": " + ec.message());
  }
  impl_->tls.set_verify_mode(options_.verify_tls ? ssl::verify_peer : ssl::verify_none);
}

Fetcher::~Fetcher() = default;

namespace {

// One hop: what came back before redirects are considered.
struct Exchange {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // as on the wire (maybe compressed)
};

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

bool IsRedirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Sets the stream's expiry to the earlier of the phase limit and the deadline.
template <class Stream>
void ExpireBy(Stream& stream, std::chrono::milliseconds phase, Clock::time_point deadline) {
  beast::get_lowest_layer(stream).expires_at(std::min(Clock::now() + phase, deadline));
}

Error MapError(const boost::system::error_code& ec, std::string_view phase, const std::string& url,
               Clock::time_point deadline) {
  if (ec == beast::error::timeout) {
    const bool whole = Clock::now() >= deadline;
    return Error::Timeout(std::string(whole ? "request deadline" : "timeout") + " during " +
                          std::string(phase) + ": " + url);
  }
  if (ec == http::error::body_limit) return Error::TooLarge("body over the size cap: " + url);
  if (ec == http::error::header_limit) return Error::TooLarge("headers over the size cap: " + url);
  if (ec.category() == asio::error::get_ssl_category() ||
      ec.category() == ssl::error::get_stream_category()) {
    std::string reason = ec.message();
    return Error::Network("TLS error during " + std::string(phase) + ": " + reason + ": " + url);
  }
  return Error::Network(std::string(phase) + " failed: " + ec.message() + ": " + url);
}

template <class Stream>
asio::awaitable<Result<Exchange>> Converse(Stream& stream, const UrlParts& parts,
                                           const FetchRequest& request, const FetchOptions& options,
                                           const std::string& url, Clock::time_point deadline) {
  http::request<http::empty_body> req{http::verb::get, parts.target, 11};
  const bool default_port =
      (parts.scheme == "http" && parts.port == "80") || (parts.scheme == "https" && parts.port == "443");
  const std::string host_header =
      (parts.host.find(':') != std::string::npos ? "[" + parts.host + "]" : parts.host) +
      (default_port ? "" : ":" + parts.port);
  req.set(http::field::host, host_header);
  req.set(http::field::user_agent, options.user_agent);
  req.set(http::field::accept,
          "application/rss+xml, application/atom+xml, application/feed+json, "
          "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
  req.set(http::field::accept_encoding, "gzip, deflate");
  req.set(http::field::connection, "close");
  if (!request.etag.empty()) req.set(http::field::if_none_match, request.etag);
  if (!request.last_modified.empty()) req.set(http::field::if_modified_since, request.last_modified);

  ExpireBy(stream, options.first_byte_timeout, deadline);
  if (auto [ec, n] = co_await http::async_write(stream, req, kNoThrow); ec)
    co_return MapError(ec, "sending the request", url, deadline);

  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(options.max_body_bytes);
  parser.header_limit(64 * 1024);
  ExpireBy(stream, options.first_byte_timeout, deadline);
  if (auto [ec, n] = co_await http::async_read_header(stream, buffer, parser, kNoThrow); ec)
    co_return MapError(ec, "waiting for the response headers", url, deadline);
  // Each read gets the stall limit, so a server that stops sending is cut off;
  // the deadline cuts one that keeps dripping.
  while (!parser.is_done()) {
    ExpireBy(stream, options.stall_timeout, deadline);
    auto [ec, n] = co_await http::async_read_some(stream, buffer, parser, kNoThrow);
    if (ec == http::error::end_of_stream || ec == asio::error::eof) {
      if (!parser.is_done()) co_return Error::Network("connection closed mid-body: " + url);
      break;
    }
    if (ec) co_return MapError(ec, "reading the body", url, deadline);
  }
  Exchange ex;
  auto& res = parser.get();
  ex.status = static_cast<int>(res.result_int());
  for (const auto& field : res) ex.headers.emplace_back(LowerAscii(field.name_string()), field.value());
  ex.body = std::move(res.body());
  co_return ex;
}

asio::awaitable<Result<Exchange>> ExchangeOnce(asio::any_io_executor executor, ssl::context& tls,
                                               const UrlParts& parts, const FetchRequest& request,
                                               const FetchOptions& options, const std::string& url,
                                               Clock::time_point deadline) {
  tcp::resolver resolver(executor);
  auto [rec, endpoints] = co_await resolver.async_resolve(parts.host, parts.port, kNoThrow);
  if (rec) co_return Error::Network("cannot resolve " + parts.host + ": " + rec.message());

  if (parts.scheme == "http") {
    beast::tcp_stream stream(executor);
    ExpireBy(stream, options.connect_timeout, deadline);
    if (auto [ec, ep] = co_await stream.async_connect(endpoints, kNoThrow); ec)
      co_return MapError(ec, "connect", url, deadline);
    auto r = co_await Converse(stream, parts, request, options, url, deadline);
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    co_return r;
  }

  beast::ssl_stream<beast::tcp_stream> stream(executor, tls);
  if (!SSL_set_tlsext_host_name(stream.native_handle(), parts.host.c_str()))
    co_return Error::Network("TLS: cannot set SNI host name " + parts.host);
  if (options.verify_tls) stream.set_verify_callback(ssl::host_name_verification(parts.host));
  ExpireBy(stream, options.connect_timeout, deadline);
  if (auto [ec, ep] = co_await beast::get_lowest_layer(stream).async_connect(endpoints, kNoThrow); ec)
    co_return MapError(ec, "connect", url, deadline);
  ExpireBy(stream, options.connect_timeout, deadline);
  if (auto [ec] = co_await stream.async_handshake(ssl::stream_base::client, kNoThrow); ec)
    co_return MapError(ec, "TLS handshake", url, deadline);
  auto r = co_await Converse(stream, parts, request, options, url, deadline);
  // A TLS close_notify is a courtesy; servers often skip theirs, so no wait.
  boost::system::error_code ignored;
  beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
  co_return r;
}

Result<Exchange> ReadLocalFile(const UrlParts& parts, std::size_t max_bytes) {
  std::ifstream in(parts.target, std::ios::binary);
  if (!in) return Error::NotFound("cannot open " + parts.target);
  Exchange ex;
  ex.status = 200;
  std::string& body = ex.body;
  char chunk[64 * 1024];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    body.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (body.size() > max_bytes) return Error::TooLarge("file over the size cap: " + parts.target);
  }
  if (in.bad()) return Error::Io("cannot read " + parts.target);
  return ex;
}

}  // namespace

asio::awaitable<Result<FetchResponse>> Fetcher::Fetch(FetchRequest request) {
  const auto start = Clock::now();
  const auto deadline = start + options_.total_timeout;
  FetchResponse response;
  std::string url = request.url;
  std::set<std::string> visited;
  bool all_permanent = true;

  for (int hop = 0;; ++hop) {
    visited.insert(url);
    auto parts = SplitUrl(url);
    if (!parts) co_return Error::InvalidArgument("not a URL: " + url);
    Result<Exchange> exchange = Error::Internal("unreached");
    if (parts->scheme == "file") {
      exchange = ReadLocalFile(*parts, options_.max_body_bytes);
    } else if (parts->scheme == "http" || parts->scheme == "https") {
      exchange = co_await ExchangeOnce(impl_->executor, impl_->tls, *parts, request, options_, url,
                                       deadline);
    } else {
      co_return Error::Unsupported("unsupported URL scheme '" + parts->scheme + "': " + url);
    }
    if (!exchange) co_return exchange.error();

    auto location_it =
        std::find_if(exchange->headers.begin(), exchange->headers.end(),
                     [](const auto& h) { return h.first == "location"; });
    if (IsRedirect(exchange->status) && location_it != exchange->headers.end()) {
      if (hop >= options_.max_redirects)
        co_return Error::Refused("more than " + std::to_string(options_.max_redirects) +
                                 " redirects: " + request.url);
      std::string next = ResolveUrl(url, location_it->second);
      if (next.empty()) co_return Error::Malformed("bad redirect Location: " + location_it->second);
      if (visited.count(next)) co_return Error::Refused("redirect loop at " + next);
      if (parts->scheme == "https" && next.rfind("http:", 0) == 0)
        co_return Error::Refused("redirect from https to http refused: " + next);
      all_permanent = all_permanent && (exchange->status == 301 || exchange->status == 308);
      response.redirects.push_back(next);
      url = std::move(next);
      continue;
    }

    response.status = exchange->status;
    response.final_url = url;
    if (!response.redirects.empty() && all_permanent) response.permanent_url = url;
    response.headers = std::move(exchange->headers);
    response.wire_bytes = exchange->body.size();
    auto inflated =
        Inflate(exchange->body, response.Header("content-encoding"), options_.max_inflated_bytes);
    if (!inflated) {
      Error e = inflated.error();
      e.message += ": " + url;
      co_return e;
    }
    response.body = std::move(*inflated);
    response.elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    co_return response;
  }
}

Result<FetchResponse> FetchBlocking(FetchRequest request, FetchOptions options) {
  asio::io_context io;
  Fetcher fetcher(io.get_executor(), std::move(options));
  Result<FetchResponse> result = Error::Internal("fetch did not complete");
  asio::co_spawn(io, fetcher.Fetch(std::move(request)),
                 [&](std::exception_ptr e, Result<FetchResponse> r) {
                   if (e) std::rethrow_exception(e);
                   result = std::move(r);
                 });
  io.run();
  return result;
}

}  // namespace pw::fetch
