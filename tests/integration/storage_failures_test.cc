// The database failing under the daemon: a read-only database file, a full
// disk (SQLITE_FULL, on a small tmpfs), a database another process holds
// locked. Each must give a clear error, never a crash, and lose nothing
// already stored; polling resumes and stores everything once the database
// is usable again.
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <gtest/gtest.h>

#include "app/daemon.h"
#include "app/feed_poller.h"
#include "app/log.h"
#include "app/poll.h"
#include "app/writer.h"
#include "store/store.h"
#include "sqlite_check.h"
#include "test_server.h"
#include "test_util.h"

namespace pw::app {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using pw::testing::ReadFile;
using pw::testing::SourceDir;
using pw::testing::TempDir;
using pw::testing::TestServer;
using pw::testing::WriteFile;

constexpr auto kBound = std::chrono::seconds(120);  // a failure bound, never a speed target

// `count` items, each naming a funding round; `pad` bytes of text each.
std::string Rss(const std::string& name, int count, std::size_t pad = 0) {
  std::string rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + name +
                    "</title><link>http://example.vn/</link><language>vi</language>";
  for (int i = 0; i < count; ++i) {
    const std::string id = name + "-" + std::to_string(i);
    rss += "<item><title>Bài " + id + "</title><link>http://example.vn/" + id + "</link><guid>" + id +
           "</guid><pubDate>Thu, 21 Nov 2024 09:00:00 +0700</pubDate><description>Tập đoàn Sovico đầu tư chiến "
           "lược vào Quỹ GenAI. " +
           std::string(pad, 'x') + "</description></item>";
  }
  return rss + "</channel></rss>";
}

std::shared_ptr<const extract::RuleSet> Rules() {
  static const auto rules = *extract::RuleSet::Load((SourceDir() / "rules").string());
  return rules;
}

PollOptions FastPoll() {
  PollOptions o;
  o.fetch.connect_timeout = 5s;
  o.fetch.first_byte_timeout = 5s;
  o.fetch.total_timeout = 20s;
  o.schedule.jitter = 0;
  return o;
}

feed::Subscription Sub(const TestServer& server, const std::string& path) {
  feed::Subscription s;
  s.url = server.Url(path);
  s.title = path;
  return s;
}

int Count(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  int n = -1;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(db, 10000);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
      n = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return n;
}

std::string IntegrityCheck(const std::string& db_path) {
  sqlite3* db = nullptr;
  std::string result = "cannot open";
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK)
    result = pw::testing::IntegrityCheck(db);
  sqlite3_close(db);
  return result;
}

struct BinaryRun {
  int exit_code = -1;  // -1: killed, or not done within kBound
  std::string output;  // stdout and stderr
};

// The real binary; as the user `nobody` when `unprivileged` and we are root
// (root writes any file, whatever its mode).
BinaryRun RunBinary(const std::vector<std::string>& args, const std::string& log, bool unprivileged = false) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    ::dup2(fd, STDOUT_FILENO);
    ::dup2(fd, STDERR_FILENO);
    if (unprivileged && ::geteuid() == 0) {
      if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(126);
    }
    ::alarm(static_cast<unsigned>(kBound.count()));  // a bound: SIGALRM ends a hung child
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

