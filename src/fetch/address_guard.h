// fetch/address_guard.h: which IP addresses a fetch may be led to.
//
// The operator's feeds may live anywhere, loopback included: the feeds file
// is trusted. What is not trusted is where the web leads from there: a feed
// on a public server that redirects to http://169.254.169.254/ (a cloud
// metadata service) or to http://10.0.0.5/admin, or an article link in such a
// feed, could make presswatch a proxy into the operator's own network (SSRF).
// So once a fetch has been on a public address, every later hop must be
// public too, unless the operator allows it.
//
//   ClassifyAddress(make_address("10.1.2.3"))        == AddressScope::kPrivate
//   ClassifyAddress(make_address("::ffff:127.0.0.1")) == AddressScope::kLoopback
//   ClassifyAddress(make_address("203.162.4.190"))   == AddressScope::kPublic
//
//   AddressGuard guard{.allow_private = false};
//   guard.Check(/*came_from_public=*/true, make_address("127.0.0.1"))
//       -> kRefused "a public address led to 127.0.0.1 (loopback)"
//   guard.Check(/*came_from_public=*/false, make_address("127.0.0.1")) -> ok
//
// The check runs on the addresses a host name resolved to, before any
// connection, so no packet goes to a refused address; the fetcher connects
// only to the addresses it checked (no second lookup to rebind).
// Pure; thread-safe.
#pragma once

#include <boost/asio/ip/address.hpp>
#include <string_view>

#include "common/error.h"

namespace pw::fetch {

enum class AddressScope {
  kPublic,       // routable on the internet
  kLoopback,     // 127.0.0.0/8, ::1
  kPrivate,      // 10/8, 172.16/12, 192.168/16, 100.64/10 (CGNAT), fc00::/7, fec0::/10
  kLinkLocal,    // 169.254/16 (cloud metadata lives here), fe80::/10
  kUnspecified,  // 0.0.0.0/8, ::
  kMulticast,    // 224/4, ff00::/8, 255.255.255.255
  kReserved,     // documentation, benchmarking, 240/4 and other special-purpose ranges
};

// "public", "loopback", "private", "link-local", "unspecified", "multicast", "reserved".
std::string_view ScopeName(AddressScope scope);

// IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::/96) IPv6 addresses are
// classified by the IPv4 address they carry.
AddressScope ClassifyAddress(const boost::asio::ip::address& address);

struct AddressGuard {
  bool allow_private = false;  // [fetch] allow_private_redirects

  // Whether a hop to `next` is allowed, given whether the fetch has already
  // been on a public address (or started from a link found on one).
  Result<void> Check(bool came_from_public, const boost::asio::ip::address& next) const;
};

}  // namespace pw::fetch
