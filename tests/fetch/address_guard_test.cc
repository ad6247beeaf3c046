#include "fetch/address_guard.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace pw::fetch {
namespace {

using boost::asio::ip::make_address;

TEST(ClassifyAddress, KnowsEverySpecialRangeThatMatters) {
  struct Case {
    const char* address;
    AddressScope want;
  } cases[] = {
      {"127.0.0.1", AddressScope::kLoopback},
      {"127.255.10.3", AddressScope::kLoopback},
      {"::1", AddressScope::kLoopback},
      {"10.0.0.5", AddressScope::kPrivate},
      {"172.16.0.1", AddressScope::kPrivate},
      {"172.31.255.255", AddressScope::kPrivate},
      {"172.32.0.1", AddressScope::kPublic},  // just past 172.16/12
      {"192.168.1.1", AddressScope::kPrivate},
      {"100.64.0.1", AddressScope::kPrivate},  // carrier-grade NAT
      {"100.128.0.1", AddressScope::kPublic},
      {"169.254.169.254", AddressScope::kLinkLocal},  // cloud metadata service
      {"0.0.0.0", AddressScope::kUnspecified},
      {"0.1.2.3", AddressScope::kUnspecified},
      {"::", AddressScope::kUnspecified},
      {"224.0.0.1", AddressScope::kMulticast},
      {"255.255.255.255", AddressScope::kMulticast},
      {"240.0.0.1", AddressScope::kReserved},
      {"192.0.2.10", AddressScope::kReserved},  // documentation
      {"198.18.0.1", AddressScope::kReserved},  // benchmarking
      {"fe80::1", AddressScope::kLinkLocal},
      {"fd12:3456::1", AddressScope::kPrivate},
      {"fc00::1", AddressScope::kPrivate},
      {"fec0::1", AddressScope::kPrivate},
      {"ff02::1", AddressScope::kMulticast},
      {"2001:db8::1", AddressScope::kReserved},
      {"::ffff:127.0.0.1", AddressScope::kLoopback},  // v4-mapped: judged by its IPv4 address
      {"::ffff:10.1.2.3", AddressScope::kPrivate},
      {"::ffff:203.162.4.190", AddressScope::kPublic},
      {"64:ff9b::a9fe:a9fe", AddressScope::kLinkLocal},  // NAT64 of 169.254.169.254
      {"203.162.4.190", AddressScope::kPublic},
      {"8.8.8.8", AddressScope::kPublic},
      {"2404:6800:4005:80a::200e", AddressScope::kPublic},
  };
  for (const auto& c : cases)
    EXPECT_EQ(ScopeName(ClassifyAddress(make_address(c.address))), ScopeName(c.want)) << c.address;
}

TEST(AddressGuard, RefusesOnlyAPublicToNonPublicStep) {
  const AddressGuard strict;
  // The operator's own feeds may be anywhere: nothing public came before.
  EXPECT_TRUE(strict.Check(false, make_address("127.0.0.1")).has_value());
  EXPECT_TRUE(strict.Check(false, make_address("10.0.0.5")).has_value());
  EXPECT_TRUE(strict.Check(true, make_address("203.162.4.190")).has_value());
  auto refused = strict.Check(true, make_address("169.254.169.254"));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::kRefused);
  EXPECT_NE(refused.error().message.find("169.254.169.254 (link-local)"), std::string::npos)
      << refused.error().message;
  EXPECT_FALSE(strict.Check(true, make_address("::1")).has_value());
  EXPECT_FALSE(strict.Check(true, make_address("::ffff:192.168.0.1")).has_value());

  const AddressGuard lenient{.allow_private = true};
  EXPECT_TRUE(lenient.Check(true, make_address("10.0.0.5")).has_value());
}

}  // namespace
}  // namespace pw::fetch