int Lines(const std::string& text) {
  int n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

// --- A read-only database file ------------------------------------------

TEST(StorageFailure, AReadOnlyDatabaseFileIsAClearErrorAndStaysAsItWas) {
  TempDir dir;
  ::chmod(dir.path().c_str(), 0755);
  TestServer server;
  server.Route("/a", TestServer::Response{.body = Rss("a", 3)});
  server.Route("/b", TestServer::Response{.body = Rss("b", 3)});
  const std::string db = dir.File("pw.db");
  WriteFile(dir.path() / "a.opml", "<opml version=\"2.0\"><body><outline text=\"a\" xmlUrl=\"" + server.Url("/a") +
                                       "\"/></body></opml>");
  WriteFile(dir.path() / "ab.opml", "<opml version=\"2.0\"><body><outline text=\"a\" xmlUrl=\"" +
                                        server.Url("/a") + "\"/><outline text=\"b\" xmlUrl=\"" + server.Url("/b") +
                                        "\"/></body></opml>");
  const std::string rules = (SourceDir() / "rules").string();
  BinaryRun first = RunBinary({"poll", "--once", "--db", db, "--feeds", dir.File("a.opml"), "--rules", rules},
                        dir.File("log"));
  ASSERT_EQ(first.exit_code, 0) << first.output;
  const std::string before = ReadFile(db);
  ASSERT_EQ(::chmod(db.c_str(), 0444), 0);

  for (const char* command : {"poll", "serve"}) {
    std::vector<std::string> args = {command, "--db", db, "--feeds", dir.File("ab.opml"), "--rules", rules};
    args.insert(args.begin() + 1, std::string(command) == "poll" ? "--once" : "--listen=127.0.0.1:0");
    BinaryRun r = RunBinary(args, dir.File("log"), /*unprivileged=*/true);
    EXPECT_NE(r.exit_code, 0) << command << ": " << r.output;
    EXPECT_EQ(Lines(r.output), 1) << command << ": " << r.output;
    EXPECT_NE(r.output.find(db), std::string::npos) << command << ": " << r.output;
    EXPECT_NE(r.output.find("read-only"), std::string::npos) << command << ": " << r.output;
  }
  EXPECT_EQ(ReadFile(db), before);  // not a byte changed
  // The queries still read it.
  BinaryRun search = RunBinary({"search", "--db", db, "--json", "GenAI"}, dir.File("log"), /*unprivileged=*/true);
  EXPECT_EQ(search.exit_code, 0) << search.output;
  EXPECT_NE(search.output.find("http://example.vn/a-0"), std::string::npos) << search.output;
}

// --- A full disk ---------------------------------------------------------

// A tmpfs of `bytes` mounted at `path` for the life of the object; skipped
// where mounting is not allowed (not root, or no CAP_SYS_ADMIN).
class SmallDisk {
 public:
  SmallDisk(const std::filesystem::path& path, std::size_t bytes) : path_(path) {
    std::filesystem::create_directories(path);
    const std::string options = "size=" + std::to_string(bytes) + ",mode=0755";
    mounted_ = ::mount("tmpfs", path.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0;
    if (!mounted_) error_ = std::strerror(errno);
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  const std::string& error() const { return error_; }

  // Writes a file until the disk is full.
  void Fill() {
    std::ofstream out(path_ / "filler", std::ios::binary);
    const std::string block(64 * 1024, 'f');
    while (out.write(block.data(), block.size())) out.flush();
  }
  void Free() { std::filesystem::remove(path_ / "filler"); }

 private:
  std::filesystem::path path_;
  bool mounted_ = false;
  std::string error_;
};

TEST(StorageFailure, AFullDiskFailsThePollsInWordsLosesNothingAndTheyResumeWhenThereIsRoom) {
  TempDir dir;
  SmallDisk disk(dir.path() / "disk", 12u << 20);
  if (!disk.mounted()) GTEST_SKIP() << "cannot mount a tmpfs to fill (" << disk.error() << "): run as root";
  TestServer server;
  bool big = false;
  server.Route("/a", TestServer::Response{.body = Rss("a", 3)});
  server.Route("/big", TestServer::Handler([&big](const TestServer::Request&) {
                 return TestServer::Response{.body = big ? Rss("big", 40, 40 * 1024) : Rss("big", 0)};
               }));
  const std::string db = (dir.path() / "disk" / "pw.db").string();
  const std::vector<feed::Subscription> feeds = {Sub(server, "/a"), Sub(server, "/big")};
  PollReport first = PollOnce(feeds, db, Rules(), FastPoll());
  ASSERT_EQ(first.failed(), 0) << first.feeds[0].error << first.feeds[1].error;
  ASSERT_EQ(Count(db, "SELECT COUNT(*) FROM articles"), 3);

  // The disk fills while the database is open, as under a running daemon:
  // these connections keep the -wal and -shm files of the database and of
  // its search index, DB-search (opening on a disk full already is a
  // start-up error, tested below).
  sqlite3* open_meanwhile = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &open_meanwhile, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(open_meanwhile, "SELECT COUNT(*) FROM feeds", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3* index_open_meanwhile = nullptr;
  ASSERT_EQ(sqlite3_open_v2((db + "-search").c_str(), &index_open_meanwhile, SQLITE_OPEN_READWRITE, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(index_open_meanwhile, "SELECT COUNT(*) FROM search_state", nullptr, nullptr, nullptr),
            SQLITE_OK);
  disk.Fill();
  big = true;  // 40 articles of 40 KB: more than the disk has left
  PollReport full = PollOnce(feeds, db, Rules(), FastPoll());
  EXPECT_NE(full.feeds[1].error.find("database or disk is full"), std::string::npos) << full.feeds[1].error;
  EXPECT_EQ(full.feeds[1].new_items, 0);
  EXPECT_EQ(IntegrityCheck(db), "ok");
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM articles"), 3);  // nothing stored lost

  {
    // The daemon starts and answers its API on the full disk.
    Config config;
    config.db = db;
    config.feeds = dir.File("feeds.opml");
    config.rules = (SourceDir() / "rules").string();
    config.listen = "127.0.0.1:0";
    config.workers = 1;
    // The feeds as stored (their titles too): a start writes nothing then. A
    // feeds file that changed needs a write, and on a full disk that is a
    // start-up error ("PATH: database or disk is full").
    WriteFile(config.feeds, "<opml version=\"2.0\"><body><outline text=\"/a\" xmlUrl=\"" + server.Url("/a") +
                                "\"/><outline text=\"/big\" xmlUrl=\"" + server.Url("/big") + "\"/></body></opml>");
    std::ostringstream log;
    Daemon daemon(config, Log::ToStream(log, LogFormat::kText, LogLevel::kInfo), {.handle_signals = false});
    std::thread thread([&daemon] { daemon.Run(); });
    fetch::FetchRequest search{.url = daemon.url() + "/api/search?q=GenAI"};
    auto r = fetch::FetchBlocking(std::move(search), fetch::FetchOptions{});
    daemon.RequestStop();
    thread.join();
    ASSERT_TRUE(r.has_value()) << r.error().message;
    EXPECT_EQ(r->status, 200) << r->body;
    EXPECT_NE(r->body.find("http://example.vn/a-0"), std::string::npos) << r->body;
  }

  sqlite3_close(open_meanwhile);
  sqlite3_close(index_open_meanwhile);
  disk.Free();
  PollReport after = PollOnce(feeds, db, Rules(), FastPoll());
  EXPECT_EQ(after.feeds[1].error, "");
  EXPECT_EQ(after.feeds[1].new_items, 40);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM articles"), 43);
  EXPECT_EQ(IntegrityCheck(db), "ok");
}

// --- A locked database ---------------------------------------------------

// Another connection holding the write lock, until Release().
class WriteLock {
 public:
  explicit WriteLock(const std::string& path) {
    sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr);
    held_ = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~WriteLock() {
    Release();
    sqlite3_close(db_);
  }
  bool held() const { return held_; }
  void Release() {
    if (held_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    held_ = false;
  }

 private:
  sqlite3* db_ = nullptr;
  bool held_ = false;
};

TEST(StorageFailure, PollOnceOnALockedDatabaseSaysSoInOneLineAndLosesNothing) {
  TempDir dir;
  TestServer server;
  server.Route("/a", TestServer::Response{.body = Rss("a", 3)});
  const std::string db = dir.File("pw.db");
  WriteFile(dir.path() / "a.opml", "<opml version=\"2.0\"><body><outline text=\"a\" xmlUrl=\"" + server.Url("/a") +
                                       "\"/><outline text=\"new\" xmlUrl=\"" + server.Url("/a?new") +
                                       "\"/></body></opml>");
  const std::vector<feed::Subscription> one = {Sub(server, "/a")};
  ASSERT_EQ(PollOnce(one, db, Rules(), FastPoll()).failed(), 0);
  {
    WriteLock lock(db);
    ASSERT_TRUE(lock.held());
    BinaryRun r = RunBinary({"poll", "--once", "--db", db, "--feeds", dir.File("a.opml"), "--rules",
                       (SourceDir() / "rules").string()},
                      dir.File("log"));
    EXPECT_NE(r.exit_code, 0) << r.output;
    EXPECT_EQ(Lines(r.output), 1) << r.output;
    EXPECT_NE(r.output.find(db + ": database is locked"), std::string::npos) << r.output;
  }
  EXPECT_EQ(IntegrityCheck(db), "ok");
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM articles"), 3);
}

// The daemon's poll when its save fails (locked, full, read-only): nothing
// of that poll was stored, so the next poll must fetch the items again. It
// once kept the new ETag in memory all the same: the next poll got a 304
// and the items were never stored.
asio::awaitable<void> PollInto(FeedPoller& poller, FeedTask task, std::optional<PollOutcome>& out) {
  asio::cancellation_slot no_cancel;
  out = co_await poller.Poll(std::move(task), no_cancel);
}

TEST(StorageFailure, ASaveThatFailsKeepsTheOldValidatorsSoTheNextPollStoresTheItems) {
  TempDir dir;
  TestServer server;
  server.Route("/etag", TestServer::Handler([](const TestServer::Request& req) {
                 if (req.headers.count("if-none-match") && req.headers.at("if-none-match") == "\"v1\"")
                   return TestServer::Response{.status = 304};
                 return TestServer::Response{.body = Rss("etag", 3), .headers = {{"ETag", "\"v1\""}}};
               }));
  const std::string db_path = dir.File("pw.db");
  auto store = store::Store::Open(db_path, {});
  auto feed_id = store->EnsureFeed(server.Url("/etag"), "etag", "vi");
  ASSERT_OK(feed_id);

  FakeClock clock(*ParseTimestamp("2024-11-21T05:00:00Z"));
  asio::thread_pool pool(2);
  std::optional<PollOutcome> locked_outcome, outcome;
  {
    Writer writer(pool.get_executor(), *store);
    asio::io_context loop;
    fetch::Fetcher fetcher(loop.get_executor(), FastPoll().fetch, pool.get_executor());
    FeedPoller poller(loop.get_executor(), fetcher, pool.get_executor(), writer, Rules(),
                      {std::chrono::minutes(15), {.jitter = 0}, &clock});
    FeedTask task;
    task.id = *feed_id;
    task.sub = Sub(server, "/etag");
    task.state.fetch_url = task.sub.url;
    {
      WriteLock lock(db_path);
      ASSERT_TRUE(lock.held());
      asio::co_spawn(loop, PollInto(poller, task, locked_outcome), asio::detached);
      loop.run();
    }
    ASSERT_TRUE(locked_outcome.has_value());
    EXPECT_NE(locked_outcome->result.error.find("database is locked"), std::string::npos)
        << locked_outcome->result.error;
    EXPECT_EQ(locked_outcome->state.etag, "");  // not "v1": nothing of that answer was stored
    EXPECT_EQ(locked_outcome->state.consecutive_failures, 1);
    EXPECT_EQ(locked_outcome->next_poll, clock.Now() + 15min);  // a failure's backoff

    task.state = locked_outcome->state;  // as the scheduler carries it
    loop.restart();
    asio::co_spawn(loop, PollInto(poller, task, outcome), asio::detached);
    loop.run();
  }
  pool.join();
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->result.status, 200);  // fetched again, not a 304
  EXPECT_EQ(outcome->result.new_items, 3);
  EXPECT_EQ(outcome->state.etag, "\"v1\"");
  EXPECT_EQ(Count(db_path, "SELECT COUNT(*) FROM articles"), 3);
}

// The search index's own file locked by another connection (store/search_index.h):
// the articles are stored all the same, the daemon's log says once that the
// index is behind and once that it caught up, and the next poll's batch
// indexes the earlier one's text too.
TEST(StorageFailure, ASearchIndexThatCannotBeWrittenIsLoggedOnceAndCatchesUp) {
  TempDir dir;
  TestServer server;
  server.Route("/a", TestServer::Response{.body = Rss("a", 3)});
  server.Route("/b", TestServer::Response{.body = Rss("b", 2)});
  const std::string db_path = dir.File("pw.db");
  auto store = store::Store::Open(db_path, {});
  std::ostringstream log_text;
  auto log = Log::ToStream(log_text, LogFormat::kText, LogLevel::kInfo);
  auto Task = [&](const std::string& path) {
    FeedTask task;
    auto id = store->EnsureFeed(server.Url(path), path, "vi");
    task.id = id ? *id : 0;
    task.sub = Sub(server, path);
    task.state.fetch_url = task.sub.url;
    return task;
  };
  const FeedTask a = Task("/a"), b = Task("/b");

  FakeClock clock(*ParseTimestamp("2024-11-21T05:00:00Z"));
  asio::thread_pool pool(2);
  std::optional<PollOutcome> locked_outcome, outcome;
  {
    Writer writer(pool.get_executor(), *store, log);
    asio::io_context loop;
    fetch::Fetcher fetcher(loop.get_executor(), FastPoll().fetch, pool.get_executor());
    FeedPoller poller(loop.get_executor(), fetcher, pool.get_executor(), writer, Rules(),
                      {std::chrono::minutes(15), {.jitter = 0}, &clock});
    {
      WriteLock lock(db_path + "-search");
      ASSERT_TRUE(lock.held());
      asio::co_spawn(loop, PollInto(poller, a, locked_outcome), asio::detached);
      loop.run();
    }
    loop.restart();
    asio::co_spawn(loop, PollInto(poller, b, outcome), asio::detached);
    loop.run();
  }
  pool.join();
  ASSERT_TRUE(locked_outcome.has_value());
  EXPECT_EQ(locked_outcome->result.error, "");  // the poll succeeded: its articles are stored
  EXPECT_EQ(locked_outcome->result.new_items, 3);
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->result.new_items, 2);

  const std::string logged = log_text.str();
  EXPECT_EQ(Lines(logged), 2) << logged;
  const auto behind = logged.find("search index behind");
  const auto caught_up = logged.find("search index caught up");
  ASSERT_NE(behind, std::string::npos) << logged;
  EXPECT_NE(logged.find("database is locked", behind), std::string::npos) << logged;
  ASSERT_NE(caught_up, std::string::npos) << logged;
  EXPECT_LT(behind, caught_up);

  auto hits = store->Search({.query = "sovico", .limit = 50});
  ASSERT_OK(hits);
  EXPECT_EQ(hits->size(), 5u);  // the locked poll's three articles too
}

}  // namespace
}  // namespace pw::app
