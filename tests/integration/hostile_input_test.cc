// Hostile and broken input through the whole daemon path, each among good
// feeds: the hostile one gets a clear error (or is read within bounds),
// nothing crashes, nothing stored is lost, and the good feeds are stored.
// The parsers' own hostile tests are in tests/feed/hostile_test.cc
// (entities, nesting, sizes), tests/text/main_content_test.cc and
// tests/text/normalize_test.cc; the misbehaving servers (stall, drip, cut,
// redirect loops, 64 MiB gzip bomb) in misbehaving_servers_test.cc; the
// storage failures (read-only, full, locked) in storage_failures_test.cc.
// docs/reliability.md lists them all.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "app/daemon.h"
#include "app/poll.h"
#include "store/store.h"
#include "test_server.h"
#include "test_util.h"

namespace pw::app {
namespace {

using namespace std::chrono_literals;
using pw::testing::ReadFile;
using pw::testing::SourceDir;
using pw::testing::TempDir;
using pw::testing::TestServer;
using pw::testing::WriteFile;

constexpr auto kBound = 60s;  // a failure bound, never a speed target

std::string Rss(const std::string& name, const std::string& doctype = "", const std::string& title = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype + "<rss version=\"2.0\"><channel><title>" +
         (title.empty() ? name : title) + "</title><link>http://example.vn/</link><item><title>Bài " + name +
         "</title><link>http://example.vn/" + name + "</link><guid>" + name +
         "</guid><description>Tập đoàn Sovico đầu tư chiến lược vào Quỹ GenAI.</description></item></channel></rss>";
}

bool IsUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (int k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

// Every text column of the stored articles and feeds, for checks.
std::vector<std::string> StoredTexts(const std::string& db_path) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  for (const char* sql : {"SELECT title, summary, content, text, url FROM articles",
                          "SELECT title, IFNULL(last_error, ''), url FROM feeds",
                          "SELECT text, IFNULL(title, ''), IFNULL(organization, '') FROM mentions"}) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) continue;
    while (sqlite3_step(stmt) == SQLITE_ROW)
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        const auto* text = sqlite3_column_blob(stmt, c);
        out.emplace_back(text ? static_cast<const char*>(text) : "",
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
      }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return out;
}

class Hostile : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rules = extract::RuleSet::Load((SourceDir() / "rules").string());
    ASSERT_OK(rules);
    rules_ = *rules;
    options_.fetch.connect_timeout = 5s;
    options_.fetch.first_byte_timeout = 5s;
    options_.fetch.stall_timeout = 5s;
    options_.fetch.total_timeout = 30s;
    options_.schedule.jitter = 0;
    server_.Route("/good1", TestServer::Response{.body = Rss("good1")});
    server_.Route("/good2", TestServer::Response{.body = Rss("good2")});
  }

  // Polls the paths; good1 and good2 are always among them and must be stored.
  PollReport Poll(const std::vector<std::string>& paths) {
    std::vector<feed::Subscription> subs;
    for (const auto& p : paths) {
      feed::Subscription s;
      s.url = p.rfind("http", 0) == 0 ? p : server_.Url(p);
      s.title = p;
      subs.push_back(s);
    }
    PollReport r = PollOnce(subs, dir_.File("pw.db"), rules_, options_);
    for (std::size_t i = 0; i < paths.size(); ++i) {
      if (paths[i] == "/good1" || paths[i] == "/good2") {
        EXPECT_EQ(r.feeds[i].error, "") << paths[i] << " among hostile feeds";
      }
    }
    return r;
  }

  std::string ErrorOf(const PollReport& r, const std::string& path) {
    for (const auto& f : r.feeds)
      if (f.url == server_.Url(path)) return f.error;
    return "(not polled)";
  }

  int Articles() {
    auto db = store::Store::Open(dir_.File("pw.db"), {.read_only = true});
    auto feeds = db->Feeds();
    int n = 0;
    for (const auto& f : *feeds) n += f.items;
    return n;
  }

  TestServer server_;
  TempDir dir_;
  std::shared_ptr<const extract::RuleSet> rules_;
  PollOptions options_;
};

