#include "app/api_server.h"

#include <array>
#include <chrono>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include "app/json_out.h"
#include "common/error.h"
#include "common/utf8.h"

namespace pw::app {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using asio::awaitable;
using asio::ip::tcp;

namespace {

inline constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

}  // namespace

ApiResponse ApiResponse::Json(const json::value& value, int status) {
  return ApiResponse{status, "application/json", Compact(value) + "\n"};
}

ApiResponse ApiResponse::Error(int status, const std::string& message) {
  // A message may quote what the client sent (a path, a parameter): JSON is
  // UTF-8, whatever the request's bytes were.
  return Json(json::object{{"error", ValidUtf8(message)}}, status);
}

tcp::endpoint ParseListenAddress(const std::string& host_port) {
  const auto colon = host_port.rfind(':');
  if (colon == std::string::npos || colon + 1 == host_port.size())
    throw StartupError("listen address '" + host_port + "' must be HOST:PORT (such as 127.0.0.1:8080)");
  std::string host = host_port.substr(0, colon);
  const std::string port = host_port.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost") host = "127.0.0.1";
  if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 || std::stoi(port) > 65535)
    throw StartupError("listen address '" + host_port + "': '" + port + "' is not a port");
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(host, ec);
  if (ec)
    throw StartupError("listen address '" + host_port + "': '" + host +
                       "' is not an IP address (or localhost)");
  return tcp::endpoint(address, static_cast<unsigned short>(std::stoi(port)));
}

ApiServer::ApiServer(asio::any_io_executor loop, Options options)
    : loop_(loop), options_(options), acceptor_(loop) {}

ApiServer::~ApiServer() = default;

void ApiServer::Handle(const std::string& path, ApiHandler handler) { routes_[path] = std::move(handler); }

void ApiServer::Listen(const std::string& host_port) {
  const tcp::endpoint endpoint = ParseListenAddress(host_port);
  boost::system::error_code ec;
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) throw StartupError("cannot listen on " + host_port + ": " + ec.message());
}

std::string ApiServer::url() const {
  const tcp::endpoint endpoint = acceptor_.local_endpoint();
  const std::string host = endpoint.address().is_v6() ? "[" + endpoint.address().to_string() + "]"
                                                      : endpoint.address().to_string();
  return "http://" + host + ":" + std::to_string(endpoint.port());
}

