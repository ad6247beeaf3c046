// The fetcher against the project's test server on 127.0.0.1.
#include "fetch/fetch.h"

#include <chrono>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <gtest/gtest.h>
#include <zlib.h>

#include "test_server.h"
#include "test_util.h"

namespace pw::fetch {
namespace {

using pw::testing::TestServer;
using namespace std::chrono_literals;

FetchOptions Fast() {
  FetchOptions o;
  o.connect_timeout = 2s;
  o.first_byte_timeout = 2s;
  o.stall_timeout = 500ms;
  o.total_timeout = 3s;
  return o;
}

Result<FetchResponse> Get(const std::string& url, FetchOptions options = Fast(), std::string etag = {},
                          std::string last_modified = {}) {
  FetchRequest request;
  request.url = url;
  request.etag = std::move(etag);
  request.last_modified = std::move(last_modified);
  return FetchBlocking(std::move(request), std::move(options));
}

TEST(Fetcher, GetsBodyStatusAndHeaders) {
  TestServer server;
  server.Route("/feed.xml", TestServer::Response{.body = "<rss/>", .headers = {{"ETag", "\"v1\""}}});
  auto r = Get(server.Url("/feed.xml"));
  ASSERT_OK(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "<rss/>");
  EXPECT_EQ(r->Header("etag"), "\"v1\"");
  EXPECT_EQ(r->final_url, server.Url("/feed.xml"));
  const auto request = server.LastRequest("/feed.xml");
  EXPECT_NE(request.headers.at("user-agent").find("presswatch"), std::string::npos);
  EXPECT_EQ(request.headers.at("accept-encoding"), "gzip, deflate");
}

TEST(Fetcher, ANonSuccessStatusIsAResponseNotAnError) {
  TestServer server;
  auto r = Get(server.Url("/missing"));
  ASSERT_OK(r);
  EXPECT_EQ(r->status, 404);
}

TEST(Fetcher, SendsValidatorsSoTheServerCanAnswer304) {
  TestServer server;
  server.Route("/feed.xml", TestServer::Handler([](const TestServer::Request& req) {
                 if (req.headers.count("if-none-match") && req.headers.at("if-none-match") == "\"v1\"")
                   return TestServer::Response{.status = 304};
                 return TestServer::Response{.body = "<rss/>", .headers = {{"ETag", "\"v1\""}}};
               }));
  auto first = Get(server.Url("/feed.xml"));
  ASSERT_OK(first);
  auto second = Get(server.Url("/feed.xml"), Fast(), std::string(first->Header("etag")),
                    "Wed, 21 Oct 2015 07:28:00 GMT");
  ASSERT_OK(second);
  EXPECT_EQ(second->status, 304);
  EXPECT_TRUE(second->body.empty());
  EXPECT_EQ(server.LastRequest("/feed.xml").headers.at("if-modified-since"), "Wed, 21 Oct 2015 07:28:00 GMT");
}

TEST(Fetcher, InflatesGzipBodies) {
  TestServer server;
  const std::string text = "<rss><channel><title>Thời sự</title></channel></rss>";
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string gz(256, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  zs.avail_in = static_cast<uInt>(text.size());
  zs.next_out = reinterpret_cast<Bytef*>(gz.data());
  zs.avail_out = static_cast<uInt>(gz.size());
  deflate(&zs, Z_FINISH);
  gz.resize(zs.total_out);
  deflateEnd(&zs);
  server.Route("/gz", TestServer::Response{.body = gz, .headers = {{"Content-Encoding", "gzip"}}});
  auto r = Get(server.Url("/gz"));
  ASSERT_OK(r);
  EXPECT_EQ(r->body, text);
  EXPECT_EQ(r->wire_bytes, gz.size());
}

TEST(Fetcher, FollowsRedirectsAndLearnsOnlyPermanentOnes) {
  TestServer server;
  server.Route("/moved", TestServer::Response{.status = 301, .headers = {{"Location", "/new"}}});
  server.Route("/temp", TestServer::Response{.status = 302, .headers = {{"Location", "/new"}}});
  server.Route("/new", TestServer::Response{.body = "<rss/>"});
  auto permanent = Get(server.Url("/moved"));
  ASSERT_OK(permanent);
  EXPECT_EQ(permanent->status, 200);
  EXPECT_EQ(permanent->permanent_url, server.Url("/new"));
  auto temporary = Get(server.Url("/temp"));
  ASSERT_OK(temporary);
  EXPECT_EQ(temporary->final_url, server.Url("/new"));
  EXPECT_TRUE(temporary->permanent_url.empty());
}

TEST(Fetcher, RefusesRedirectLoopsAndTooManyHops) {
  TestServer server;
  server.Route("/a", TestServer::Response{.status = 302, .headers = {{"Location", "/b"}}});
  server.Route("/b", TestServer::Response{.status = 302, .headers = {{"Location", "/a"}}});
  auto loop = Get(server.Url("/a"));
  ASSERT_FALSE(loop.has_value());
  EXPECT_EQ(loop.error().kind, ErrorKind::kRefused);
  for (int i = 0; i < 8; ++i)
    server.Route("/hop" + std::to_string(i),
                 TestServer::Response{.status = 307, .headers = {{"Location", "/hop" + std::to_string(i + 1)}}});
  auto hops = Get(server.Url("/hop0"));
  ASSERT_FALSE(hops.has_value());
  EXPECT_EQ(hops.error().kind, ErrorKind::kRefused);
  EXPECT_NE(hops.error().message.find("redirects"), std::string::npos);
}

// The caller names the URL it asked for: an error does not repeat it, and one
// met after redirects, or a status the caller will not use, says where they led.
TEST(Fetcher, AnErrorNamesTheHopOnlyAfterRedirects) {
  unsigned short port;
  {
    TestServer gone;  // take a free port, then close it
    port = gone.port();
  }
  const std::string closed = "http://127.0.0.1:" + std::to_string(port);
  TestServer server;
  server.Route("/to-closed", TestServer::Response{.status = 302, .headers = {{"Location", closed + "/feed"}}});
  server.Route("/to-missing", TestServer::Response{.status = 301, .headers = {{"Location", "/missing"}}});
  server.Route("/missing", TestServer::Response{.status = 404});

  auto direct = Get(closed + "/feed");
  ASSERT_FALSE(direct.has_value());
  EXPECT_EQ(direct.error().message.find("127.0.0.1"), std::string::npos) << direct.error().message;

  auto redirected = Get(server.Url("/to-closed"));
  ASSERT_FALSE(redirected.has_value());
  const std::string& m = redirected.error().message;
  EXPECT_NE(m.find("connect"), std::string::npos) << m;
  EXPECT_NE(m.find(" (at " + closed + "/feed, after 1 redirect)"), std::string::npos) << m;

  auto missing = Get(server.Url("/to-missing"));
  ASSERT_OK(missing);
  EXPECT_EQ(StatusInWords(*missing), "HTTP 404 (Not Found) at " + server.Url("/missing") + " (after 1 redirect)");
  auto straight = Get(server.Url("/missing"));
  ASSERT_OK(straight);
  EXPECT_EQ(StatusInWords(*straight), "HTTP 404 (Not Found)");
}

TEST(Fetcher, EnforcesTheBodyCapWhileReading) {
  TestServer server;
  server.Route("/big", TestServer::Response{.body = std::string(2 << 20, 'x')});
  FetchOptions options = Fast();
  options.max_body_bytes = 1 << 20;
  auto r = Get(server.Url("/big"), options);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kTooLarge);
}

TEST(Fetcher, CutsAServerThatStallsAfterTheHeaders) {
  TestServer server;
  server.Route("/stall", TestServer::Response{.body = "<rss/>", .behavior = TestServer::Behavior::kStallAfterHeaders});
  const auto start = std::chrono::steady_clock::now();
  auto r = Get(server.Url("/stall"));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kTimeout);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);  // bounded, not a speed target
}

