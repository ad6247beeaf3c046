#include "fetch/address_guard.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace pw::fetch {

namespace {

namespace ip = boost::asio::ip;

struct V4Range {
  std::uint32_t network;
  int prefix;
  AddressScope scope;
};

constexpr std::uint32_t V4(int a, int b, int c, int d) {
  return (std::uint32_t(a) << 24) | (std::uint32_t(b) << 16) | (std::uint32_t(c) << 8) | std::uint32_t(d);
}

// IANA's special-purpose registry, the ranges that matter for where a
// fetch may go (RFC 6890 and updates). The first match wins.
constexpr std::array<V4Range, 17> kV4Ranges = {{
    {V4(0, 0, 0, 0), 8, AddressScope::kUnspecified},
    {V4(10, 0, 0, 0), 8, AddressScope::kPrivate},
    {V4(100, 64, 0, 0), 10, AddressScope::kPrivate},  // carrier-grade NAT
    {V4(127, 0, 0, 0), 8, AddressScope::kLoopback},
    {V4(169, 254, 0, 0), 16, AddressScope::kLinkLocal},
    {V4(172, 16, 0, 0), 12, AddressScope::kPrivate},
    {V4(192, 0, 0, 0), 24, AddressScope::kReserved},  // IETF protocol assignments
    {V4(192, 0, 2, 0), 24, AddressScope::kReserved},  // documentation
    {V4(192, 88, 99, 0), 24, AddressScope::kReserved},
    {V4(192, 168, 0, 0), 16, AddressScope::kPrivate},
    {V4(198, 18, 0, 0), 15, AddressScope::kReserved},  // benchmarking
    {V4(198, 51, 100, 0), 24, AddressScope::kReserved},
    {V4(203, 0, 113, 0), 24, AddressScope::kReserved},
    {V4(255, 255, 255, 255), 32, AddressScope::kMulticast},  // broadcast: as unsafe
    {V4(224, 0, 0, 0), 4, AddressScope::kMulticast},
    {V4(240, 0, 0, 0), 4, AddressScope::kReserved},
    {V4(0, 0, 0, 0), 0, AddressScope::kPublic},
}};

AddressScope ClassifyV4(std::uint32_t a) {
  for (const auto& r : kV4Ranges) {
    const std::uint32_t mask = r.prefix == 0 ? 0 : ~std::uint32_t(0) << (32 - r.prefix);
    if ((a & mask) == r.network) return r.scope;
  }
  return AddressScope::kPublic;
}

AddressScope ClassifyV6(const ip::address_v6& a) {
  if (a.is_unspecified()) return AddressScope::kUnspecified;
  if (a.is_loopback()) return AddressScope::kLoopback;
  const auto b = a.to_bytes();
  if (a.is_v4_mapped()) return ClassifyV4(V4(b[12], b[13], b[14], b[15]));
  // NAT64 well-known prefix 64:ff9b::/96: the IPv4 address it reaches.
  static constexpr std::array<unsigned char, 12> kNat64 = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::equal(kNat64.begin(), kNat64.end(), b.begin())) return ClassifyV4(V4(b[12], b[13], b[14], b[15]));
  if (b[0] == 0xff) return AddressScope::kMulticast;
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressScope::kLinkLocal;  // fe80::/10
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return AddressScope::kPrivate;    // fec0::/10 site-local
  if ((b[0] & 0xfe) == 0xfc) return AddressScope::kPrivate;                    // fc00::/7 unique local
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
    return AddressScope::kReserved;  // 2001:db8::/32
  // Global unicast is 2000::/3; everything else is unassigned or special.
  if ((b[0] & 0xe0) != 0x20) return AddressScope::kReserved;
  return AddressScope::kPublic;
}

}  // namespace

std::string_view ScopeName(AddressScope scope) {
  switch (scope) {
    case AddressScope::kPublic:
      return "public";
    case AddressScope::kLoopback:
      return "loopback";
    case AddressScope::kPrivate:
      return "private";
    case AddressScope::kLinkLocal:
      return "link-local";
    case AddressScope::kUnspecified:
      return "unspecified";
    case AddressScope::kMulticast:
      return "multicast";
    case AddressScope::kReserved:
      return "reserved";
  }
  return "reserved";
}

AddressScope ClassifyAddress(const ip::address& address) {
  if (address.is_v4()) return ClassifyV4(address.to_v4().to_uint());
  return ClassifyV6(address.to_v6());
}

Result<void> AddressGuard::Check(bool came_from_public, const ip::address& next) const {
  const AddressScope scope = ClassifyAddress(next);
  if (scope == AddressScope::kPublic || !came_from_public || allow_private) return kOk;
  return Error::Refused("a public address led to " + next.to_string() + " (" + std::string(ScopeName(scope)) +
                        "); set [fetch] allow_private_redirects to allow it");
}

}  // namespace pw::fetch
