// The webhook POST against the project's test server on 127.0.0.1.
#include "fetch/post.h"

#include <gtest/gtest.h>

#include "test_server.h"
#include "test_util.h"

namespace pw::fetch {
namespace {

using pw::testing::TestServer;

FetchOptions Quick() {
  FetchOptions o;
  o.connect_timeout = std::chrono::seconds(2);
  o.first_byte_timeout = std::chrono::milliseconds(300);
  o.stall_timeout = std::chrono::milliseconds(300);
  o.total_timeout = std::chrono::seconds(2);
  return o;
}

TEST(Post, SendsTheBodyAndReturnsAnyStatus) {
  TestServer server;
  server.Route("/hook", TestServer::Response{.status = 202, .body = "queued", .content_type = "text/plain"});
  server.Route("/down", TestServer::Response{.status = 503, .body = "try later"});
  PostRequest request{server.Url("/hook"), "{\"entity\":\"GenAI Fund\"}"};
  auto r = PostBlocking(std::move(request), Quick());
  ASSERT_OK(r);
  EXPECT_EQ(r->status, 202);
  EXPECT_EQ(r->body, "queued");
  const auto seen = server.LastRequest("/hook");
  EXPECT_EQ(seen.method, "POST");
  EXPECT_EQ(seen.body, "{\"entity\":\"GenAI Fund\"}");
  EXPECT_EQ(seen.headers.at("content-type"), "application/json");
  EXPECT_EQ(seen.headers.at("user-agent").rfind("presswatch/", 0), 0u);

  PostRequest down{server.Url("/down"), "{}"};
  auto failed = PostBlocking(std::move(down), Quick());
  ASSERT_OK(failed);
  EXPECT_EQ(failed->status, 503);
}

TEST(Post, ASilentServerTimesOutAndOtherSchemesAreRefused) {
  TestServer server;
  server.Route("/silent", TestServer::Response{.behavior = TestServer::Behavior::kNoResponse});
  PostRequest silent{server.Url("/silent"), "{}"};
  auto r = PostBlocking(std::move(silent), Quick());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kTimeout);
  EXPECT_NE(r.error().message.find("response headers"), std::string::npos) << r.error().message;

  PostRequest file{"file:///tmp/x", "{}"};
  auto refused = PostBlocking(std::move(file), Quick());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::kUnsupported);

  // Nothing listens on port 1 of loopback: refused at once.
  PostRequest closed{"http://127.0.0.1:1/hook", "{}"};
  auto unreachable = PostBlocking(std::move(closed), Quick());
  ASSERT_FALSE(unreachable.has_value());
  EXPECT_EQ(unreachable.error().kind, ErrorKind::kNetwork);
}

}  // namespace
}  // namespace pw::fetch
