// Crash consistency: `presswatch poll --once` and `presswatch serve`, the
// real binary, killed with SIGKILL at random points of an ingest, again and
// again, into one database. After every kill the database must be whole and
// consistent, and nothing it had committed may be lost:
//   - PRAGMA integrity_check is "ok" (tests/support/sqlite_check.h: minus
//     a false alarm of SQLite 3.40), foreign keys hold, and the full-text
//     index (DB-search) passes FTS5's 'integrity-check' and holds exactly
//     the articles up to its watermark (it may lag them by the batch the
//     kill cut off between the two commits; after the last, clean poll it
//     holds them all);
//   - nothing is stored twice: no article key or URL twice, no funding
//     record or mention twice in one article;
//   - every article is whole: the ones committed carry their funding record
//     and mentions (a batch is all or nothing);
//   - every item committed before is still there;
// and a full poll afterwards ends with exactly the expected set: every item
// of every feed, once. Each feed gains three items at every run (and keeps
// the old ones), so every run has articles to commit when it is killed.
//
// The kill point is an event, not a timer: the project's test server serves
// the feeds and kills the process on the N-th request, N random, while
// earlier feeds are being parsed, extracted and committed by the workers.
// `serve` is made to poll every feed at each start (the test moves the
// stored schedule into the past).
//
// CI runs a few kills (PW_CRASH_KILLS, default 6, half of each command);
// scripts/crash-test runs the long form (60 and more). PW_CRASH_SEED replays
// a run; the seed is printed.
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "sqlite_check.h"
#include "store/search_index.h"
#include "store/tokenizer.h"
#include "test_server.h"
#include "test_util.h"

namespace pw::app {
namespace {

using pw::testing::SourceDir;
using pw::testing::TempDir;
using pw::testing::TestServer;
using pw::testing::WriteFile;

constexpr int kFeeds = 16;
constexpr int kItemsPerFeed = 20;  // at the first run
constexpr int kNewPerRun = 3;      // new items in each feed at every later run, so every run ingests
constexpr auto kBound = std::chrono::seconds(180);  // a failure bound per run, never a speed target

std::string Guid(int feed, int item) { return "crash-" + std::to_string(feed) + "-" + std::to_string(item); }

int ItemsAtRun(int run) { return kItemsPerFeed + kNewPerRun * run; }

// The feed as served at run `run`: it keeps its old items and gains new
// ones. Each item names a funding round, so each article stored whole has a
// funding record and mentions.
std::string Feed(int feed, int run) {
  std::string rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Kênh " +
                    std::to_string(feed) + "</title><link>http://example.vn/</link><language>vi</language>";
  for (int i = 0; i < ItemsAtRun(run); ++i) {
    const std::string id = std::to_string(feed) + "-" + std::to_string(i);
    rss += "<item><title>Bài " + id + ": Quỹ GenAI nhận vốn</title><link>http://example.vn/bai/" + id +
           "</link><guid isPermaLink=\"false\">" + Guid(feed, i) +
           "</guid><pubDate>Thu, 21 Nov 2024 09:00:00 +0700</pubDate><description>Bài số " + id +
           ". Ngày 21/11, Tập đoàn Sovico đầu tư chiến lược vào Quỹ GenAI, theo thông cáo của "
           "NIC. Khoản đầu tư giúp Quỹ GenAI mở rộng sang Đông Nam Á.</description></item>";
  }
  return rss + "</channel></rss>";
}

// One SQLite connection for the checks, closed at the end of scope.
class Db {
 public:
  explicit Db(const std::string& path) {
    // Read-write: opening runs the recovery of the WAL the killed process left.
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
      ADD_FAILURE() << "cannot open " << path << ": " << sqlite3_errmsg(db_);
    sqlite3_busy_timeout(db_, 10000);
    // The full-text index's own check needs the index's tokenizer.
    if (!store::RegisterTokenizer(db_)) ADD_FAILURE() << "cannot register the FTS5 tokenizer";
  }

  sqlite3* get() { return db_; }
  ~Db() { sqlite3_close(db_); }

  // Every row of a query, each row's columns joined by '|'.
  std::vector<std::string> Rows(const std::string& sql) {
    std::vector<std::string> rows;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
      return rows;
    }
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        const auto* text = sqlite3_column_text(stmt, c);
        if (c) row += '|';
        row += text ? reinterpret_cast<const char*>(text) : "NULL";
      }
      rows.push_back(row);
    }
    if (rc != SQLITE_DONE) ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    return rows;
  }

  std::string One(const std::string& sql) {
    const auto rows = Rows(sql);
    return rows.empty() ? "" : rows[0];
  }

  // Runs a statement; "" or SQLite's error.
  std::string Exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) == SQLITE_OK) return "";
    std::string message = error ? error : "error";
    sqlite3_free(error);
    return message;
  }

 private:
  sqlite3* db_ = nullptr;
};