TEST_F(Hostile, XmlAttacksAndBrokenBytesAreBoundedAndTheGoodFeedsAreStored) {
  server_.Route("/secret", TestServer::Response{.body = "SECRET-FROM-THE-NETWORK"});
  server_.Route("/evil.dtd", TestServer::Response{.body = "<!ENTITY leak SYSTEM \"" + server_.Url("/secret") + "\">"});
  // External entities: a file, the network, a parameter entity loading a DTD.
  server_.Route("/xxe", TestServer::Response{.body = Rss(
                            "xxe",
                            "<!DOCTYPE rss SYSTEM \"" + server_.Url("/evil.dtd") + "\" [<!ENTITY file SYSTEM "
                            "\"file:///etc/passwd\"><!ENTITY net SYSTEM \"" + server_.Url("/secret") +
                            "\"><!ENTITY % pe SYSTEM \"" + server_.Url("/evil.dtd") + "\"> %pe;]>",
                            "a&file;b&net;c&leak;")});
  // The billion laughs: ten levels of ten.
  std::string laughs = "<!DOCTYPE rss [<!ENTITY lol \"lol\">";
  for (int i = 1; i <= 9; ++i) {
    laughs += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) laughs += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    laughs += "\">";
  }
  server_.Route("/laughs", TestServer::Response{.body = Rss("laughs", laughs + "]>", "x&lol9;y")});
  // 200,000-deep nesting: XML elements, JSON arrays, and HTML inside an item.
  std::string deep_xml = "<rss version=\"2.0\"><channel><title>deep</title>";
  for (int i = 0; i < 200000; ++i) deep_xml += "<x>";
  server_.Route("/deep-xml", TestServer::Response{.body = deep_xml});
  std::string deep_json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"d\", \"items\": ";
  for (int i = 0; i < 200000; ++i) deep_json += "[";
  server_.Route("/deep-json", TestServer::Response{.body = deep_json, .content_type = "application/feed+json"});
  std::string deep_html = Rss("deep-html");
  std::string divs = "<![CDATA[";
  for (int i = 0; i < 200000; ++i) divs += "<div>";
  deep_html.insert(deep_html.find("Tập đoàn"), divs + "Quỹ GenAI]]>");
  server_.Route("/deep-html", TestServer::Response{.body = deep_html});
  // Invalid UTF-8, NULs and controls in every field, and in the markup.
  const std::string junk = std::string("\xff\xfe\x00\xc3\x28\x01\x1b[31m\xed\xa0\x80\xf4\x90\x80\x80", 16);
  server_.Route("/junk",
                TestServer::Response{.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">" + junk +
                                             "<channel><title>J" + junk + "</title><link>http://example.vn/" + junk +
                                             "</link><item><title>T" + junk + "Quỹ GenAI</title><link>http://example.vn/j" +
                                             junk + "</link><guid>j" + junk + "</guid><pubDate>" + junk +
                                             "</pubDate><description>D" + junk + "<b>" + junk + "</b></description>"
                                             "<category>" + junk + "</category></item></channel></rss>" + junk});

  PollReport r = Poll({"/good1", "/xxe", "/laughs", "/deep-xml", "/deep-json", "/deep-html", "/junk", "/good2"});
  EXPECT_EQ(server_.Hits("/secret"), 0);
  EXPECT_EQ(server_.Hits("/evil.dtd"), 0);
  EXPECT_NE(ErrorOf(r, "/deep-json"), "");  // refused: too deep
  for (const auto& text : StoredTexts(dir_.File("pw.db"))) {
    EXPECT_TRUE(IsUtf8(text)) << text;
    EXPECT_EQ(text.find('\0'), std::string::npos) << text;
    EXPECT_EQ(text.find("SECRET"), std::string::npos) << text;
    EXPECT_EQ(text.find("root:"), std::string::npos) << text;
    EXPECT_LT(text.size(), 1u << 20);  // no expansion
  }
  for (const auto& f : r.feeds) EXPECT_TRUE(IsUtf8(f.error)) << f.url << ": " << f.error;
  // good1, good2, and the items the hostile feeds carried, read within bounds.
  EXPECT_GE(Articles(), 2);
  // The API answers JSON over what was stored.
  auto db = store::Store::Open(dir_.File("pw.db"), {.read_only = true});
  auto hits = db->Search({.query = "GenAI"});
  ASSERT_OK(hits);
  EXPECT_GE(hits->size(), 2u);
}

