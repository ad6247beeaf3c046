// app/progress.h: one line of progress on stderr for long runs (an export,
// a migration, a poll), redrawn in place on a terminal; nothing at all when
// stderr is a pipe or a file, so logs and scripts stay clean.
//
//   Progress p("exporting articles");            // enabled when stderr is a terminal
//   p.Update(done, total);                        // "exporting articles: 12,000/1,000,000 (1%)"
//   p.Done();                                     // clears the line (also at destruction)
//
// Redraws at most ten times a second. Not thread-safe: one Progress, one thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace pw::app {

class Progress {
 public:
  explicit Progress(std::string label);
  Progress(std::string label, bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // total < 0: unknown.
  void Update(std::int64_t done, std::int64_t total);
  void Done();
  bool enabled() const { return enabled_; }

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

// 1234567 -> "1,234,567".
std::string Thousands(std::int64_t n);

}  // namespace pw::app
