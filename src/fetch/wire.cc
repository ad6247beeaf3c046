#include "fetch/wire.h"

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>

namespace pw::fetch {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

void ConfigureTlsClient(asio::ssl::context& tls, const FetchOptions& options) {
  boost::system::error_code ec;
  tls.set_default_verify_paths(ec);
  if (ec) throw StartupError("TLS: cannot load the system CA store: " + ec.message());
  if (!options.ca_file.empty()) {
    tls.load_verify_file(options.ca_file, ec);
    if (ec) throw StartupError("TLS: cannot load CA file " + options.ca_file + ": " + ec.message());
  }
  tls.set_verify_mode(options.verify_tls ? asio::ssl::verify_peer : asio::ssl::verify_none);
}

std::string Authority(const std::string& host, const std::string& port) {
  return (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + port;
}

std::string HostHeader(const UrlParts& parts) {
  const bool default_port =
      (parts.scheme == "http" && parts.port == "80") || (parts.scheme == "https" && parts.port == "443");
  if (!default_port) return Authority(parts.host, parts.port);
  return parts.host.find(':') != std::string::npos ? "[" + parts.host + "]" : parts.host;
}

Error MapError(const boost::system::error_code& ec, std::string_view phase, const std::string& url,
               SteadyTime deadline) {
  if (ec == asio::error::operation_aborted)
    return Error::Network("cancelled during " + std::string(phase) + ": " + url);
  if (ec == beast::error::timeout) {
    const bool whole = std::chrono::steady_clock::now() >= deadline;
    return Error::Timeout(std::string(whole ? "request deadline" : "timeout") + " during " +
                          std::string(phase) + ": " + url);
  }
  if (ec == http::error::body_limit) return Error::TooLarge("body over the size cap: " + url);
  if (ec == http::error::header_limit) return Error::TooLarge("headers over the size cap: " + url);
  if (ec.category() == asio::error::get_ssl_category() ||
      ec.category() == asio::ssl::error::get_stream_category())
    return Error::Network("TLS error during " + std::string(phase) + ": " + ec.message() + ": " + url);
  return Error::Network(std::string(phase) + " failed: " + ec.message() + ": " + url);
}

}  // namespace pw::fetch