TEST(Fetcher, CutsAServerThatDripsAtTheDeadline) {
  TestServer server;
  // Each byte arrives within the stall limit; only the deadline stops it.
  server.Route("/drip", TestServer::Response{.body = std::string(100, 'x'), .behavior = TestServer::Behavior::kDrip,
                                             .drip_interval = 100ms});
  FetchOptions options = Fast();
  options.total_timeout = 1s;
  auto r = Get(server.Url("/drip"), options);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kTimeout);
  EXPECT_NE(r.error().message.find("deadline"), std::string::npos) << r.error().message;
}

TEST(Fetcher, ReportsABodyCutShort) {
  TestServer server;
  server.Route("/cut", TestServer::Response{.body = std::string(1000, 'x'), .behavior = TestServer::Behavior::kCloseMidBody});
  auto r = Get(server.Url("/cut"));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kNetwork);
}

TEST(Fetcher, ReportsAConnectionRefused) {
  unsigned short port;
  {
    TestServer server;  // take a free port, then close it
    port = server.port();
  }
  auto r = Get("http://127.0.0.1:" + std::to_string(port) + "/x");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kNetwork);
}

TEST(Fetcher, ReadsLocalFilesAndRefusesOtherSchemes) {
  pw::testing::TempDir dir;
  pw::testing::WriteFile(dir.path() / "f.xml", "<rss/>");
  auto r = Get("file://" + dir.File("f.xml"));
  ASSERT_OK(r);
  EXPECT_EQ(r->body, "<rss/>");
  auto missing = Get("file://" + dir.File("nope.xml"));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  auto ftp = Get("ftp://example.com/feed.xml");
  ASSERT_FALSE(ftp.has_value());
  EXPECT_EQ(ftp.error().kind, ErrorKind::kUnsupported);
}

