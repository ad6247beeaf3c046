#include "app/scheduler.h"

#include <gtest/gtest.h>

namespace pw::app {
namespace {

using namespace std::chrono_literals;

const Timestamp kNow = *ParseTimestamp("2024-11-21T05:00:00Z");

TEST(MakeScheduledFeeds, ARestartResumesTheStoredSchedule) {
  std::vector<feed::Subscription> subs(4);
  std::vector<store::FeedHealth> health(4);
  for (int i = 0; i < 4; ++i) {
    subs[i].url = "https://a.vn/" + std::to_string(i);
    health[i].id = 10 + i;
  }
  health[0].next_poll = "2024-11-21T05:30:00Z";  // later: waits for it
  health[1].next_poll = "2024-11-21T04:00:00Z";  // overdue: now
  // health[2] never polled: now
  health[3].next_poll = "2024-11-21T06:00:00Z";
  health[3].etag = "\"e\"";
  health[3].last_modified = "Thu, 21 Nov 2024 02:00:00 GMT";
  health[3].consecutive_failures = 3;
  health[3].moved_to = "https://b.vn/3";
  const auto feeds = MakeScheduledFeeds(subs, health, kNow);
  ASSERT_EQ(feeds.size(), 4u);
  EXPECT_EQ(feeds[0].due, kNow + 30min);
  EXPECT_EQ(feeds[1].due, kNow);
  EXPECT_EQ(feeds[2].due, kNow);
  EXPECT_EQ(feeds[3].task.id, 13);
  EXPECT_EQ(feeds[3].task.sub.url, "https://a.vn/3");          // the feeds file's URL stays its name...
  EXPECT_EQ(feeds[3].task.state.fetch_url, "https://b.vn/3");  // ...and it is fetched where it moved
  EXPECT_EQ(feeds[3].task.state.etag, "\"e\"");
  EXPECT_EQ(feeds[3].task.state.last_modified, "Thu, 21 Nov 2024 02:00:00 GMT");
  EXPECT_EQ(feeds[3].task.state.consecutive_failures, 3);  // the backoff goes on from where it was
  EXPECT_EQ(feeds[0].task.state.fetch_url, "https://a.vn/0");
}

}  // namespace
}  // namespace pw::app
