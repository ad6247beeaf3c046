#include "app/log.h"

#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <unistd.h>

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

namespace pw::app {

namespace {

spdlog::level::level_enum SpdLevel(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return spdlog::level::debug;
    case LogLevel::kInfo:
      return spdlog::level::info;
    case LogLevel::kWarn:
      return spdlog::level::warn;
    case LogLevel::kError:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

std::string JsonString(std::string_view s) { return boost::json::serialize(boost::json::string(s)); }

// A text value as key=value: bare when it is one word, else quoted.
std::string TextValue(std::string_view s) {
  if (!s.empty() && s.find_first_of(" \t\"=") == std::string_view::npos) return std::string(s);
  return JsonString(s);
}

std::shared_ptr<spdlog::logger> Configure(std::shared_ptr<spdlog::logger> logger, LogFormat format,
                                          LogLevel level) {
  // In text, the level is padded so that the messages line up.
  const char* pattern = format == LogFormat::kJson ? R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})"
                                                   : "%Y-%m-%dT%H:%M:%S.%eZ %^%-7l%$ %v";
  logger->set_formatter(std::make_unique<spdlog::pattern_formatter>(pattern, spdlog::pattern_time_type::utc));
  logger->set_level(SpdLevel(level));
  logger->flush_on(spdlog::level::trace);  // one line per event, seen at once
  return logger;
}

}  // namespace

LogFormat LogFormatFromName(std::string_view name) {
  return name == "json" ? LogFormat::kJson : LogFormat::kText;
}

LogLevel LogLevelFromName(std::string_view name) {
  if (name == "debug") return LogLevel::kDebug;
  if (name == "warn") return LogLevel::kWarn;
  if (name == "error") return LogLevel::kError;
  return LogLevel::kInfo;
}

std::shared_ptr<Log> Log::Stderr(LogFormat format, LogLevel level) {
  spdlog::sink_ptr sink;
  if (format == LogFormat::kText && ::isatty(STDERR_FILENO))
    sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  else
    sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  auto logger = std::make_shared<spdlog::logger>("presswatch", std::move(sink));
  return std::shared_ptr<Log>(new Log(Configure(std::move(logger), format, level), format));
}

std::shared_ptr<Log> Log::ToStream(std::ostream& out, LogFormat format, LogLevel level) {
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out, /*force_flush=*/true);
  auto logger = std::make_shared<spdlog::logger>("presswatch", std::move(sink));
  return std::shared_ptr<Log>(new Log(Configure(std::move(logger), format, level), format));
}

Log::Log(std::shared_ptr<spdlog::logger> logger, LogFormat format)
    : logger_(std::move(logger)), format_(format) {}
Log::~Log() = default;

void Log::Write(LogLevel level, std::string_view message, LogFields fields) {
  if (!logger_->should_log(SpdLevel(level))) return;
  std::string line;
  if (format_ == LogFormat::kJson) {
    line = "\"msg\":";
    line += JsonString(message);
    for (const auto& [key, value] : fields) {
      line += ',';
      line += JsonString(key);
      line += ':';
      if (const auto* text = std::get_if<std::string_view>(&value))
        line += JsonString(*text);
      else
        line += std::to_string(std::get<std::int64_t>(value));
    }
  } else {
    line = std::string(message);
    for (const auto& [key, value] : fields) {
      line += ' ';
      line += key;
      line += '=';
      if (const auto* text = std::get_if<std::string_view>(&value))
        line += TextValue(*text);
      else
        line += std::to_string(std::get<std::int64_t>(value));
    }
  }
  logger_->log(SpdLevel(level), spdlog::string_view_t(line));  // as is: never a format string
}

}  // namespace pw::app
