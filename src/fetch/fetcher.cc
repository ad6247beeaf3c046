// The Fetcher: redirects and what may be learnt from them, file://, and
// decompression; each HTTP hop is one Exchange (exchange.h).
#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/status.hpp>
#include <fstream>
#include <set>

#include "common/url.h"
#include "fetch/decompress.h"
#include "fetch/exchange.h"
#include "fetch/fetch.h"
#include "fetch/wire.h"

namespace pw::fetch {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using Steady = std::chrono::steady_clock;

std::string_view FetchResponse::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers)
    if (name == lower_name) return value;
  return {};
}

namespace {

// "after 1 redirect", "after 3 redirects".
std::string AfterRedirects(std::size_t redirects) {
  return "after " + std::to_string(redirects) + (redirects == 1 ? " redirect" : " redirects");
}

}  // namespace

std::string StatusInWords(const FetchResponse& response) {
  const auto reason =
      boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(response.status));
  std::string words = "HTTP " + std::to_string(response.status);
  if (!reason.empty() && reason != "<unknown-status>") words += " (" + std::string(reason) + ")";
  if (!response.redirects.empty())
    words += " at " + response.final_url + " (" + AfterRedirects(response.redirects.size()) + ")";
  return words;
}

struct Fetcher::Impl {
  asio::any_io_executor executor;
  asio::any_io_executor cpu;
  ssl::context tls{ssl::context::tls_client};
};

Fetcher::Fetcher(asio::any_io_executor executor, FetchOptions options, asio::any_io_executor cpu)
    : options_(std::move(options)), impl_(std::make_unique<Impl>()) {
  impl_->executor = std::move(executor);
  impl_->cpu = std::move(cpu);
  ConfigureTlsClient(impl_->tls, options_);
}

Fetcher::~Fetcher() = default;

namespace {

bool IsRedirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

Result<Exchange> ReadLocalFile(const UrlParts& parts, std::size_t max_bytes) {
  std::ifstream in(parts.target, std::ios::binary);
  if (!in) return Error::NotFound("cannot open " + parts.target);
  Exchange ex;
  ex.status = 200;
  std::string& body = ex.body;
  char chunk[64 * 1024];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    body.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (body.size() > max_bytes) return Error::TooLarge("file over the size cap: " + parts.target);
  }
  if (in.bad()) return Error::Io("cannot read " + parts.target);
  return ex;
}

asio::awaitable<Result<Exchange>> ReadLocalFileTask(UrlParts parts, std::size_t max_bytes) {
  co_return ReadLocalFile(parts, max_bytes);
}

// A hop's errors end with the hop's URL (exchange.cc). The caller names the
// URL it asked for, so on the first hop that ending only repeats it ("failed:
// URL: connect failed: ...: URL"); after redirects it says where they led.
Error AtHop(Error error, const std::string& url, int redirects) {
  const std::string ending = ": " + url;
  std::string& m = error.message;
  if (m.size() > ending.size() && m.compare(m.size() - ending.size(), ending.size(), ending) == 0)
    m.resize(m.size() - ending.size());
  if (redirects > 0) m += " (at " + url + ", " + AfterRedirects(static_cast<std::size_t>(redirects)) + ")";
  return error;
}

asio::awaitable<Result<std::string>> InflateTask(std::string body, std::string encoding,
                                                 std::size_t max_output) {
  co_return Inflate(body, encoding, max_output);
}

}  // namespace

asio::awaitable<Result<FetchResponse>> Fetcher::Fetch(FetchRequest request) {
  // Cancellation ends the pending step with operation_aborted, reported as
  // an error value like any other (no exception at the next co_await).
  co_await asio::this_coro::throw_if_cancelled(false);
  const auto start = Steady::now();
  HopContext hop;
  hop.executor = impl_->executor;
  hop.tls = &impl_->tls;
  hop.options = &options_;
  hop.deadline = start + options_.total_timeout;
  if (request.deadline && *request.deadline < hop.deadline) hop.deadline = *request.deadline;
  hop.came_from_public = request.from_public_page;

  FetchResponse response;
  std::string url = request.url;
  std::set<std::string> visited;
  bool all_permanent = true;

  for (int hop_count = 0;; ++hop_count) {
    visited.insert(url);
    auto parts = SplitUrl(url);
    if (!parts) co_return AtHop(Error::InvalidArgument("not a URL: " + url), url, hop_count);
    Result<Exchange> exchange = Error::Internal("unreached");
    if (parts->scheme == "file") {
      // Local files are the operator's own; a redirect never leads here.
      if (hop_count > 0) co_return Error::Refused("redirect to a local file refused: " + url);
      if (impl_->cpu) {
        // A disk read blocks: on the CPU executor when there is one.
        UrlParts local = *parts;
        exchange = co_await asio::co_spawn(
            impl_->cpu, ReadLocalFileTask(std::move(local), options_.max_body_bytes), asio::use_awaitable);
      } else {
        exchange = ReadLocalFile(*parts, options_.max_body_bytes);
      }
    } else if (parts->scheme == "http" || parts->scheme == "https") {
      exchange = co_await ExchangeOnce(hop, *parts, request, url);
    } else {
      co_return AtHop(Error::Unsupported("unsupported URL scheme '" + parts->scheme + "': " + url), url, hop_count);
    }
    if (!exchange) co_return AtHop(exchange.error(), url, hop_count);
    hop.came_from_public = hop.came_from_public || exchange->reached_public;

    auto location_it = std::find_if(exchange->headers.begin(), exchange->headers.end(),
                                    [](const auto& h) { return h.first == "location"; });
    if (IsRedirect(exchange->status) && location_it != exchange->headers.end()) {
      if (hop_count >= options_.max_redirects)
        co_return Error::Refused("more than " + std::to_string(options_.max_redirects) + " redirects");
      std::string next = ResolveUrl(url, location_it->second);
      if (next.empty()) co_return Error::Malformed("bad redirect Location: " + location_it->second);
      if (visited.count(next)) co_return Error::Refused("redirect loop at " + next);
      if (parts->scheme == "https" && next.rfind("http:", 0) == 0)
        co_return Error::Refused("redirect from https to http refused: " + next);
      all_permanent = all_permanent && (exchange->status == 301 || exchange->status == 308);
      response.redirects.push_back(next);
      url = std::move(next);
      continue;
    }

    response.status = exchange->status;
    response.final_url = url;
    response.reached_public = hop.came_from_public;
    if (!response.redirects.empty() && all_permanent) response.permanent_url = url;
    response.headers = std::move(exchange->headers);
    response.wire_bytes = exchange->body.size();
    std::string encoding(response.Header("content-encoding"));
    Result<std::string> inflated = Error::Internal("unreached");
    if (encoding.empty() || encoding == "identity") {
      inflated = std::move(exchange->body);
    } else if (impl_->cpu) {
      // A body at the cap may inflate to max_inflated_bytes: real work, off the loop.
      inflated = co_await asio::co_spawn(
          impl_->cpu,
          InflateTask(std::move(exchange->body), std::move(encoding), options_.max_inflated_bytes),
          asio::use_awaitable);
    } else {
      inflated = Inflate(exchange->body, encoding, options_.max_inflated_bytes);
    }
    if (!inflated) co_return AtHop(inflated.error(), url, hop_count);
    response.body = std::move(*inflated);
    response.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - start);
    co_return response;
  }
}

Result<FetchResponse> FetchBlocking(FetchRequest request, FetchOptions options) {
  return RunToCompletion(std::move(options), std::move(request), &Fetcher::Fetch);
}

}  // namespace pw::fetch