TEST(Fetcher, StopsAGzipBombAtTheInflateCap) {
  TestServer server;
  const std::string bomb = TestServer::GzipZeros(64 << 20);  // 64 MiB of zeros in ~64 KB
  ASSERT_LT(bomb.size(), 1u << 20);
  server.Route("/bomb", TestServer::Response{.body = bomb, .headers = {{"Content-Encoding", "gzip"}}});
  FetchOptions options = Fast();
  options.max_inflated_bytes = 4 << 20;
  auto r = Get(server.Url("/bomb"), options);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kTooLarge);
  EXPECT_NE(r.error().message.find("inflated body over 4194304 bytes"), std::string::npos) << r.error().message;
}

TEST(Fetcher, InflatesOnTheCpuExecutorWhenGivenOne) {
  TestServer server;
  server.Route("/gz", TestServer::Response{.body = TestServer::Gzip("<rss/>"),
                                           .headers = {{"Content-Encoding", "gzip"}}});
  boost::asio::io_context loop;
  boost::asio::io_context cpu;  // run by a second thread, as the daemon's pool
  auto work = boost::asio::make_work_guard(cpu);
  std::thread cpu_thread([&] { cpu.run(); });
  Fetcher fetcher(loop.get_executor(), Fast(), cpu.get_executor());
  Result<FetchResponse> result = Error::Internal("not run");
  FetchRequest request{.url = server.Url("/gz")};
  boost::asio::co_spawn(loop, fetcher.Fetch(std::move(request)), [&](std::exception_ptr e, Result<FetchResponse> r) {
    if (e) std::rethrow_exception(e);
    result = std::move(r);
  });
  loop.run();
  work.reset();
  cpu_thread.join();
  ASSERT_OK(result);
  EXPECT_EQ(result->body, "<rss/>");
}

