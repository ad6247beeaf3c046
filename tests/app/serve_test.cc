// `presswatch serve` as an operator runs it: the real binary, real signals.
// It starts on a port of its choosing and says where, answers /healthz with
// a fetch stalled in flight, keeps its rules when SIGHUP brings broken ones,
// and exits 0 on SIGTERM. Every wait is bounded: a hang fails the test.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>

#include "fetch/fetch.h"
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
using Steady = std::chrono::steady_clock;

constexpr auto kBound = 60s;  // a failure bound, never a speed target

class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& args) {
    int fds[2];
    if (::pipe(fds) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(fds[1], STDERR_FILENO);
      ::close(fds[0]);
      ::close(fds[1]);
      std::vector<char*> argv;
      argv.push_back(const_cast<char*>(PW_BINARY));
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(PW_BINARY, argv.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    fd_ = fds[0];
  }

  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) ::close(fd_);
  }

  void Signal(int signal_number) { ::kill(pid_, signal_number); }

  // The first line of stderr (from the start) that contains `needle`, or ""
  // when none came within the bound.
  std::string WaitForLine(const std::string& needle) {
    const auto deadline = Steady::now() + kBound;
    for (;;) {
      for (std::size_t start = 0, end; (end = output_.find('\n', start)) != std::string::npos;
           start = end + 1) {
        const std::string line = output_.substr(start, end - start);
        if (line.find(needle) != std::string::npos) return line;
      }
      if (!ReadSome(deadline)) return "";
    }
  }

  // Reads stderr to its end, then the exit status; -1 if not within the bound.
  int WaitForExit() {
    const auto deadline = Steady::now() + kBound;
    while (ReadSome(deadline)) {
    }
    if (Steady::now() >= deadline) return -1;
    int status = 0;
    ::waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  const std::string& output() const { return output_; }

 private:
  // false at end of file or past the deadline.
  bool ReadSome(Steady::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Steady::now()).count();
    if (left <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) return false;
    char buf[4096];
    const ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) return false;
    output_.append(buf, static_cast<std::size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int fd_ = -1;
  bool exited_ = false;
  std::string output_;
};

TEST(Serve, StartsAnswersReloadsAndStopsOnSignals) {
  TempDir dir;
  TestServer server;
  std::mutex mu;
  std::condition_variable cv;
  bool stall_reached = false;
  server.Route("/vi.xml", TestServer::Response{.body = ReadFile(SourceDir() / "feeds/demo/genai.vi.xml")});
  server.Route("/stall", TestServer::Handler([&](const TestServer::Request&) {
                 std::lock_guard<std::mutex> lock(mu);
                 stall_reached = true;
                 cv.notify_all();
                 return TestServer::Response{.behavior = TestServer::Behavior::kNoResponse};
               }));
  WriteFile(dir.path() / "feeds.opml", "<opml version=\"2.0\"><body>\n<outline text=\"vi\" xmlUrl=\"" +
                                           server.Url("/vi.xml") + "\"/>\n<outline text=\"stall\" xmlUrl=\"" +
                                           server.Url("/stall") + "\"/>\n</body></opml>\n");
  std::filesystem::copy(SourceDir() / "rules", dir.path() / "rules",
                        std::filesystem::copy_options::recursive);
  // The /stall fetch must still be in flight at SIGTERM. Loading the rules
  // twice (start and SIGHUP) can take longer than the default 20 s to the
  // first byte on a loaded machine, so this daemon waits far longer than the
  // test's own bound.
  WriteFile(dir.path() / "presswatch.toml",
            "[fetch]\nfirst_byte_timeout = 600\nstall_timeout = 600\ntotal_timeout = 3600\n");

  ServeProcess serve({"serve", "--config", dir.File("presswatch.toml"), "--listen", "127.0.0.1:0", "--db",
                      dir.File("pw.db"), "--feeds", dir.File("feeds.opml"), "--rules", dir.File("rules")});
  const std::string listening = serve.WaitForLine("listening on http://127.0.0.1:");
  ASSERT_FALSE(listening.empty()) << serve.output();
  const std::string url = listening.substr(listening.find("http://"));
  {
    std::unique_lock<std::mutex> lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, kBound, [&] { return stall_reached; }));
  }

  fetch::FetchRequest health{.url = url + "/healthz"};
  auto r = fetch::FetchBlocking(std::move(health), fetch::FetchOptions{});
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->status, 200);

  const std::string rules_file = dir.File("rules") + "/numbers.rules";
  WriteFile(rules_file, ReadFile(rules_file) + "MONEY broken: (\\d+\n");
  serve.Signal(SIGHUP);
  const std::string refused = serve.WaitForLine("rules not reloaded");
  EXPECT_NE(refused.find(rules_file + ":"), std::string::npos) << serve.output();

  ASSERT_FALSE(serve.WaitForLine("new articles feed=" + server.Url("/vi.xml")).empty()) << serve.output();
  serve.Signal(SIGTERM);  // with the /stall fetch still in flight
  EXPECT_EQ(serve.WaitForExit(), 0) << serve.output();
  EXPECT_NE(serve.output().find("stopping reason=SIGTERM polls_in_flight=1"), std::string::npos)
      << serve.output();
  EXPECT_NE(serve.output().find("stopped polls="), std::string::npos) << serve.output();
}

TEST(Serve, RefusesToStartOnABrokenRuleWithItsFileAndLine) {
  TempDir dir;
  std::filesystem::copy(SourceDir() / "rules", dir.path() / "rules",
                        std::filesystem::copy_options::recursive);
  WriteFile(dir.path() / "rules/broken.rules", "MONEY m: (\\d+\n");
  ServeProcess serve({"serve", "--listen", "127.0.0.1:0", "--db", dir.File("pw.db"), "--feeds",
                      (SourceDir() / "feeds/demo.opml").string(), "--rules", dir.File("rules")});
  EXPECT_EQ(serve.WaitForExit(), 1);
  EXPECT_EQ(serve.output().rfind("presswatch: " + dir.File("rules") + "/broken.rules:1: missing )", 0), 0u)
      << serve.output();
  EXPECT_EQ(std::count(serve.output().begin(), serve.output().end(), '\n'), 1) << serve.output();
}

}  // namespace
}  // namespace pw::app
