#include "loopback_feeds.h"

#include <unistd.h>

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <memory>
#include <vector>

namespace pw::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

namespace {

inline constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

std::string Item(int feed, int n) {
  const std::string id = std::to_string(feed) + "-" + std::to_string(n);
  std::string item = "<item><title>Startup ";
  item += id;
  item += " gọi vốn thành công</title><link>http://news.example/a/";
  item += id;
  item += "</link><guid>";
  item += id;
  item += "</guid><pubDate>Thu, 21 Nov 2024 09:00:00 +0700</pubDate><description>Công ty ";
  item += id;
  item += " công bố kết quả kinh doanh quý ba.</description></item>";
  return item;
}

struct Server {
  LoopbackFeeds::Options options;
  asio::io_context io{1};
  std::vector<std::unique_ptr<tcp::acceptor>> acceptors;
  std::vector<int> served;  // requests per feed

  // 304 for a feed that does not change and whose ETag the client has.
  std::string Answer(const http::request<http::empty_body>& req) {
    const std::string target(req.target());
    int feed = -1;
    if (std::sscanf(target.c_str(), "/f/%d.xml", &feed) != 1 || feed < 0 || feed >= options.feeds)
      return "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    const bool changes = feed % options.change_every == 0;
    // A changing feed has a new item at its second request, then stays put.
    const int version = changes ? std::min(++served[static_cast<std::size_t>(feed)], 2) : 1;
    std::string etag = "\"";
    etag += std::to_string(feed);
    etag += "-v";
    etag += std::to_string(version);
    etag += '"';
    if (req[http::field::if_none_match] == etag)
      return "HTTP/1.1 304 Not Modified\r\nETag: " + etag + "\r\nConnection: close\r\n\r\n";
    const std::string body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Feed " +
        std::to_string(feed) + "</title><link>http://news.example/</link>" + Item(feed, 1) +
        Item(feed, version + 1) + "</channel></rss>";
    return "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\nETag: " + etag +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  }

  asio::awaitable<void> Session(tcp::socket socket) {
    beast::flat_buffer buffer;
    http::request<http::empty_body> req;
    auto [ec, n] = co_await http::async_read(socket, buffer, req, kNoThrow);
    if (ec) co_return;
    const std::string response = Answer(req);
    co_await asio::async_write(socket, asio::buffer(response), kNoThrow);
    boost::system::error_code ignored;
    socket.shutdown(tcp::socket::shutdown_send, ignored);
  }

  asio::awaitable<void> Accept(tcp::acceptor& acceptor) {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(kNoThrow);
      if (ec) continue;
      asio::co_spawn(io, Session(std::move(socket)), asio::detached);
    }
  }
};

}  // namespace

std::string LoopbackFeeds::Url(int feed) const {
  return "http://127.0.0." + std::to_string(1 + feed % options_.hosts) + ":" + std::to_string(port_) + "/f/" +
         std::to_string(feed) + ".xml";
}

pid_t LoopbackFeeds::Fork() {
  int ready[2];
  if (::pipe(ready) != 0) return -1;
  const pid_t pid = ::fork();
  if (pid != 0) {
    ::close(ready[1]);
    if (::read(ready[0], &port_, sizeof port_) != sizeof port_) port_ = 0;
    ::close(ready[0]);
    return port_ ? pid : -1;
  }
  ::close(ready[0]);
  Server server;
  server.options = options_;
  server.served.assign(static_cast<std::size_t>(options_.feeds), 0);
  unsigned short port = 0;
  for (int h = 1; h <= options_.hosts; ++h) {
    auto acceptor = std::make_unique<tcp::acceptor>(server.io);
    const tcp::endpoint endpoint(asio::ip::make_address("127.0.0." + std::to_string(h)), port);
    boost::system::error_code ec;
    acceptor->open(endpoint.protocol(), ec);
    if (!ec) acceptor->set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor->bind(endpoint, ec);
    if (!ec) acceptor->listen(4096, ec);
    if (ec) {
      std::fprintf(stderr, "loopback server: cannot listen on %s: %s\n",
                   endpoint.address().to_string().c_str(), ec.message().c_str());
      ::_exit(1);
    }
    port = acceptor->local_endpoint().port();  // the first host's port, for all of them
    server.acceptors.push_back(std::move(acceptor));
  }
  for (auto& acceptor : server.acceptors) asio::co_spawn(server.io, server.Accept(*acceptor), asio::detached);
  if (::write(ready[1], &port, sizeof port) != sizeof port) ::_exit(1);
  ::close(ready[1]);
  server.io.run();
  ::_exit(0);
}

}  // namespace pw::bench
