#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "app/cli.h"
#include "common/error.h"
#include "common/time.h"
#include "text/search_key.h"

namespace pw::app {

void AddPathFlags(CLI::App* cmd, PathFlags& flags, bool db, bool feeds, bool rules) {
  cmd->add_option("--config", flags.config, "TOML config file (see README, Configuration)");
  if (db) cmd->add_option("--db", flags.db, "SQLite database (default: presswatch.db)");
  if (feeds) cmd->add_option("--feeds", flags.feeds, "OPML feeds file (default: feeds/default.opml)");
  if (rules) cmd->add_option("--rules", flags.rules, "rules directory (default: rules)");
}

Config Resolve(const PathFlags& flags) {
  Config c = LoadConfig(flags.config);
  if (!flags.db.empty()) c.db = flags.db;
  if (!flags.feeds.empty()) c.feeds = flags.feeds;
  if (!flags.rules.empty()) c.rules = flags.rules;
  return c;
}

const CLI::Validator& NameValidator() {
  static const CLI::Validator validator(
      [](std::string& value) -> std::string {
        return !text::HasLetterOrDigit(value) ? "'" + value + "' names nothing (give letters or digits)" : "";
      },
      "NAME");
  return validator;
}

void RequireDatabase(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw StartupError(path + ": no such database (create it with: presswatch poll --once --db " + path + ")");
}

std::string TimestampFlag(const std::string& flag, const std::string& value) {
  if (value.empty()) return {};
  auto t = ParseTimestamp(value);
  if (!t) throw StartupError(flag + ": '" + value + "' is not a date (use YYYY-MM-DD or RFC 3339)");
  return FormatTimestamp(*t);
}

std::string UntilFlag(const std::string& flag, const std::string& value) {
  if (value.empty()) return {};
  auto t = ParseTimestamp(value);
  if (!t) throw StartupError(flag + ": '" + value + "' is not a date (use YYYY-MM-DD or RFC 3339)");
  if (value.size() == 10) *t += std::chrono::days(1) - std::chrono::seconds(1);
  return FormatTimestamp(*t);
}

std::string DayFlag(const std::string& flag, const std::string& value) {
  if (value.empty()) return {};
  auto t = ParseTimestamp(value);
  if (!t) throw StartupError(flag + ": '" + value + "' is not a date (use YYYY-MM-DD or RFC 3339)");
  return FormatDay(std::chrono::floor<std::chrono::days>(*t));
}

std::string ReadInput(const std::string& path) {
  if (path == "-" || path.empty()) {
    std::ostringstream s;
    s << std::cin.rdbuf();
    return s.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw StartupError(path + ": is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StartupError(path + ": cannot open: " + std::strerror(errno));
  // One read into a buffer of the file's size (feeds run to megabytes).
  std::string bytes;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec) {
    bytes.resize(static_cast<size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    if (in.gcount() == static_cast<std::streamsize>(size) && in.peek() == std::ifstream::traits_type::eof())
      return bytes;
  }
  std::ostringstream s;  // the size was unknown or changed: read to the end
  s << bytes << in.rdbuf();
  return s.str();
}

}  // namespace pw::app