// The search index (DB-search, store/search_index.h) after a kill: FTS5's
// own check passes, it holds exactly the articles up to its watermark (a
// contentless index: its rows are those of articles_fts_docsize), and the
// watermark is not past the articles. It may lag the
// articles (killed between the two commits: the next open catches it up);
// `complete` (after a clean exit) says it must not.
void CheckSearchIndex(const std::string& path, const std::string& when, bool complete) {
  const std::string index_path = store::SearchIndex::PathFor(path);
  if (!complete && !std::filesystem::exists(index_path)) return;  // killed before the first open made it
  Db index(index_path);
  EXPECT_EQ(index.Exec("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')"), "") << when;
  EXPECT_EQ(index.Exec("ATTACH '" + path + "' AS db"), "") << when;
  const std::string watermark = "(SELECT value FROM search_state WHERE key = 'indexed')";
  EXPECT_EQ(index.One("SELECT " + watermark + " <= COALESCE((SELECT MAX(id) FROM db.articles), 0)"), "1") << when;
  EXPECT_EQ(index.One("SELECT COUNT(*) FROM (SELECT * FROM db.articles WHERE id <= " + watermark +
                      ") a FULL JOIN articles_fts_docsize f ON f.id = a.id WHERE a.id IS NULL OR f.id IS NULL"),
            "0")
      << when << ": the search index and the articles up to its watermark differ";
  if (complete) {
    EXPECT_EQ(index.One("SELECT " + watermark + " = (SELECT MAX(id) FROM db.articles)"), "1")
        << when << ": articles left out of the search index";
  }
}

