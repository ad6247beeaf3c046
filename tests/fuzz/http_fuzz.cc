// Fuzz target `http`: the whole path of an HTTP response through the real
// fetch::Fetcher, as the daemon runs it: status line, headers, chunked or
// sized body, the body cap, Content-Encoding and the inflate cap, redirects
// (Location resolved, loops, https->http, file://), then the scheduler's
// reading of Cache-Control and Retry-After (app/schedule.h).
//
// The input is what a server sends: one or more raw responses separated by
// "\n--pw-next-response--\n", served in turn to the connections of one
// fetch (the last repeats), by a loopback server on its own thread that
// writes them and closes. The Fetcher's only proxy is that server, so every
// URL a redirect names (any host) reaches it and nothing else; loopback and
// private addresses are refused by the address guard after the first hop.
//
// Oracles (fetch/fetch.h): a response has a status in 100-599, a body
// within the inflate cap and no more redirects than allowed, all http(s);
// an error is one line; nothing waits for a timeout (the server always
// closes), so each input takes milliseconds.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <mutex>
#include <thread>
#include <vector>

#include "app/schedule.h"
#include "fetch/fetch.h"
#include "fuzz_target.h"

namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

constexpr std::string_view kSeparator = "\n--pw-next-response--\n";

// A blocking server: each connection gets its request read (up to the end of
// the headers) and the next canned response, then is closed.
class CannedServer {
 public:
  CannedServer() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    PW_FUZZ_CHECK(::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) == 0, "bind");
    PW_FUZZ_CHECK(::listen(listener_, 16) == 0, "listen");
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    std::thread([this] { Serve(); }).detach();  // lives as long as the process
  }

  void SetResponses(std::vector<std::string> responses) {
    std::lock_guard<std::mutex> lock(mu_);
    responses_ = std::move(responses);
    next_ = 0;
  }

  unsigned short port() const { return port_; }

 private:
  void Serve() {
    for (;;) {
      const int fd = ::accept(listener_, nullptr, nullptr);
      if (fd < 0) continue;
      timeval bound{2, 0};
      ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &bound, sizeof bound);
      ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &bound, sizeof bound);
      std::string request;
      char buffer[4096];
      while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        request.append(buffer, static_cast<std::size_t>(n));
      }
      std::string response;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (!responses_.empty()) response = responses_[std::min(next_++, responses_.size() - 1)];
      }
      for (std::size_t done = 0; done < response.size();) {
        const ssize_t n = ::send(fd, response.data() + done, response.size() - done, MSG_NOSIGNAL);
        if (n <= 0) break;  // the client stopped reading (a cap): fine
        done += static_cast<std::size_t>(n);
      }
      ::shutdown(fd, SHUT_WR);
      ::close(fd);
    }
  }

  int listener_ = -1;
  unsigned short port_ = 0;
  std::mutex mu_;
  std::vector<std::string> responses_;
  std::size_t next_ = 0;
};

struct Harness {
  Harness() {
    options.connect_timeout = 2s;
    options.first_byte_timeout = 2s;
    options.stall_timeout = 2s;
    options.total_timeout = 5s;
    options.max_body_bytes = 1 << 20;
    options.max_inflated_bytes = 4 << 20;
    options.max_redirects = 5;
    const std::string proxy = "http://127.0.0.1:" + std::to_string(server.port());
    options.proxy.http_proxy = proxy;
    options.proxy.https_proxy = proxy;
    fetcher = std::make_unique<pw::fetch::Fetcher>(io.get_executor(), options);
  }
  CannedServer server;
  asio::io_context io;
  pw::fetch::FetchOptions options;
  std::unique_ptr<pw::fetch::Fetcher> fetcher;
};

Harness& Get() {
  static Harness harness;
  return harness;
}

asio::awaitable<void> FetchInto(pw::fetch::Fetcher& fetcher, std::string url,
                                pw::Result<pw::fetch::FetchResponse>& out) {
  pw::fetch::FetchRequest request{.url = std::move(url), .etag = "\"v1\""};
  out = co_await fetcher.Fetch(std::move(request));
}

}  // namespace

PW_FUZZ_TARGET(http) {
  Harness& h = Get();
  const std::string_view input = pw::fuzz::AsText(data, size);
  std::vector<std::string> responses;
  for (std::size_t start = 0;;) {
    const std::size_t end = input.find(kSeparator, start);
    responses.emplace_back(input.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos || responses.size() == 8) break;
    start = end + kSeparator.size();
  }
  h.server.SetResponses(std::move(responses));

  pw::Result<pw::fetch::FetchResponse> result = pw::Error::Internal("not run");
  std::string url = size % 2 ? "http://feed.example.vn/rss/tin-moi.rss" : "https://feed.example.vn/rss";
  asio::co_spawn(h.io, FetchInto(*h.fetcher, std::move(url), result), asio::detached);
  h.io.restart();
  h.io.run();

  if (!result) {
    PW_FUZZ_CHECK(result.error().kind != pw::ErrorKind::kInternal, "not run, or internal: " + result.error().message);
    PW_FUZZ_CHECK(result.error().message.find('\n') == std::string::npos,
                  "an error of more than one line: " + result.error().message);
    return 0;
  }
  const auto& r = *result;
  PW_FUZZ_CHECK(r.status >= 100 && r.status <= 599, "status " + std::to_string(r.status));
  PW_FUZZ_CHECK(r.body.size() <= h.options.max_inflated_bytes, "a body over the inflate cap");
  PW_FUZZ_CHECK(r.redirects.size() <= static_cast<std::size_t>(h.options.max_redirects), "too many redirects");
  for (const auto& hop : r.redirects)
    PW_FUZZ_CHECK(hop.rfind("http://", 0) == 0 || hop.rfind("https://", 0) == 0, "a redirect to " + hop);
  const pw::Timestamp now = std::chrono::time_point_cast<std::chrono::seconds>(
      std::chrono::sys_days{std::chrono::year{2024} / 11 / 21});
  const auto hints = pw::app::HintsFrom(r, now);
  PW_FUZZ_CHECK(!hints.max_age || hints.max_age->count() >= 0, "a negative max-age");
  PW_FUZZ_CHECK(!hints.retry_after || hints.retry_after->count() >= 0, "a negative Retry-After");
  const auto next = pw::app::NextPollAfterSuccess(now, 15min, hints, {.jitter = 0}, 0.5);
  PW_FUZZ_CHECK(next >= now && next <= now + 24h, "a next poll beyond the 24 h cap");
  return 0;
}
