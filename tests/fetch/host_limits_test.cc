#include "fetch/host_limits.h"

#include <gtest/gtest.h>

#include <vector>

namespace pw::fetch {
namespace {

TEST(HostLimits, AHostNeverHoldsMoreThanItsShare) {
  HostLimits limits(/*global=*/4, /*per_host=*/2);
  auto a1 = limits.TryAcquire("a.vn");
  auto a2 = limits.TryAcquire("a.vn");
  auto a3 = limits.TryAcquire("a.vn");
  EXPECT_TRUE(a1.held());
  EXPECT_TRUE(a2.held());
  EXPECT_FALSE(a3.held());  // a.vn is at its limit...
  EXPECT_FALSE(limits.HasRoom("a.vn"));
  EXPECT_TRUE(limits.HasRoom("b.vn"));  // ...which leaves room for the others
  EXPECT_EQ(limits.in_flight("a.vn"), 2);
  EXPECT_EQ(limits.in_flight(), 2);
}

TEST(HostLimits, TheGlobalLimitCapsEveryHost) {
  HostLimits limits(/*global=*/3, /*per_host=*/2);
  std::vector<HostLimits::Slot> held;
  for (const char* host : {"a.vn", "b.vn", "c.vn"}) held.push_back(limits.TryAcquire(host));
  EXPECT_FALSE(limits.HasGlobalRoom());
  EXPECT_FALSE(limits.TryAcquire("d.vn").held());
  held.pop_back();  // a slot released on destruction
  EXPECT_TRUE(limits.TryAcquire("d.vn").held());
}

TEST(HostLimits, SlotsReleaseOnceWhetherMovedOrReleasedByHand) {
  HostLimits limits(2, 1);
  HostLimits::Slot slot = limits.TryAcquire("a.vn");
  HostLimits::Slot moved = std::move(slot);
  EXPECT_FALSE(slot.held());
  EXPECT_EQ(limits.in_flight("a.vn"), 1);
  moved.Release();
  moved.Release();
  EXPECT_EQ(limits.in_flight(), 0);
  EXPECT_EQ(limits.in_flight("a.vn"), 0);
  moved = limits.TryAcquire("a.vn");
  moved = limits.TryAcquire("b.vn");  // assignment releases what was held
  EXPECT_EQ(limits.in_flight("a.vn"), 0);
  EXPECT_EQ(limits.in_flight(), 1);
}

}  // namespace
}  // namespace pw::fetch
