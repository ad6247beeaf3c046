// bench/soak.cc: `presswatch serve`, the real binary, for minutes on end
// against many feeds on loopback, with its API queried all along. It
// prints, every --sample seconds, the daemon's resident memory, open file
// descriptors and threads (from /proc), and what its /metrics say (polls,
// new articles, errors by kind, loop lag); at the end, the API's answers by
// status, the errors against the ones injected, the exit status after
// SIGTERM and PRAGMA integrity_check of the database. scripts/soak runs it
// (docs/reliability.md has the figures of a run).
//
//   build/bench/soak [--feeds 10000] [--minutes 10] [--interval 60] [--sample 30]
//                    [--clients 2] [--binary build/presswatch] [--rules rules]
//
// The feeds (bench/loopback_feeds.h) are served by a child process on
// 127.0.0.1-127.0.0.64: two short items each; every 10th feed has a new item
// at every poll; injected failures: every 97th feed answers 500 (errors of
// kind "http"), every 101st serves an HTML page (kind "unsupported"). Each
// feed is polled every --interval seconds (pw:interval). Bounded: it stops
// after --minutes, whatever happens, and kills what it started.
#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "loopback_feeds.h"
#include "sqlite_check.h"

namespace {

using Steady = std::chrono::steady_clock;

struct Flags {
  int feeds = 10000;
  double minutes = 10;
  int interval = 60;
  int sample = 30;
  int clients = 2;
  std::string binary = PW_BENCH_BINARY;
  std::string rules = PW_BENCH_SOURCE_DIR "/rules";
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A field of /proc/PID/status, in its unit ("VmRSS" -> kB).
long ProcStatus(pid_t pid, const std::string& field) {
  std::istringstream in(ReadAll("/proc/" + std::to_string(pid) + "/status"));
  for (std::string line; std::getline(in, line);)
    if (line.rfind(field + ":", 0) == 0) return std::atol(line.c_str() + field.size() + 1);
  return -1;
}

int OpenFds(pid_t pid) {
  int n = 0;
  if (DIR* d = ::opendir(("/proc/" + std::to_string(pid) + "/fd").c_str())) {
    while (const dirent* e = ::readdir(d))
      if (e->d_name[0] != '.') ++n;
    ::closedir(d);
  }
  return n;
}

struct HttpAnswer {
  int status = 0;  // 0: no answer
  std::string body;
};

// GET over a fresh connection, Connection: close; bounded by socket timeouts.
HttpAnswer Get(const std::string& host, unsigned short port, const std::string& target) {
  HttpAnswer answer;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return answer;
  timeval bound{30, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &bound, sizeof bound);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &bound, sizeof bound);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  ::inet_pton(AF_INET, host.c_str(), &address.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    const std::string request = "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
      std::string response;
      char buffer[65536];
      for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) response.append(buffer, static_cast<std::size_t>(n));
      if (response.rfind("HTTP/1.1 ", 0) == 0) answer.status = std::atoi(response.c_str() + 9);
      if (auto end = response.find("\r\n\r\n"); end != std::string::npos) answer.body = response.substr(end + 4);
    }
  }
  ::close(fd);
  return answer;
}

// presswatch_NAME{LABELS} VALUE lines of a Prometheus text, by "NAME{LABELS}".
std::map<std::string, double> ParseMetrics(const std::string& text) {
  std::map<std::string, double> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.rfind(' ');
    if (space == std::string::npos) continue;
    out[line.substr(0, space)] = std::atof(line.c_str() + space + 1);
  }
  return out;
}

