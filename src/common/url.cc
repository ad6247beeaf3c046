#include "common/url.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <boost/url.hpp>

namespace pw {

namespace urls = boost::urls;

namespace {

bool NeedsIriEncoding(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80 || c == ' '; });
}

// An IRI (RFC 3987) as a URI: bytes above ASCII and spaces percent-encoded.
std::string EncodeIri(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || c == ' ') {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 15];
    } else {
      out += c;
    }
  }
  return out;
}

// The byte that the escape "%XX" at s[i] stands for, or -1 if none is there.
int EscapedByte(std::string_view s, size_t i) {
  auto hex = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::toupper(c) - 'A' + 10); };
  if (i + 2 >= s.size() || s[i] != '%' || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
      !std::isxdigit(static_cast<unsigned char>(s[i + 2])))
    return -1;
  return hex(s[i + 1]) * 16 + hex(s[i + 2]);
}

// The length of the well-formed UTF-8 character that `b` starts with, 0 if
// it starts with none (a stray continuation byte, an overlong form, a
// surrogate, a cut sequence).
size_t Utf8CharacterLength(std::string_view b) {
  const auto c = static_cast<unsigned char>(b[0]);
  const size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || b.size() < n) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(b[k]) & 0xC0) != 0x80) return 0;
  const auto second = static_cast<unsigned char>(b[1]);
  if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) || (c == 0xF0 && second < 0x90) ||
      (c == 0xF4 && second > 0x8F))
    return 0;
  return n;
}

// Back to the IRI: the escapes of bytes above ASCII that spell UTF-8
// characters become the characters again. Any other escape stays as written:
// one the page wrote itself ("%de") must not become a stray byte (found by
// fuzzing: tests/data/fuzz/feed/iri-link-with-an-escape-of-a-lone-byte).
std::string DecodeIri(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (EscapedByte(s, i) < 0x80) {
      out += s[i++];
      continue;
    }
    std::string bytes;  // a run of escapes of bytes above ASCII, decoded
    size_t end = i;
    for (int b; (b = EscapedByte(s, end)) >= 0x80; end += 3) bytes += static_cast<char>(b);
    for (size_t k = 0; k < bytes.size();) {
      const size_t n = Utf8CharacterLength(std::string_view(bytes).substr(k));
      if (n == 0) {
        out.append(s.substr(i + 3 * k, 3));
        ++k;
      } else {
        out.append(bytes, k, n);
        k += n;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  // Already absolute (most links in feeds): resolving would give it back,
  // and parsing it costs more than everything else done to a link.
  if ((ref.substr(0, 7) == "http://" || ref.substr(0, 8) == "https://") &&
      ref.find_first_of(" \"<>\\^`{|}") == std::string_view::npos && !NeedsIriEncoding(ref))
    return std::string(ref);
  if (NeedsIriEncoding(ref) || NeedsIriEncoding(base)) {
    const std::string resolved = ResolveUrl(EncodeIri(base), EncodeIri(ref));
    return resolved.empty() ? std::string() : DecodeIri(resolved);
  }
  auto r = urls::parse_uri_reference(ref);
  if (!r) return {};
  if (r->has_scheme()) return std::string(ref);
  auto b = urls::parse_uri(base);
  if (!b) return std::string(ref);
  urls::url dest;
  if (!urls::resolve(*b, *r, dest)) return std::string(ref);
  return std::string(dest.buffer());
}

namespace {

bool IsTrackingParameter(std::string_view key) {
  static constexpr std::array<std::string_view, 9> kExact = {
      "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga"};
  if (key.size() > 4 && key.substr(0, 4) == "utm_") return true;
  return std::find(kExact.begin(), kExact.end(), key) != kExact.end();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

}  // namespace

std::string CanonicalUrl(std::string_view url) {
  auto r = urls::parse_uri(url);
  if (!r) return {};
  urls::url u(*r);
  const std::string scheme = Lower(u.scheme());
  if (scheme != "http" && scheme != "https") return {};
  u.set_scheme(scheme);
  u.set_encoded_host(Lower(u.encoded_host()));
  if ((scheme == "http" && u.port() == "80") || (scheme == "https" && u.port() == "443"))
    u.remove_port();
  u.remove_fragment();
  if (u.has_query()) {
    urls::url kept = u;
    kept.remove_query();
    for (auto p : u.encoded_params()) {
      if (!IsTrackingParameter(p.key)) kept.encoded_params().append(p);
    }
    u = std::move(kept);
    if (u.encoded_params().empty()) u.remove_query();
  }
  if (u.encoded_path().empty()) {
    // Boost.URL 1.81 writes "/./" for set_encoded_path("/") on an empty path.
    std::string out = scheme + "://" + std::string(u.encoded_authority()) + "/";
    if (u.has_query()) {
      out += '?';
      out += std::string(u.encoded_query());
    }
    return out;
  }
  return std::string(u.buffer());
}

std::string HostOf(std::string_view url) {
  auto r = urls::parse_uri(url);
  if (!r) return {};
  return Lower(r->host());
}

std::optional<UrlParts> SplitUrl(std::string_view url) {
  auto r = urls::parse_uri(url);
  if (!r) return std::nullopt;
  UrlParts p;
  p.scheme = Lower(r->scheme());
  if (p.scheme == "file") {
    p.target = r->path();
    return p;
  }
  if (p.scheme != "http" && p.scheme != "https") return p;
  p.host = r->host_type() == urls::host_type::ipv6 ? std::string(r->encoded_host_address())
                                                      : Lower(r->host());
  if (p.host.size() > 2 && p.host.front() == '[') p.host = p.host.substr(1, p.host.size() - 2);
  p.port = r->has_port() ? std::string(r->port()) : (p.scheme == "https" ? "443" : "80");
  p.target = std::string(r->encoded_path());
  // Appended piece by piece: g++ 12 warns falsely (-Wrestrict) on "/" assigned
  // and on "?" + a temporary.
  if (p.target.empty()) p.target.push_back('/');
  if (r->has_query()) {
    p.target += '?';
    p.target += std::string(r->encoded_query());
  }
  return p;
}

}  // namespace pw
