// The Poster: one POST on Beast, timeouts per phase and a deadline, as the
// Fetcher does for GET.
#include "fetch/post.h"

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
#include "fetch/wire.h"

namespace pw::fetch {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

inline constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

template <class Stream>
asio::awaitable<Result<PostResponse>> Converse(Stream& stream, const UrlParts& parts, const PostRequest& request,
                                               const FetchOptions& options, Clock::time_point deadline) {
  http::request<http::string_body> req{http::verb::post, parts.target, 11};
  req.set(http::field::host, HostHeader(parts));
  req.set(http::field::user_agent, options.user_agent);
  req.set(http::field::content_type, request.content_type);
  req.set(http::field::accept, "*/*");
  req.set(http::field::connection, "close");
  req.body() = request.body;
  req.prepare_payload();

  ExpireBy(stream, options.first_byte_timeout, deadline);
  if (auto [ec, n] = co_await http::async_write(stream, req, kNoThrow); ec)
    co_return MapError(ec, "sending the request", request.url, deadline);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(options.max_body_bytes);
  parser.header_limit(64 * 1024);
  ExpireBy(stream, options.first_byte_timeout, deadline);
  if (auto [ec, n] = co_await http::async_read_header(stream, buffer, parser, kNoThrow); ec)
    co_return MapError(ec, "waiting for the response headers", request.url, deadline);
  while (!parser.is_done()) {
    ExpireBy(stream, options.stall_timeout, deadline);
    auto [ec, n] = co_await http::async_read_some(stream, buffer, parser, kNoThrow);
    if (ec == http::error::end_of_stream || ec == asio::error::eof) break;  // the status is what matters
    if (ec) co_return MapError(ec, "reading the response", request.url, deadline);
  }
  PostResponse response;
  response.status = static_cast<int>(parser.get().result_int());
  response.body = std::move(parser.get().body());
  co_return response;
}

}  // namespace

struct Poster::Impl {
  asio::any_io_executor executor;
  ssl::context tls{ssl::context::tls_client};
};

Poster::Poster(asio::any_io_executor executor, FetchOptions options)
    : options_(std::move(options)), impl_(std::make_unique<Impl>()) {
  impl_->executor = std::move(executor);
  ConfigureTlsClient(impl_->tls, options_);
}

Poster::~Poster() = default;

asio::awaitable<Result<PostResponse>> Poster::Post(PostRequest request) {
  const auto deadline = Clock::now() + options_.total_timeout;
  auto parts = SplitUrl(request.url);
  if (!parts) co_return Error::InvalidArgument("not a URL: " + request.url);
  if (parts->scheme != "http" && parts->scheme != "https")
    co_return Error::Unsupported("a webhook must be http:// or https://: " + request.url);
  tcp::resolver resolver(impl_->executor);
  auto [rec, endpoints] = co_await resolver.async_resolve(parts->host, parts->port, kNoThrow);
  if (rec) co_return Error::Network("cannot resolve " + parts->host + ": " + rec.message());

  if (parts->scheme == "http") {
    beast::tcp_stream stream(impl_->executor);
    ExpireBy(stream, options_.connect_timeout, deadline);
    if (auto [ec, ep] = co_await stream.async_connect(endpoints, kNoThrow); ec)
      co_return MapError(ec, "connect", request.url, deadline);
    auto r = co_await Converse(stream, *parts, request, options_, deadline);
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    co_return r;
  }
  beast::ssl_stream<beast::tcp_stream> stream(impl_->executor, impl_->tls);
  if (!SSL_set_tlsext_host_name(stream.native_handle(), parts->host.c_str()))
    co_return Error::Network("TLS: cannot set SNI host name " + parts->host);
  if (options_.verify_tls) stream.set_verify_callback(ssl::host_name_verification(parts->host));
  ExpireBy(stream, options_.connect_timeout, deadline);
  if (auto [ec, ep] = co_await beast::get_lowest_layer(stream).async_connect(endpoints, kNoThrow); ec)
    co_return MapError(ec, "connect", request.url, deadline);
  ExpireBy(stream, options_.connect_timeout, deadline);
  if (auto [ec] = co_await stream.async_handshake(ssl::stream_base::client, kNoThrow); ec)
    co_return MapError(ec, "TLS handshake", request.url, deadline);
  auto r = co_await Converse(stream, *parts, request, options_, deadline);
  boost::system::error_code ignored;
  beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
  co_return r;
}

Result<PostResponse> PostBlocking(PostRequest request, FetchOptions options) {
  return RunToCompletion(std::move(options), std::move(request), &Poster::Post);
}

}  // namespace pw::fetch