TEST_F(Hostile, AOneGibBodyIsCutAtTheCapWithoutBeingRead) {
  server_.Route("/gib", TestServer::Response{.behavior = TestServer::Behavior::kStream, .stream_bytes = 1ull << 30});
  server_.Route("/gib-chunked",
                TestServer::Response{.behavior = TestServer::Behavior::kStreamChunked, .stream_bytes = 1ull << 30});
  PollReport r = Poll({"/good1", "/gib", "/gib-chunked", "/good2"});
  for (const char* path : {"/gib", "/gib-chunked"}) {
    EXPECT_NE(ErrorOf(r, path).find("body over the size cap"), std::string::npos) << path << ": " << ErrorOf(r, path);
    // Read up to the 10 MiB cap, then dropped: the rest never crossed (socket buffers aside).
    EXPECT_LT(server_.BytesSent(path), 64ull << 20) << path;
  }
  EXPECT_EQ(Articles(), 2);
}

TEST_F(Hostile, AOneGibGzipBombStopsAtTheInflateCap) {
  server_.Route("/bomb", TestServer::Response{.body = TestServer::GzipZeros(1ull << 30),
                                              .headers = {{"Content-Encoding", "gzip"}}});
  PollReport r = Poll({"/good1", "/bomb", "/good2"});
  EXPECT_NE(ErrorOf(r, "/bomb").find("inflated body over 52428800 bytes"), std::string::npos) << ErrorOf(r, "/bomb");
  EXPECT_EQ(Articles(), 2);
}

TEST_F(Hostile, ASlowlorisServerIsCutWhileAnotherHostIsPolled) {
  // The status line and headers one byte every 100 ms: about 10 s.
  server_.Route("/slowloris", TestServer::Response{.body = Rss("slow"),
                                                   .behavior = TestServer::Behavior::kDripHeaders,
                                                   .drip_interval = 100ms});
  options_.fetch.first_byte_timeout = 1s;
  const std::string other_host = "http://localhost:" + std::to_string(server_.port()) + "/good2";
  PollReport r = Poll({"/good1", "/slowloris", other_host});
  EXPECT_NE(ErrorOf(r, "/slowloris").find("waiting for the response headers"), std::string::npos)
      << ErrorOf(r, "/slowloris");
  EXPECT_EQ(r.feeds[2].error, "");
  EXPECT_EQ(Articles(), 2);
}

TEST_F(Hostile, AResponseWithNulsInItsHeadersIsMalformedNotACrash) {
  server_.Route("/nul-header", TestServer::Response{.body = std::string("HTTP/1.1 200 OK\r\nContent-Type: text/xml\0\r\n"
                                                                        "Content-Length: 5\r\n\r\n<rss>", 58),
                                                    .behavior = TestServer::Behavior::kRaw});
  PollReport r = Poll({"/good1", "/nul-header", "/good2"});
  EXPECT_NE(ErrorOf(r, "/nul-header"), "");
  EXPECT_TRUE(IsUtf8(ErrorOf(r, "/nul-header")));
  EXPECT_EQ(Articles(), 2);
}

// --- The daemon -----------------------------------------------------------

class HostileDaemon : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Route("/good1", TestServer::Response{.body = Rss("good1")});
    config_.db = dir_.File("pw.db");
    config_.feeds = dir_.File("feeds.opml");
    config_.rules = (SourceDir() / "rules").string();
    config_.listen = "127.0.0.1:0";
    config_.workers = 1;
    WriteFile(config_.feeds, "<opml version=\"2.0\"><body>\n<outline text=\"g\" xmlUrl=\"" + server_.Url("/good1") +
                                 "\"/>\n</body></opml>\n");
    options_.handle_signals = false;
    options_.on_polled = [this](const FeedResult&) {
      std::lock_guard<std::mutex> lock(mu_);
      ++polled_;
      cv_.notify_all();
    };
    options_.on_reloaded = [this](bool rules, bool feeds) {
      std::lock_guard<std::mutex> lock(mu_);
      reloads_.emplace_back(rules, feeds);
      cv_.notify_all();
    };
    daemon_ = std::make_unique<Daemon>(config_, Log::ToStream(log_, LogFormat::kText, LogLevel::kInfo), options_);
    thread_ = std::thread([this] { daemon_->Run(); });
    std::unique_lock<std::mutex> lock(mu_);
    ASSERT_TRUE(cv_.wait_for(lock, kBound, [this] { return polled_ >= 1; }));
  }

  void TearDown() override { Stop(); }

  void Stop() {
    if (!thread_.joinable()) return;
    daemon_->RequestStop();
    thread_.join();
  }

  Result<fetch::FetchResponse> Get(const std::string& path) {
    fetch::FetchRequest request{.url = daemon_->url() + path};
    fetch::FetchOptions options;
    options.total_timeout = 20s;
    return fetch::FetchBlocking(std::move(request), options);
  }

  TestServer server_;
  TempDir dir_;
  Config config_;
  Daemon::Options options_;
  std::ostringstream log_;  // written by the daemon's thread; read after Stop()
  std::unique_ptr<Daemon> daemon_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  int polled_ = 0;
  std::vector<std::pair<bool, bool>> reloads_;
};