TEST(Fetcher, RefusesALinkFromAPublicPageToALoopbackAddressWithoutSendingAByte) {
  TestServer server;
  server.Route("/admin", TestServer::Response{.body = "secret"});
  FetchRequest request{.url = server.Url("/admin"), .from_public_page = true};
  auto r = FetchBlocking(std::move(request), Fast());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kRefused);
  EXPECT_NE(r.error().message.find("127.0.0.1 (loopback)"), std::string::npos) << r.error().message;
  EXPECT_EQ(server.Hits("/admin"), 0);
}

// The test server doubles as an http:// proxy: it sees absolute-form
// targets ("http://feeds.example/rss") and routes them like paths.
TEST(Fetcher, GoesThroughAnHttpProxyWithAbsoluteFormRequests) {
  TestServer proxy;
  proxy.Route("http://feeds.example/rss", TestServer::Response{.body = "<rss/>"});
  FetchOptions options = Fast();
  options.proxy.http_proxy = "http://user:pw@127.0.0.1:" + std::to_string(proxy.port());
  auto r = Get("http://feeds.example/rss", options);
  ASSERT_OK(r);
  EXPECT_EQ(r->body, "<rss/>");
  const auto seen = proxy.LastRequest("http://feeds.example/rss");
  EXPECT_EQ(seen.headers.at("host"), "feeds.example");
  EXPECT_EQ(seen.headers.at("proxy-authorization"), "Basic dXNlcjpwdw==");
}

TEST(Fetcher, TunnelsHttpsThroughConnectAndReportsARefusal) {
  TestServer proxy;
  proxy.Route("feeds.example:443", TestServer::Response{.status = 403});
  FetchOptions options = Fast();
  options.proxy.https_proxy = "http://127.0.0.1:" + std::to_string(proxy.port());
  auto r = Get("https://feeds.example/rss", options);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("refused CONNECT feeds.example:443: 403"), std::string::npos) << r.error().message;
  EXPECT_EQ(proxy.LastRequest("feeds.example:443").method, "CONNECT");
}

TEST(Fetcher, RefusesARedirectFromAPublicHostToALoopbackAddress) {
  // Through the proxy, feeds.example is presumed public; its redirect to
  // 127.0.0.1 (which is never proxied) must not be followed.
  TestServer server;
  server.Route("http://feeds.example/rss",
               TestServer::Response{.status = 302, .headers = {{"Location", server.Url("/secret")}}});
  server.Route("/secret", TestServer::Response{.body = "metadata"});
  FetchOptions options = Fast();
  options.proxy.http_proxy = "http://127.0.0.1:" + std::to_string(server.port());
  auto refused = Get("http://feeds.example/rss", options);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::kRefused);
  EXPECT_EQ(server.Hits("/secret"), 0);

  options.allow_private_redirects = true;
  auto allowed = Get("http://feeds.example/rss", options);
  ASSERT_OK(allowed);
  EXPECT_EQ(allowed->body, "metadata");
}

TEST(Fetcher, VerifiesTlsCertificatesAndHostNames) {
  TestServer server(TestServer::Transport::kTls);
  server.Route("/feed.xml", TestServer::Response{.body = "<rss/>"});
  // A certificate no CA vouches for is an error, never a silent accept.
  auto untrusted = Get(server.Url("/feed.xml"));
  ASSERT_FALSE(untrusted.has_value());
  EXPECT_EQ(untrusted.error().kind, ErrorKind::kNetwork);
  EXPECT_NE(untrusted.error().message.find("certificate verify failed"), std::string::npos)
      << untrusted.error().message;

  pw::testing::TempDir dir;
  pw::testing::WriteFile(dir.path() / "ca.pem", server.CertificatePem());
  FetchOptions trusting = Fast();
  trusting.ca_file = dir.File("ca.pem");
  auto trusted = Get(server.Url("/feed.xml"), trusting);
  ASSERT_OK(trusted);
  EXPECT_EQ(trusted->body, "<rss/>");

  // Trusted, but issued for 127.0.0.1, not for "localhost".
  auto wrong_name = Get("https://localhost:" + std::to_string(server.port()) + "/feed.xml", trusting);
  ASSERT_FALSE(wrong_name.has_value());
  EXPECT_NE(wrong_name.error().message.find("TLS"), std::string::npos) << wrong_name.error().message;
}

