// bench/loopback_feeds.h: many small feeds on many loopback hosts, for the
// daemon benchmark (poll_bench.cc).
//
// Serves `feeds` RSS feeds at http://127.0.0.H:PORT/f/I.xml, feed I on host
// H = 1 + I % hosts (Linux routes all of 127/8 to loopback, so each is a
// host of its own to the per-host limit). Each feed has two short items and
// answers conditional GETs: a feed with I % change_every == 0 changes once,
// at its second request (a new item and a new ETag); the others never
// change. So a first cycle is all 200s, a second one 90% 304s and 10% 200s
// with one new item, a third one all 304s.
//
//   LoopbackFeeds feeds({.feeds = 10000, .hosts = 64});
//   pid_t pid = feeds.Fork();        // the server runs in a child process
//   feeds.Url(17)                    // "http://127.0.0.18:41234/f/17.xml"
//
// The child serves until killed (SIGTERM). Bench code, not a test fixture.
#pragma once

#include <sys/types.h>

#include <string>

namespace pw::bench {

class LoopbackFeeds {
 public:
  struct Options {
    int feeds = 10000;
    int hosts = 64;         // 127.0.0.1 .. 127.0.0.<hosts>
    int change_every = 10;  // every 10th feed changes (once)
  };

  explicit LoopbackFeeds(Options options) : options_(options) {}

  // Starts the server in a child process; returns its pid once it listens
  // (or -1, with a message on stderr).
  pid_t Fork();
  std::string Url(int feed) const;

 private:
  Options options_;
  unsigned short port_ = 0;
};

}  // namespace pw::bench
