// app/cli.h: the commands of ../shared/spec/interface.md, one registration
// function each (cli_<command>.cc), wired by main.cc.
//
// A command's callback sets `exit_code`; failures a user can act on throw
// StartupError, which main() prints as one line "presswatch: ..." (exit 1).
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "app/config.h"

namespace pw::app {

struct CliState {
  int exit_code = 0;
};

// Flags that every command touching files shares.
struct PathFlags {
  std::string config;  // --config
  std::string db, feeds, rules;  // "" = from the config, else the default
};

void AddPathFlags(CLI::App* cmd, PathFlags& flags, bool db, bool feeds, bool rules);
// The config with the flags applied over it.
Config Resolve(const PathFlags& flags);

// For query commands: the database must exist (a typo should not create one).
void RequireDatabase(const std::string& path);

// "2024-11-25" or RFC 3339 -> "2024-11-25T00:00:00Z"; throws StartupError naming the flag.
std::string TimestampFlag(const std::string& flag, const std::string& value);
// An end of range: a bare day means its last second ("2024-11-25" ->
// "2024-11-25T23:59:59Z"), so --until includes the day named.
std::string UntilFlag(const std::string& flag, const std::string& value);
// "" stays "".
std::string DayFlag(const std::string& flag, const std::string& value);

// For a name flag (--entity, --investor): a name that has letters or digits.
// A blank one ("", " ") would name nothing, or match everything.
const CLI::Validator& NameValidator();

// How messages name an input: the path, or "standard input" for "-".
std::string InputName(const std::string& path);

// The bytes of FILE, or of stdin for "-". Throws StartupError, also past
// `max_bytes` (the config's fetch.max_body_bytes, the cap of a file:// feed).
std::string ReadInput(const std::string& path, std::size_t max_bytes);

void AddPollCommand(CLI::App& app, CliState& state);
void AddExtractCommand(CLI::App& app, CliState& state);
void AddFeedCommand(CLI::App& app, CliState& state);
void AddQueryCommands(CLI::App& app, CliState& state);  // search, funding, coverage, entities, feeds
void AddRulesCommand(CLI::App& app, CliState& state);
void AddServeCommand(CLI::App& app, CliState& state);
void AddExportCommand(CLI::App& app, CliState& state);

}  // namespace pw::app