void ApiServer::Start() {
  accepting_ = true;
  asio::co_spawn(loop_, Accept(), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
}

void ApiServer::Stop() {
  stopped_ = true;
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  for (const auto& [socket, waiting] : sessions_) socket->close(ignored);
}

awaitable<void> ApiServer::Accept() {
  while (!stopped_) {
    auto [ec, socket] = co_await acceptor_.async_accept(kNoThrow);
    if (ec == asio::error::operation_aborted || stopped_) break;
    if (ec) continue;  // a connection that died in the backlog: not the server's problem
    if (static_cast<int>(sessions_.size()) >= options_.max_connections && !EvictLongestWaiting()) {
      boost::system::error_code ignored;
      socket.close(ignored);
      continue;
    }
    asio::co_spawn(loop_, Session(std::move(socket)), [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
    });
  }
  accepting_ = false;
}

bool ApiServer::EvictLongestWaiting() {
  tcp::socket* oldest = nullptr;
  std::chrono::steady_clock::time_point since;
  for (const auto& [socket, waiting] : sessions_) {
    if (waiting && (!oldest || *waiting < since)) {
      oldest = socket;
      since = *waiting;
    }
  }
  if (!oldest) return false;
  // Its pending read ends with an error and the session closes itself.
  boost::system::error_code ignored;
  oldest->close(ignored);
  sessions_.erase(oldest);
  return true;
}

awaitable<void> ApiServer::Session(tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  tcp::socket* const key = &stream.socket();
  sessions_[key] = std::nullopt;
  beast::flat_buffer buffer;
  for (bool first = true; !stopped_; first = false) {
    // A new parser per message (boostorg/beast#2715), with its limits.
    http::request_parser<http::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(0);
    stream.expires_after(first ? options_.request_timeout : options_.idle_timeout);
    if (auto it = sessions_.find(key); it != sessions_.end()) it->second = std::chrono::steady_clock::now();
    auto [read_ec, n] = co_await http::async_read(stream, buffer, parser, kNoThrow);
    if (auto it = sessions_.find(key); it != sessions_.end()) it->second = std::nullopt;
    // The client is done (boostorg/beast#2637: the 1.81 example looped here).
    if (read_ec == http::error::end_of_stream || stopped_) break;
    ApiRequest request;
    ApiResponse response;
    bool keep_alive = false;
    if (read_ec) {
      // A malformed request gets its 400; a timeout or a reset gets nothing.
      if (read_ec.category() != http::make_error_code(http::error::bad_target).category()) break;
      // A target or header fields past the parser's limit: RFC 6585's status
      // says which limit, where a 400 would leave the client guessing.
      response = read_ec == http::error::header_limit
                     ? ApiResponse::Error(431, "request header fields (or the target) longer than 16 KiB")
                     : ApiResponse::Error(400, "bad request: " + read_ec.message());
    } else {
      const auto& req = parser.get();
      keep_alive = req.keep_alive();
      request.method = std::string(req.method_string());
      auto target = boost::urls::parse_origin_form(req.target());
      if (!target) {
        response = ApiResponse::Error(400, "bad request target: " + std::string(req.target()));
      } else {
        request.path = target->path();
        for (const auto& param : target->params()) request.params.emplace_back(param.key, param.value);
        response = co_await Route(request);
      }
    }
    if (on_request_) on_request_(request, response.status);
    if (stopped_) break;
    http::response<http::string_body> res{static_cast<http::status>(response.status), 11};
    res.set(http::field::server, "presswatch/" PW_VERSION);
    res.set(http::field::content_type, response.content_type);
    res.set(http::field::cache_control, "no-store");
    for (const auto& [name, value] : response.headers) res.set(name, value);
    res.keep_alive(keep_alive);
    res.content_length(response.body.size());
    if (request.method != "HEAD") res.body() = std::move(response.body);
    stream.expires_after(options_.request_timeout);
    auto [write_ec, written] = co_await http::async_write(stream, res, kNoThrow);
    if (write_ec || !keep_alive) break;
  }
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  // A lingering close: a request refused before it was read whole (past the
  // header limit, say) leaves bytes unread, and closing on them sends a reset
  // that can destroy the response before the client reads it. Read and drop
  // what is left, boundedly (a second, 256 KiB), until the client closes.
  if (stopped_) {
    sessions_.erase(key);
    co_return;
  }
  stream.expires_after(std::chrono::seconds(1));
  std::array<char, 4096> sink;
  for (std::size_t drained = 0; drained < 256 * 1024;) {
    auto [ec, n] = co_await stream.async_read_some(asio::buffer(sink), kNoThrow);
    if (ec) break;
    drained += n;
  }
  sessions_.erase(key);  // after the drain, so that Stop() still closes it
}

awaitable<ApiResponse> ApiServer::Route(ApiRequest request) {
  if (request.method != "GET" && request.method != "HEAD") {
    ApiResponse refused = ApiResponse::Error(405, request.method + " is not allowed: the API is read-only (GET)");
    refused.headers.emplace_back("Allow", "GET, HEAD");  // RFC 9110 15.5.6: a 405 names the methods allowed
    co_return refused;
  }
  auto it = routes_.find(request.path);
  if (it == routes_.end()) co_return ApiResponse::Error(404, "no such endpoint: " + request.path);
  try {
    co_return co_await it->second(std::move(request));
  } catch (const std::exception& e) {
    co_return ApiResponse::Error(500, std::string("internal error: ") + e.what());
  }
}

}  // namespace pw::app
