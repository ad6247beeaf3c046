// tests/support/test_server.h: the project's own HTTP server for tests, on
// Boost.Beast, in-process, on 127.0.0.1 and a port the kernel picks.
//
//   TestServer server;
//   server.Route("/feed.xml", {.body = rss, .headers = {{"ETag", "\"v1\""}}});
//   server.Route("/slow", {.behavior = TestServer::Behavior::kStallAfterHeaders});
//   fetch(server.Url("/feed.xml")); EXPECT_EQ(server.Hits("/feed.xml"), 1);
//
// It records each path's last request, body included (a webhook's POST).
// It can misbehave on purpose (stall, drip, close mid-body, drip the headers,
// or send any bytes at all as the response) so the fetcher's
// limits can be tested against real sockets. Unknown paths get 404. A route
// may also be a function of the request (for conditional GET). The server
// runs on its own thread and stops in the destructor, abandoning stalled
// connections. It can also speak TLS with a certificate of its own making
// (Transport::kTls). Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
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
    kRaw,                // `body` is the whole response, status line and headers included: sent, then close
    kDripHeaders,        // send the status line and headers one byte per `drip_interval` (slowloris)
    kStream,             // Content-Length `stream_bytes`, then that many spaces, never held in memory
    kStreamChunked,      // the same, chunked, with no length announced
  };

  struct Request {
    std::string method, target;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
  };

  struct Response {
    int status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string content_type = "application/xml; charset=utf-8";
    Behavior behavior = Behavior::kNormal;
    std::chrono::milliseconds drip_interval{200};
    std::uint64_t stream_bytes = 0;  // kStream, kStreamChunked: how many bytes (1 GiB is fine)
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
  // Body bytes a kStream or kStreamChunked route got onto the wire before
  // the client went away.
  std::uint64_t BytesSent(const std::string& path) const;
  // The last request seen on a path.
  Request LastRequest(const std::string& path) const;

  // Every request so far, in the order they arrived, with when the server
  // had read it (politeness tests compare these, never the wall clock).
  struct Arrival {
    std::string path;
    std::chrono::steady_clock::time_point at;
  };
  std::vector<Arrival> Arrivals() const;

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