TEST(Fetcher, EndsAtOnceWhenCancelled) {
  TestServer server;
  boost::asio::io_context io;
  boost::asio::cancellation_signal cancel;
  // The server cancels the fetch as soon as it has the request (and never answers).
  server.Route("/hang", TestServer::Handler([&](const TestServer::Request&) {
                 boost::asio::post(io, [&] { cancel.emit(boost::asio::cancellation_type::terminal); });
                 return TestServer::Response{.behavior = TestServer::Behavior::kNoResponse};
               }));
  FetchOptions options = Fast();
  options.first_byte_timeout = 60s;
  options.total_timeout = 60s;
  Fetcher fetcher(io.get_executor(), options);
  Result<FetchResponse> result = Error::Internal("not run");
  FetchRequest request{.url = server.Url("/hang")};
  boost::asio::co_spawn(io, fetcher.Fetch(std::move(request)),
                        boost::asio::bind_cancellation_slot(cancel.slot(), [&](std::exception_ptr e, Result<FetchResponse> r) {
                          if (e) std::rethrow_exception(e);
                          result = std::move(r);
                        }));
  io.run();  // returns once the fetch is over: long before any timeout
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message.find("cancelled"), std::string::npos) << result.error().message;
}

// Found by fuzzing (tests/data/fuzz/http/status-013-then-a-redirect): a
// status line of "013" was a response of status 13, recorded as the feed's
// HTTP status. RFC 9110 (section 15) allows 100-599 only.
TEST(Fetcher, FuzzFindingAStatusOutside100To599IsMalformed) {
  TestServer server;
  server.Route("/13", TestServer::Response{.body = "HTTP/1.1 013 Moved Permanently\r\nLocation: /x\r\n"
                                                   "Content-Length: 0\r\n\r\n",
                                           .behavior = TestServer::Behavior::kRaw});
  server.Route("/600", TestServer::Response{.body = "HTTP/1.1 600 Nope\r\nContent-Length: 0\r\n\r\n",
                                            .behavior = TestServer::Behavior::kRaw});
  for (const char* path : {"/13", "/600"}) {
    auto r = Get(server.Url(path));
    ASSERT_FALSE(r.has_value()) << path << ": status " << r->status;
    EXPECT_EQ(r.error().kind, ErrorKind::kMalformed);
    EXPECT_EQ(r.error().message.rfind("invalid HTTP status ", 0), 0u) << r.error().message;
  }
}

// Interim responses (103 Early Hints) come before the final one (RFC 9110,
// section 15.2): skipped, up to a bound.
TEST(Fetcher, SkipsInterimResponsesBeforeTheFinalOne) {
  TestServer server;
  const std::string hint = "HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n";
  const std::string final_response = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n<rss/>";
  server.Route("/hints", TestServer::Response{.body = hint + hint + final_response,
                                              .behavior = TestServer::Behavior::kRaw});
  std::string endless;
  for (int i = 0; i < 20; ++i) endless += hint;
  server.Route("/endless", TestServer::Response{.body = endless + final_response,
                                                .behavior = TestServer::Behavior::kRaw});
  auto r = Get(server.Url("/hints"));
  ASSERT_OK(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "<rss/>");
  auto endless_result = Get(server.Url("/endless"));
  ASSERT_FALSE(endless_result.has_value());
  EXPECT_NE(endless_result.error().message.find("interim (1xx) responses"), std::string::npos)
      << endless_result.error().message;
}

}  // namespace
}  // namespace pw::fetch
