#include <algorithm>
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

std::string InputName(const std::string& path) { return path == "-" || path.empty() ? "standard input" : path; }

std::string ReadInput(const std::string& path, std::size_t max_bytes) {
  const bool from_stdin = path == "-" || path.empty();
  const std::string name = InputName(path);
  std::ifstream file;
  if (!from_stdin) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw StartupError(path + ": is a directory, not a file");
    file.open(path, std::ios::binary);
    if (!file) throw StartupError(path + ": cannot open: " + std::strerror(errno));
  }
  std::istream& in = from_stdin ? std::cin : file;
  std::string bytes;
  std::error_code ec;
  if (const auto size = from_stdin ? 0 : std::filesystem::file_size(path, ec); !ec && size > 0)
    bytes.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(size, max_bytes + 1)));
  // In pieces, so that an endless input (/dev/zero, a pipe that never ends)
  // stops at the cap, as a file:// feed does.
  std::string piece(1 << 16, '\0');
  while (in.read(piece.data(), static_cast<std::streamsize>(piece.size())) || in.gcount() > 0) {
    bytes.append(piece.data(), static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes)
      throw StartupError(name + ": over the size cap of " + std::to_string(max_bytes) +
                         " bytes (fetch.max_body_bytes in the config)");
  }
  return bytes;
}

}  // namespace pw::app
