// fetch/fetch.h: bytes from a URL, with every limit a hostile server needs.
//
// Fetcher turns a FetchRequest (URL plus the validators stored for it) into a
// FetchResponse: the HTTP status, the headers the poller needs, and the body,
// already inflated. It speaks http:// and https:// (OpenSSL, system CA store,
// SNI, host name verification) over Boost.Beast, and file:// for local feeds.
//
//   Fetcher fetcher(io.get_executor(), FetchOptions{});
//   Result<FetchResponse> r = co_await fetcher.Fetch({.url = "https://vnexpress.net/rss/kinh-doanh.rss"});
//   if (!r) ...r.error().kind == ErrorKind::kTimeout...
//   else if (r->status == 304) ...nothing new...
//
// What is an error and what is not: any HTTP response, 404 and 500 included,
// is a FetchResponse (the caller decides what a status means for a feed).
// Errors are for no usable response: DNS, connect, TLS (a bad certificate is
// kNetwork with the verification message), a timeout (kTimeout, naming the
// phase), a body or inflated body over its cap (kTooLarge), too many
// redirects, a redirect loop, https->http or a hop the address guard refuses
// (kRefused, see address_guard.h), a scheme we do not speak (kUnsupported).
// An error's message does not repeat the URL asked for (the caller names it
// where it reports the error); one met after redirects ends with where they
// led: "connect failed: Connection refused (at http://b.example/, after 1
// redirect)".
//
// Timeouts: each phase (DNS and connect, first byte, each body read) has its
// own limit, and the whole request (redirects included) has a deadline, which
// is what cuts a server that drips a byte at a time. Nothing here throws.
//
// Proxies: FetchOptions::proxy (see proxy.h; the app fills it from
// http_proxy, https_proxy and no_proxy).
//
// Cancellation: Fetch() honours a cancellation slot bound to its completion
// (terminal, partial or total): the pending step ends at once and Fetch()
// returns kNetwork "cancelled during ...".
//
// Thread-safety: a Fetcher is used from the one thread running its executor.
// It may run many Fetch() coroutines at once; it keeps no per-request state.
// Concurrency limits are the caller's (host_limits.h).
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"
#include "fetch/proxy.h"

namespace pw::fetch {

struct FetchOptions {
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
  std::chrono::milliseconds first_byte_timeout{std::chrono::seconds(20)};  // request sent -> headers
  std::chrono::milliseconds stall_timeout{std::chrono::seconds(20)};       // between body reads
  std::chrono::milliseconds total_timeout{std::chrono::seconds(60)};       // whole request
  std::size_t max_body_bytes = 10 << 20;      // on the wire, enforced while reading
  std::size_t max_inflated_bytes = 50 << 20;  // after gzip/deflate: stops a gzip bomb
  int max_redirects = 5;
  std::string user_agent = "presswatch/0.1 (+https://presswatch.dev/bot)";
  bool verify_tls = true;  // false only for tests against a self-signed server
  std::string ca_file;     // extra CA bundle (PEM); the system store is always used
  ProxySettings proxy;     // none by default; ProxySettings::FromEnvironment() for the usual variables
  // Once a fetch has been on a public address, later hops (redirects) to
  // loopback, private or link-local addresses are refused unless this is set.
  bool allow_private_redirects = false;
};

struct FetchRequest {
  std::string url;
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
  // Set when the URL was found in content a public address served (an
  // article link in a feed): then its first hop is guarded too.
  bool from_public_page = false;
  // When set and earlier than the options' total_timeout allows, the whole
  // request ends by then (a caller's budget); a cut request is kTimeout.
  std::optional<std::chrono::steady_clock::time_point> deadline;
};

struct FetchResponse {
  int status = 0;
  std::string final_url;               // after redirects
  std::string permanent_url;           // final_url when every hop was 301/308, else ""
  std::vector<std::string> redirects;  // the URLs redirected through, in order
  // Response headers, names lower-cased, in the order received.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // inflated
  std::size_t wire_bytes = 0;
  std::chrono::milliseconds elapsed{0};
  // The request came from a public page, or one of its hops was answered by
  // a public address: links in this body are FetchRequest::from_public_page.
  bool reached_public = false;

  // The first header of that (lower-case) name, or "".
  std::string_view Header(std::string_view lower_name) const;
};

class Fetcher {
 public:
  // REQUIRES: `executor` is the executor of the thread that co_awaits Fetch().
  // `cpu`, when given, runs decompression (up to max_inflated_bytes of work)
  // and file:// reads, so that they never hold up the event loop; without
  // it, Fetch() does them on `executor`. Throws StartupError when the TLS context cannot be set up
  // (bad ca_file).
  Fetcher(boost::asio::any_io_executor executor, FetchOptions options, boost::asio::any_io_executor cpu = {});
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  boost::asio::awaitable<Result<FetchResponse>> Fetch(FetchRequest request);

  const FetchOptions& options() const { return options_; }

 private:
  struct Impl;
  FetchOptions options_;
  std::unique_ptr<Impl> impl_;
};

// A status the caller will not use, as an operator reads it: "HTTP 503
// (Service Unavailable)"; after redirects, with where they led: "HTTP 404
// (Not Found) at https://b.example/feed (after 1 redirect)".
std::string StatusInWords(const FetchResponse& response);

// Runs one Fetch on a private io_context and waits for it: for the CLI
// (`presswatch feed URL`), never for the daemon.
Result<FetchResponse> FetchBlocking(FetchRequest request, FetchOptions options);

}  // namespace pw::fetch
