#include "app/progress.h"

#include <cstdio>

#include "app/table.h"

namespace pw::app {

std::string Thousands(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

Progress::Progress(std::string label) : Progress(std::move(label), StderrIsTerminal()) {}
Progress::Progress(std::string label, bool enabled) : label_(std::move(label)), enabled_(enabled) {}
Progress::~Progress() { Done(); }

void Progress::Update(std::int64_t done, std::int64_t total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && done != total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  if (total > 0)
    std::fprintf(stderr, "\r\033[K%s: %s/%s (%d%%)", label_.c_str(), Thousands(done).c_str(),
                 Thousands(total).c_str(), static_cast<int>(done * 100 / total));
  else
    std::fprintf(stderr, "\r\033[K%s: %s", label_.c_str(), Thousands(done).c_str());
  std::fflush(stderr);
}

void Progress::Done() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace pw::app
