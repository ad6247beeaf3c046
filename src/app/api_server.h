// app/api_server.h: the daemon's read-only HTTP server (Beast), on the
// event loop.
//
// Routes are exact paths, each a coroutine from a request to a response;
// adding an endpoint is one Handle() call (app/api_routes.cc has the
// built-in ones):
//
//   ApiServer server(loop.get_executor(), {});
//   server.Handle("/healthz", Healthz);   // awaitable<ApiResponse>(ApiRequest)
//   server.Listen("127.0.0.1:8080");      // throws StartupError: bad address, port taken
//   server.Start();                       // accepts until Stop()
//
// Only GET and HEAD; others get 405. Unknown paths get 404, malformed
// requests 400, all with a JSON body {"error": "..."}. A handler that
// throws gets a 500, logged by the caller through OnRequest; the server
// serves on. Bounded: request headers up to 16 KiB, no request bodies, at
// most `max_connections` at once, a connection idle for `idle_timeout` is
// closed; keep-alive is honoured and ends on the client's close. At the
// connection limit, a new connection takes the place of the one that has
// waited longest for a request (slowloris: clients that open connections
// and send nothing, or a byte now and then, cannot lock others out); only
// when every connection is being answered is the new one closed.
//
// Thread-safety: everything on the loop given to the constructor; handlers
// run there too and must hand blocking work (SQLite) to a pool.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <optional>
#include <unordered_map>
#include <vector>

namespace pw::app {

struct ApiRequest {
  std::string method;  // "GET" or "HEAD"
  std::string path;    // decoded, without the query
  // Query parameters, decoded, in order; a name may repeat.
  std::vector<std::pair<std::string, std::string>> params;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // More header fields, e.g. {"Presswatch-Cursor", "articles:3f9a1c2e:1042"}.
  std::vector<std::pair<std::string, std::string>> headers;

  static ApiResponse Json(const boost::json::value& value, int status = 200);
  // {"error": message}
  static ApiResponse Error(int status, const std::string& message);
};

using ApiHandler = std::function<boost::asio::awaitable<ApiResponse>(ApiRequest)>;

class ApiServer {
 public:
  struct Options {
    int max_connections = 64;
    std::chrono::seconds idle_timeout{30};     // between requests on a keep-alive connection
    std::chrono::seconds request_timeout{10};  // to read a request, and to write its response
  };

  ApiServer(boost::asio::any_io_executor loop, Options options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // REQUIRES: before Start(). A later Handle() of the same path replaces it.
  void Handle(const std::string& path, ApiHandler handler);
  // Called after each response (for metrics and logs).
  void OnRequest(std::function<void(const ApiRequest&, int status)> callback) {
    on_request_ = std::move(callback);
  }

  // "HOST:PORT": an IP address ("127.0.0.1", "[::1]", "0.0.0.0") or
  // "localhost"; port 0 picks a free one. Throws StartupError.
  void Listen(const std::string& host_port);
  // "http://127.0.0.1:8080", with the port actually bound.
  std::string url() const;

  void Start();
  // Stops accepting and closes every connection; pending handlers finish
  // but their responses are dropped.
  void Stop();
  // After Stop(): no connection and no accept loop left (the server may be
  // destroyed).
  bool idle() const { return !accepting_ && sessions_.empty(); }

 private:
  boost::asio::awaitable<void> Accept();
  boost::asio::awaitable<void> Session(boost::asio::ip::tcp::socket socket);
  boost::asio::awaitable<ApiResponse> Route(ApiRequest request);
  // At the connection limit: closes the connection that has waited longest
  // for a request; false when every connection is being answered.
  bool EvictLongestWaiting();

  boost::asio::any_io_executor loop_;
  Options options_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::map<std::string, ApiHandler> routes_;
  std::function<void(const ApiRequest&, int)> on_request_;
  // Each open connection, and since when it has been waiting for a request
  // (nullopt while one is being answered).
  std::unordered_map<boost::asio::ip::tcp::socket*, std::optional<std::chrono::steady_clock::time_point>>
      sessions_;
  bool stopped_ = false;
  bool accepting_ = false;
};

// "HOST:PORT" -> the endpoint; throws StartupError naming the value.
boost::asio::ip::tcp::endpoint ParseListenAddress(const std::string& host_port);

}  // namespace pw::app