TEST_F(HostileDaemon, SlowlorisClientsDoNotLockTheApiOut) {
  // Three times the connection limit (64), each sending half a request and
  // then nothing, as slowloris does.
  boost::asio::io_context io;
  const unsigned short port = static_cast<unsigned short>(std::stoi(daemon_->url().substr(daemon_->url().rfind(':') + 1)));
  std::vector<boost::asio::ip::tcp::socket> slow;
  for (int i = 0; i < 192; ++i) {
    slow.emplace_back(io);
    boost::system::error_code ec;
    slow.back().connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
    if (!ec) boost::asio::write(slow.back(), boost::asio::buffer(std::string("GET /healthz HTTP/1.1\r\nHo")), ec);
  }
  for (int i = 0; i < 3; ++i) {
    auto r = Get("/healthz");
    ASSERT_TRUE(r.has_value()) << r.error().message;
    EXPECT_EQ(r->status, 200);
  }
  auto feeds = Get("/api/feeds");
  ASSERT_TRUE(feeds.has_value()) << feeds.error().message;
  EXPECT_EQ(feeds->status, 200);
  EXPECT_NE(feeds->body.find(server_.Url("/good1")), std::string::npos) << feeds->body;
}

TEST_F(HostileDaemon, ABrokenFeedsFileOnReloadKeepsTheOldFeeds) {
  WriteFile(config_.feeds, "<opml version=\"2.0\"><body>\n<outline text=\"x\" xmlUrl=\"https://a.vn/\" pw:interval=\"x\"\n");
  daemon_->RequestReload();
  {
    std::unique_lock<std::mutex> lock(mu_);
    ASSERT_TRUE(cv_.wait_for(lock, kBound, [this] { return !reloads_.empty(); }));
    EXPECT_EQ(reloads_[0], std::make_pair(true, false));  // rules reloaded, feeds kept
  }
  auto feeds = Get("/api/feeds");
  ASSERT_TRUE(feeds.has_value()) << feeds.error().message;
  EXPECT_NE(feeds->body.find(server_.Url("/good1")), std::string::npos) << feeds->body;
  Stop();
  EXPECT_NE(log_.str().find("feeds file not reloaded, keeping the old one error=\"" + config_.feeds + ":"),
            std::string::npos)
      << log_.str();
}

// --- The command line -----------------------------------------------------

struct CommandRun {
  int status = -1;
  std::string err;
};

CommandRun Presswatch(const std::vector<std::string>& args, const std::string& log) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, STDERR_FILENO);
    ::alarm(60);  // a bound
    std::vector<char*> argv{const_cast<char*>(PW_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(PW_BINARY, argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(log)};
}

TEST(HostileCli, AConfigWithWrongTypesIsOneLineWithItsFileLineAndColumn) {
  TempDir dir;
  const std::string config = dir.File("bad.toml");
  WriteFile(config, "db = \"x.db\"\n[poll]\ninterval = \"fast\"\n");
  for (const char* command : {"serve", "poll"}) {
    std::vector<std::string> args = {command, "--config", config};
    if (std::string(command) == "poll") args.push_back("--once");
    CommandRun r = Presswatch(args, dir.File("log"));
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_EQ(r.err, "presswatch: " + config + ":3:12: 'poll.interval' must be a whole number\n");
  }
}

}  // namespace
}  // namespace pw::app