// The database after a kill: whole, consistent, nothing twice, every article
// whole. Returns the item keys stored.
std::set<std::string> CheckConsistent(const std::string& path, const std::string& when) {
  Db db(path);
  EXPECT_EQ(pw::testing::IntegrityCheck(db.get()), "ok") << when;
  EXPECT_TRUE(db.Rows("PRAGMA foreign_key_check").empty()) << when;
  CheckSearchIndex(path, when, /*complete=*/false);
  EXPECT_EQ(db.One("SELECT COUNT(*) - COUNT(DISTINCT item_key) FROM articles"), "0") << when;
  EXPECT_EQ(db.One("SELECT COUNT(canonical_url) - COUNT(DISTINCT canonical_url) FROM articles"), "0") << when;
  EXPECT_EQ(db.One("SELECT COUNT(*) - COUNT(DISTINCT url) FROM feeds"), "0") << when;
  EXPECT_TRUE(db.Rows("SELECT article_id, investee_id, IFNULL(round, ''), IFNULL(amount, 0), COUNT(*) "
                      "FROM funding GROUP BY 1, 2, 3, 4 HAVING COUNT(*) > 1")
                  .empty())
      << when << ": a funding record stored twice";
  EXPECT_TRUE(db.Rows("SELECT article_id, type, start, end, COUNT(*) FROM mentions GROUP BY 1, 2, 3, 4 "
                      "HAVING COUNT(*) > 1")
                  .empty())
      << when << ": a mention stored twice";
  EXPECT_EQ(db.One("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                   "(SELECT 1 FROM funding f WHERE f.article_id = a.id)"),
            "0")
      << when << ": an article stored without its funding record";
  EXPECT_EQ(db.One("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                   "(SELECT 1 FROM mentions m WHERE m.article_id = a.id)"),
            "0")
      << when << ": an article stored without its mentions";
  const auto keys = db.Rows("SELECT item_key FROM articles");
  return {keys.begin(), keys.end()};
}

// A child process running the binary, stderr to a file.
class Child {
 public:
  Child(const std::vector<std::string>& args, const std::string& log) {
    pid_ = ::fork();
    if (pid_ == 0) {
      const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(fd, STDERR_FILENO);
      ::dup2(fd, STDOUT_FILENO);
      std::vector<char*> argv{const_cast<char*>(PW_BINARY)};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(PW_BINARY, argv.data());
      ::_exit(127);
    }
  }

  pid_t pid() const { return pid_; }

  // The wait status, or -1 when it did not end within kBound (it is then killed).
  int Wait() {
    std::mutex mu;
    std::condition_variable cv;
    bool done = false;
    int status = 0;
    std::thread waiter([&] {
      ::waitpid(pid_, &status, 0);
      std::lock_guard<std::mutex> lock(mu);
      done = true;
      cv.notify_all();
    });
    bool in_time;
    {
      std::unique_lock<std::mutex> lock(mu);
      in_time = cv.wait_for(lock, kBound, [&] { return done; });
    }
    if (!in_time) ::kill(pid_, SIGKILL);
    waiter.join();
    return in_time ? status : -1;
  }

 private:
  pid_t pid_ = -1;
};

TEST(CrashConsistency, SigkillDuringIngestLosesNothingAndStoresNothingTwice) {
  const char* kills_env = std::getenv("PW_CRASH_KILLS");
  const int kills = kills_env ? std::max(1, std::atoi(kills_env)) : 6;
  const char* seed_env = std::getenv("PW_CRASH_SEED");
  const unsigned seed = seed_env ? static_cast<unsigned>(std::strtoul(seed_env, nullptr, 10)) : std::random_device{}();
  std::cout << "crash consistency: " << kills << " kills, PW_CRASH_SEED=" << seed << std::endl;
  std::mt19937 rng(seed);

  TempDir dir;
  TestServer server;
  std::atomic<pid_t> victim{-1};
  std::atomic<int> hits{0}, kill_at{0}, run{0};
  for (int f = 0; f < kFeeds; ++f) {
    server.Route("/feed/" + std::to_string(f), TestServer::Handler([&, f](const TestServer::Request&) {
                   // Never kill(-1, ...): that would signal every process.
                   if (++hits == kill_at && victim.load() > 0) ::kill(victim.load(), SIGKILL);
                   return TestServer::Response{.body = Feed(f, run.load())};
                 }));
  }
  std::string opml = "<opml version=\"2.0\"><body>\n";
  for (int f = 0; f < kFeeds; ++f)
    opml += "<outline text=\"f" + std::to_string(f) + "\" xmlUrl=\"" + server.Url("/feed/" + std::to_string(f)) +
            "\"/>\n";
  WriteFile(dir.path() / "feeds.opml", opml + "</body></opml>\n");
  const std::string db = dir.File("pw.db");
  const std::vector<std::string> common = {"--db", db, "--feeds", dir.File("feeds.opml"), "--rules",
                                           (SourceDir() / "rules").string()};

  std::set<std::string> committed;
  int survived = 0;
  for (int k = 0; k < kills && !HasFailure(); ++k) {
    const bool serve = k % 2 == 1;
    if (serve && std::filesystem::exists(db)) {
      Db(db).Exec("UPDATE feeds SET next_poll = '2000-01-01T00:00:00Z'");  // every feed due at the start
    }
    std::vector<std::string> args = serve ? std::vector<std::string>{"serve", "--listen", "127.0.0.1:0"}
                                          : std::vector<std::string>{"poll", "--once"};
    args.insert(args.end(), common.begin(), common.end());
    run = k;
    hits = 0;
    kill_at = std::uniform_int_distribution<int>(1, kFeeds)(rng);
    Child child(args, dir.File("run.log"));
    victim = child.pid();
    const int status = child.Wait();
    victim = -1;
    const std::string what = std::string(serve ? "serve" : "poll --once") + " killed at request " +
                             std::to_string(kill_at.load()) + "/" + std::to_string(kFeeds) + " (kill " +
                             std::to_string(k + 1) + ")";
    ASSERT_TRUE(status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << what << ": not killed; log: " << pw::testing::ReadFile(dir.path() / "run.log");
    const std::set<std::string> now = CheckConsistent(db, what);
    std::vector<std::string> lost;
    for (const auto& key : committed)
      if (!now.count(key)) lost.push_back(key);
    EXPECT_TRUE(lost.empty()) << what << ": " << lost.size() << " committed articles lost, first "
                              << (lost.empty() ? "" : lost[0]);
    std::cout << what << ": " << now.size() << " articles, consistent, none lost" << std::endl;
    committed = now;
    ++survived;
  }
  ASSERT_FALSE(HasFailure());

  // A full poll afterwards ends with every item of every feed, once.
  kill_at = 0;
  run = kills;  // three more items in each feed, too
  std::vector<std::string> args = {"poll", "--once"};
  args.insert(args.end(), common.begin(), common.end());
  Child last(args, dir.File("run.log"));
  const int status = last.Wait();
  ASSERT_TRUE(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << pw::testing::ReadFile(dir.path() / "run.log");
  const std::set<std::string> final_keys = CheckConsistent(db, "after the full poll");
  CheckSearchIndex(db, "after the full poll", /*complete=*/true);
  std::set<std::string> expected;
  for (int f = 0; f < kFeeds; ++f)
    for (int i = 0; i < ItemsAtRun(run); ++i) expected.insert("guid:" + Guid(f, i));
  EXPECT_EQ(final_keys, expected);
  Db check(db);
  EXPECT_EQ(check.One("SELECT COUNT(*) FROM articles"), std::to_string(kFeeds * ItemsAtRun(run)));
  EXPECT_EQ(check.One("SELECT COUNT(*) FROM feeds WHERE consecutive_failures = 0 AND last_error IS NULL"),
            std::to_string(kFeeds));
  std::cout << "crash consistency: " << survived << " kills survived, then " << final_keys.size()
            << " articles, exactly the expected set" << std::endl;
}

}  // namespace
}  // namespace pw::app
