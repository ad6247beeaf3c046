// tests/support/test_server.h: the project's own HTTP server for tests, on
// Boost.Beast, in-process, on 127.0.0.1 and a port the kernel picks.
//
//   TestServer server;
//   server.Route("/feed.xml", {.body = rss, .headers = {{"ETag", "\"v1\""}}});
//   server.Route("/slow", {.behavior = TestServer::Behavior::kStallAfterHeaders});
//   fetch(server.Url("/feed.xml")); EXPECT_EQ(server.Hits("/feed.xml"), 1);
//
// It can misbehave on purpose (stall, drip, close mid-body) so the fetcher's
// limits can be tested against real sockets. Unknown paths get 404. A route
// may also be a function of the request (for conditional GET). The server
// runs on its own thread and stops in the destructor, abandoning stalled
// connections. It can also speak TLS with a certificate of its own making
// (Transport::kTls). Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace pw::testing {

class TestServer {
 public:
  enum class Behavior {
    kNormal,
    kStallAfterHeaders,  // send the headers, then nothing until the server stops
    kDrip,               // send the body one byte per `drip_interval`
    kCloseMidBody,       // promise Content-Length, send half, close
    kNoResponse,         // accept, read the request, never answer
  };

  struct Request {
    std::string method, target;
    std::map<std::string, std::string> headers;  // names lower-cased
  };

  struct Response {
    int status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string content_type = "application/xml; charset=utf-8";
    Behavior behavior = Behavior::kNormal;
    std::chrono::milliseconds drip_interval{200};
  };

  using Handler = std::function<Response(const Request&)>;

  enum class Transport {
    kPlain,
    // TLS with a self-signed certificate for 127.0.0.1 (an IP SAN), made
    // at start: a client that trusts CertificatePem() can verify it, any
    // other must refuse it. Only kNormal behaviour over TLS.
    kTls,
  };

  TestServer() : TestServer(Transport::kPlain) {}
  explicit TestServer(Transport transport);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  void Route(const std::string& path, Response response);
  void Route(const std::string& path, Handler handler);
  int Hits(const std::string& path) const;
  // The last request seen on a path.
  Request LastRequest(const std::string& path) const;

  // http://127.0.0.1:PORT/path, or https:// with kTls.
  std::string Url(const std::string& path) const;
  unsigned short port() const { return port_; }
  // kTls: the server's certificate, PEM (to use as a CA file).
  const std::string& CertificatePem() const;

  // `bytes` gzip-compressed, for a Content-Encoding: gzip response.
  static std::string Gzip(std::string_view bytes);
  // A gzip bomb: `n` zero bytes (rounded down to whole MiB) compressed about
  // 1000:1, built without holding the `n` bytes in memory.
  static std::string GzipZeros(std::size_t n);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  unsigned short port_ = 0;
};

}  // namespace pw::testing