// PRAGMA integrity_check, minus SQLite 3.40's false alarm on
// entity_aliases (tests/support/sqlite_check.h says which and why).
std::string IntegrityCheck(const std::string& path) {
  sqlite3* db = nullptr;
  std::string result = "cannot open";
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK)
    result = pw::testing::IntegrityCheck(db);
  sqlite3_close(db);
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i], value = argv[i + 1];
    if (name == "--feeds") flags.feeds = std::stoi(value);
    else if (name == "--minutes") flags.minutes = std::stod(value);
    else if (name == "--interval") flags.interval = std::stoi(value);
    else if (name == "--sample") flags.sample = std::stoi(value);
    else if (name == "--clients") flags.clients = std::stoi(value);
    else if (name == "--binary") flags.binary = value;
    else if (name == "--rules") flags.rules = value;
    else {
      std::fprintf(stderr, "soak: unknown flag %s (see bench/soak.cc)\n", name.c_str());
      return 2;
    }
  }
  const auto dir = std::filesystem::temp_directory_path() / ("presswatch-soak-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);

  pw::bench::LoopbackFeeds::Options feed_options;
  feed_options.feeds = flags.feeds;
  feed_options.keep_changing = true;
  feed_options.fail_every = 97;
  feed_options.garbage_every = 101;
  pw::bench::LoopbackFeeds feeds(feed_options);
  const pid_t server = feeds.Fork();
  if (server < 0) return 1;
  int injected_http = 0, injected_unsupported = 0;
  {
    std::ofstream opml(dir / "feeds.opml");
    opml << "<opml version=\"2.0\" xmlns:pw=\"https://presswatch.dev/opml\"><body>\n";
    for (int i = 0; i < flags.feeds; ++i) {
      opml << "<outline text=\"f" << i << "\" xmlUrl=\"" << feeds.Url(i) << "\" pw:interval=\"" << flags.interval
           << "\"/>\n";
      if (i % feed_options.fail_every == 0) ++injected_http;
      else if (i % feed_options.garbage_every == 0) ++injected_unsupported;
    }
    opml << "</body></opml>\n";
  }
  const std::string db = (dir / "soak.db").string(), log = (dir / "serve.log").string();
  const pid_t daemon = ::fork();
  if (daemon == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, STDERR_FILENO);
    ::execl(flags.binary.c_str(), flags.binary.c_str(), "serve", "--feeds", (dir / "feeds.opml").c_str(), "--db",
            db.c_str(), "--rules", flags.rules.c_str(), "--listen", "127.0.0.1:0", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const auto start = Steady::now();
  const auto end = start + std::chrono::duration_cast<Steady::duration>(std::chrono::duration<double>(flags.minutes * 60));
  unsigned short port = 0;
  while (port == 0 && Steady::now() < start + std::chrono::seconds(60)) {
    const std::string text = ReadAll(log);
    if (auto at = text.find("listening on http://127.0.0.1:"); at != std::string::npos)
      port = static_cast<unsigned short>(std::atoi(text.c_str() + at + 30));
    else std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (port == 0) {
    std::fprintf(stderr, "soak: serve did not start:\n%s\n", ReadAll(log).c_str());
    ::kill(daemon, SIGKILL);
    ::kill(server, SIGTERM);
    return 1;
  }
  std::printf("soak: %d feeds every %d s, %.1f min, %d API clients; serve pid %d on port %u; %s\n\n", flags.feeds,
              flags.interval, flags.minutes, flags.clients, daemon, port, dir.c_str());
  std::printf("| t (s) | RSS (MB) | fds | threads | polls | new articles | errors http | errors unsupported | "
              "errors other | loop lag max (ms) | API requests | API non-200 |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  std::fflush(stdout);

  // API clients, until the end.
  std::atomic<bool> done{false};
  std::mutex mu;
  std::map<int, long> statuses;
  double slowest = 0;
  const std::vector<std::string> targets = {
      "/healthz", "/api/search?q=cong%20bo&limit=20", "/api/funding?since=2024-01-01",
      "/api/coverage?entity=Startup%201-1", "/metrics", "/api/search?q=goi%20von&lang=vi&limit=5"};
  std::vector<std::thread> clients;
  for (int c = 0; c < flags.clients; ++c) {
    clients.emplace_back([&, c] {
      for (long n = c; !done; ++n) {
        // /api/feeds is every feed's health (10,000 rows): one request in fifty.
        const std::string target = n % 50 == 49 ? "/api/feeds" : targets[static_cast<std::size_t>(n) % targets.size()];
        const auto t0 = Steady::now();
        const HttpAnswer a = Get("127.0.0.1", port, target);
        const double seconds = std::chrono::duration<double>(Steady::now() - t0).count();
        std::lock_guard<std::mutex> lock(mu);
        ++statuses[a.status];
        slowest = std::max(slowest, seconds);
      }
    });
  }

  std::vector<long> rss_samples;
  std::vector<int> fd_samples;
  std::map<std::string, double> metrics;
  auto other_errors = [&metrics] {
    double n = 0;
    for (const auto& [name, value] : metrics)
      if (name.rfind("presswatch_errors_total{", 0) == 0 && name.find("kind=\"http\"") == std::string::npos &&
          name.find("kind=\"unsupported\"") == std::string::npos)
        n += value;
    return n;
  };
  for (auto next = start + std::chrono::seconds(flags.sample);; next += std::chrono::seconds(flags.sample)) {
    std::this_thread::sleep_until(std::min(next, end));
    const long rss = ProcStatus(daemon, "VmRSS");
    const int fds = OpenFds(daemon);
    const long threads = ProcStatus(daemon, "Threads");
    const HttpAnswer m = Get("127.0.0.1", port, "/metrics");
    if (m.status == 200) metrics = ParseMetrics(m.body);
    long requests = 0, non_200 = 0;
    {
      std::lock_guard<std::mutex> lock(mu);
      for (const auto& [status, count] : statuses) {
        requests += count;
        if (status != 200) non_200 += count;
      }
    }
    rss_samples.push_back(rss);
    fd_samples.push_back(fds);
    std::printf("| %.0f | %.1f | %d | %ld | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f | %ld | %ld |\n",
                std::chrono::duration<double>(Steady::now() - start).count(), rss / 1024.0, fds, threads,
                metrics["presswatch_polls_total"], metrics["presswatch_new_items_total"],
                metrics["presswatch_errors_total{kind=\"http\"}"],
                metrics["presswatch_errors_total{kind=\"unsupported\"}"], other_errors(),
                metrics["presswatch_loop_lag_max_seconds"] * 1000, requests, non_200);
    std::fflush(stdout);
    if (Steady::now() >= end) break;
  }
  done = true;
  for (auto& t : clients) t.join();

  ::kill(daemon, SIGTERM);
  int status = 0;
  bool exited = false;
  for (int i = 0; i < 150 && !exited; ++i) {
    exited = ::waitpid(daemon, &status, WNOHANG) == daemon;
    if (!exited) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (!exited) {
    ::kill(daemon, SIGKILL);
    ::waitpid(daemon, &status, 0);
  }
  ::kill(server, SIGTERM);
  ::waitpid(server, nullptr, 0);

  const std::size_t half = rss_samples.size() / 2;
  const auto [rss_min, rss_max] = std::minmax_element(rss_samples.begin() + static_cast<long>(half), rss_samples.end());
  const auto [fd_min, fd_max] = std::minmax_element(fd_samples.begin(), fd_samples.end());
  std::printf("\nRSS over the second half: %.1f-%.1f MB (first sample %.1f MB, last %.1f MB)\n", *rss_min / 1024.0,
              *rss_max / 1024.0, rss_samples.front() / 1024.0, rss_samples.back() / 1024.0);
  std::printf("open fds: %d-%d\n", *fd_min, *fd_max);
  std::printf("feeds failing by injection: %d answer 500 (kind http), %d an HTML page (kind unsupported)\n",
              injected_http, injected_unsupported);
  std::printf("errors other than the injected kinds: %.0f\n", other_errors());
  {
    std::lock_guard<std::mutex> lock(mu);
    std::printf("API answers by status:");
    for (const auto& [code, count] : statuses) std::printf(" %d: %ld", code, count);
    std::printf("; slowest %.3f s\n", slowest);
  }
  std::printf("serve after SIGTERM: %s\n",
              exited && WIFEXITED(status) ? ("exit " + std::to_string(WEXITSTATUS(status))).c_str() : "killed");
  std::printf("PRAGMA integrity_check: %s\n", IntegrityCheck(db).c_str());
  std::filesystem::remove_all(dir);
  return 0;
}
