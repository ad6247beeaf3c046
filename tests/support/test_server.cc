#include "test_server.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace pw::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;
inline constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

struct TestServer::Impl {
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::thread thread;
  mutable std::mutex mu;
  std::map<std::string, Handler> routes;
  std::map<std::string, int> hits;
  std::map<std::string, Request> last;

  Response Answer(const Request& request) {
    std::string path = request.target.substr(0, request.target.find('?'));
    Handler handler;
    {
      std::lock_guard<std::mutex> lock(mu);
      ++hits[path];
      last[path] = request;
      auto it = routes.find(path);
      if (it != routes.end()) handler = it->second;
    }
    if (!handler) return Response{404, "not found", {}, "text/plain"};
    return handler(request);
  }

  static std::string Head(const Response& r, std::size_t content_length) {
    std::string head = "HTTP/1.1 " + std::to_string(r.status) + " " +
                       std::string(http::obsolete_reason(static_cast<http::status>(r.status))) + "\r\n";
    head += "Content-Type: " + r.content_type + "\r\n";
    head += "Content-Length: " + std::to_string(content_length) + "\r\n";
    head += "Connection: close\r\n";
    for (const auto& [name, value] : r.headers) head += name + ": " + value + "\r\n";
    return head + "\r\n";
  }

  asio::awaitable<void> Session(tcp::socket socket) {
    beast::flat_buffer buffer;
    http::request<http::string_body> req;
    auto [ec, n] = co_await http::async_read(socket, buffer, req, kNoThrow);
    if (ec) co_return;
    Request request;
    request.method = std::string(req.method_string());
    request.target = std::string(req.target());
    for (const auto& field : req) {
      std::string name(field.name_string());
      for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
      request.headers[name] = std::string(field.value());
    }
    request.body = std::move(req.body());
    const Response response = Answer(request);
    asio::steady_timer timer(socket.get_executor());
    switch (response.behavior) {
      case Behavior::kNoResponse:
        timer.expires_after(std::chrono::hours(1));
        co_await timer.async_wait(kNoThrow);
        co_return;
      case Behavior::kStallAfterHeaders: {
        const std::string head = Head(response, response.body.size() + 1);
        co_await asio::async_write(socket, asio::buffer(head), kNoThrow);
        timer.expires_after(std::chrono::hours(1));
        co_await timer.async_wait(kNoThrow);
        co_return;
      }
      case Behavior::kDrip: {
        const std::string head = Head(response, response.body.size());
        co_await asio::async_write(socket, asio::buffer(head), kNoThrow);
        for (char c : response.body) {
          timer.expires_after(response.drip_interval);
          co_await timer.async_wait(kNoThrow);
          auto [wec, wn] = co_await asio::async_write(socket, asio::buffer(&c, 1), kNoThrow);
          if (wec) co_return;
        }
        co_return;
      }
      case Behavior::kCloseMidBody: {
        const std::string head = Head(response, response.body.size());
        const std::string half = response.body.substr(0, response.body.size() / 2);
        co_await asio::async_write(socket, asio::buffer(head + half), kNoThrow);
        co_return;
      }
      case Behavior::kNormal: {
        std::string out = Head(response, response.body.size());
        if (request.method != "HEAD") out += response.body;
        co_await asio::async_write(socket, asio::buffer(out), kNoThrow);
        boost::system::error_code ignored;
        socket.shutdown(tcp::socket::shutdown_send, ignored);
        co_return;
      }
    }
  }

  asio::awaitable<void> Accept() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(kNoThrow);
      if (ec) co_return;
      asio::co_spawn(io, Session(std::move(socket)), asio::detached);
    }
  }
};

TestServer::TestServer() : impl_(std::make_unique<Impl>()) {
  tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen();
  port_ = impl_->acceptor.local_endpoint().port();
  asio::co_spawn(impl_->io, impl_->Accept(), asio::detached);
  impl_->thread = std::thread([this] { impl_->io.run(); });
}

TestServer::~TestServer() {
  impl_->io.stop();
  impl_->thread.join();
}

void TestServer::Route(const std::string& path, Response response) {
  Route(path, Handler([response](const Request&) { return response; }));
}

void TestServer::Route(const std::string& path, Handler handler) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->routes[path] = std::move(handler);
}

int TestServer::Hits(const std::string& path) const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto it = impl_->hits.find(path);
  return it == impl_->hits.end() ? 0 : it->second;
}

TestServer::Request TestServer::LastRequest(const std::string& path) const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto it = impl_->last.find(path);
  return it == impl_->last.end() ? Request{} : it->second;
}

std::string TestServer::Url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

}  // namespace pw::testing
