// fetch/post.h: one HTTP(S) POST, for webhooks (alerts), with the same
// limits as fetching.
//
//   Poster poster(io.get_executor(), FetchOptions{});
//   Result<PostResponse> r = co_await poster.Post({.url = hook, .body = json});
//   if (!r) ...r.error().kind == ErrorKind::kTimeout...
//   else if (r->status / 100 == 2) ...delivered...
//
// What is an error: as for Fetcher (fetch.h), any HTTP response is a
// PostResponse, whatever its status; errors are for no usable response: DNS,
// connect, TLS, a timeout (kTimeout, naming the phase), a response over the
// body cap (kTooLarge), a scheme other than http/https (kUnsupported).
// Redirects are not followed: a webhook that redirects answers 3xx.
//
// Limits come from FetchOptions: connect_timeout, first_byte_timeout (request
// sent, body included, until the response headers), stall_timeout (between
// reads of the response body), total_timeout (the whole exchange),
// max_body_bytes (the response), user_agent, verify_tls, ca_file.
//
// Thread-safety: a Poster is used from the one thread running its executor;
// it may run several Post() coroutines at once and keeps no per-request state.
#pragma once

#include <memory>
#include <string>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include "common/error.h"
#include "fetch/fetch.h"

namespace pw::fetch {

struct PostRequest {
  std::string url;
  std::string body;
  std::string content_type = "application/json";
};

struct PostResponse {
  int status = 0;
  std::string body;  // at most FetchOptions::max_body_bytes
};

class Poster {
 public:
  // REQUIRES: `executor` is the executor of the thread that co_awaits Post().
  // Throws StartupError when the TLS context cannot be set up (bad ca_file).
  Poster(boost::asio::any_io_executor executor, FetchOptions options);
  ~Poster();
  Poster(const Poster&) = delete;
  Poster& operator=(const Poster&) = delete;

  boost::asio::awaitable<Result<PostResponse>> Post(PostRequest request);

 private:
  struct Impl;
  FetchOptions options_;
  std::unique_ptr<Impl> impl_;
};

// Runs one Post on a private io_context and waits for it: for a thread that
// may block (a worker, the writer), never for the event loop.
Result<PostResponse> PostBlocking(PostRequest request, FetchOptions options);

}  // namespace pw::fetch
