#include "fetch/proxy.h"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <boost/url.hpp>
#include <cstdlib>
#include <vector>

namespace pw::fetch {

namespace {

namespace ip = boost::asio::ip;
namespace urls = boost::urls;

std::string Env(const char* lower, const char* upper) {
  if (const char* v = std::getenv(lower); v && *v) return v;
  if (upper)
    if (const char* v = std::getenv(upper); v && *v) return v;
  return {};
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

std::string Base64(std::string_view in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 | (unsigned char)in[i + 2];
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(v >> shift) & 63];
  }
  if (i + 1 == in.size()) {
    const unsigned v = (unsigned char)in[i] << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost" || (host.size() > 10 && host.ends_with(".localhost"))) return true;
  boost::system::error_code ec;
  const auto address = ip::make_address(host, ec);
  return !ec && address.is_loopback();
}

// One no_proxy entry against the target host.
bool Matches(std::string entry, const std::string& host) {
  if (entry == "*") return true;
  boost::system::error_code ec;
  const auto host_address = ip::make_address(host, ec);
  const bool host_is_ip = !ec;
  if (const auto slash = entry.find('/'); slash != std::string::npos) {
    if (!host_is_ip) return false;
    const auto network = ip::make_address(entry.substr(0, slash), ec);
    if (ec || network.is_v4() != host_address.is_v4()) return false;
    const int prefix = std::atoi(entry.c_str() + slash + 1);
    const auto a = network.is_v4() ? ip::make_address_v6(ip::v4_mapped, network.to_v4()).to_bytes()
                                   : network.to_v6().to_bytes();
    const auto b = host_address.is_v4() ? ip::make_address_v6(ip::v4_mapped, host_address.to_v4()).to_bytes()
                                        : host_address.to_v6().to_bytes();
    int bits = network.is_v4() ? prefix + 96 : prefix;
    bits = std::clamp(bits, 0, 128);
    for (int i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
      const unsigned mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
      if ((a[i] & mask) != (b[i] & mask)) return false;
    }
    return true;
  }
  // "[::1]:8080", "host:port", "host": the host part only.
  if (!entry.empty() && entry.front() == '[') {
    entry = entry.substr(1, entry.find(']') - 1);
  } else if (std::count(entry.begin(), entry.end(), ':') == 1) {
    entry = entry.substr(0, entry.find(':'));
  }
  if (entry.starts_with("*.")) entry.erase(0, 1);
  if (entry.empty()) return false;
  if (entry.front() == '.') return host.ends_with(entry) || host == entry.substr(1);
  return host == entry || (host.size() > entry.size() && host.ends_with("." + entry));
}

bool Bypassed(const std::string& no_proxy, const std::string& host) {
  std::string entry;
  for (char c : no_proxy + ",") {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!entry.empty() && Matches(Lower(entry), host)) return true;
      entry.clear();
    } else {
      entry += c;
    }
  }
  return false;
}

}  // namespace

ProxySettings ProxySettings::FromEnvironment() {
  ProxySettings s;
  s.http_proxy = Env("http_proxy", nullptr);  // never HTTP_PROXY: see the header
  s.https_proxy = Env("https_proxy", "HTTPS_PROXY");
  s.no_proxy = Env("no_proxy", "NO_PROXY");
  return s;
}

Result<std::optional<Proxy>> ProxyFor(const ProxySettings& settings, const UrlParts& target) {
  const std::string& url = target.scheme == "https" ? settings.https_proxy : settings.http_proxy;
  if (url.empty() || target.host.empty() || IsLoopbackHost(target.host) ||
      Bypassed(settings.no_proxy, target.host))
    return std::optional<Proxy>();
  // "proxy:3128" is how many people write it; curl reads it as http://.
  const std::string full = url.find("://") == std::string::npos ? "http://" + url : url;
  auto parsed = urls::parse_uri(full);
  if (!parsed || parsed->host().empty()) return Error::InvalidArgument("proxy is not a URL: " + url);
  if (Lower(std::string(parsed->scheme())) != "http")
    return Error::Unsupported("only http:// proxies are supported, not " + url);
  Proxy proxy;
  proxy.host = parsed->host_type() == urls::host_type::ipv6 ? std::string(parsed->encoded_host_address())
                                                            : Lower(std::string(parsed->host()));
  if (proxy.host.size() > 2 && proxy.host.front() == '[')
    proxy.host = proxy.host.substr(1, proxy.host.size() - 2);
  proxy.port = parsed->has_port() ? std::string(parsed->port()) : "80";
  if (parsed->has_userinfo())
    proxy.authorization =
        "Basic " + Base64(std::string(parsed->user()) + ":" + std::string(parsed->password()));
  return std::optional<Proxy>(std::move(proxy));
}

}  // namespace pw::fetch
