// app/log.h: the daemon's log, one line per event, on stderr.
//
// Human-readable on a terminal, JSON lines for a log collector
// (--log-format json, [log] format):
//
//   2024-11-21T05:00:00.123Z info    listening on http://127.0.0.1:8080
//   2024-11-21T05:00:03.020Z warning poll failed feed=https://e27.co/feed/ status=503 error="HTTP 503 ..."
//
//   {"time":"2024-11-21T05:00:00.123Z","level":"info","msg":"listening on http://127.0.0.1:8080"}
//
//   log.Info("poll failed", {{"feed", url}, {"status", 503}});
//
// Events, not loops: the daemon logs what an operator acts on (start,
// reloads, failures, stop), never one line per item. Thread-safe.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace spdlog {
class logger;
}

namespace pw::app {

enum class LogFormat { kText, kJson };
enum class LogLevel { kDebug, kInfo, kWarn, kError };

// "text"/"json" and "debug"/"info"/"warn"/"error" (config.cc validates
// the names; anything else reads as text and info).
LogFormat LogFormatFromName(std::string_view name);
LogLevel LogLevelFromName(std::string_view name);

using LogValue = std::variant<std::string_view, std::int64_t>;
using LogFields = std::initializer_list<std::pair<std::string_view, LogValue>>;

class Log {
 public:
  // To stderr: colours on a terminal in text format.
  static std::shared_ptr<Log> Stderr(LogFormat format, LogLevel level);
  // To `out` (tests). REQUIRES: `out` outlives the Log.
  static std::shared_ptr<Log> ToStream(std::ostream& out, LogFormat format, LogLevel level);
  ~Log();

  void Debug(std::string_view message, LogFields fields = {}) { Write(LogLevel::kDebug, message, fields); }
  void Info(std::string_view message, LogFields fields = {}) { Write(LogLevel::kInfo, message, fields); }
  void Warn(std::string_view message, LogFields fields = {}) { Write(LogLevel::kWarn, message, fields); }
  void Error(std::string_view message, LogFields fields = {}) { Write(LogLevel::kError, message, fields); }

 private:
  Log(std::shared_ptr<spdlog::logger> logger, LogFormat format);
  void Write(LogLevel level, std::string_view message, LogFields fields);

  std::shared_ptr<spdlog::logger> logger_;
  LogFormat format_;
};

}  // namespace pw::app
