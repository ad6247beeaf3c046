// presswatch serve: the daemon (app/daemon.h).
#include "app/cli.h"
#include "app/daemon.h"
#include "app/log.h"
#include "common/error.h"

namespace pw::app {

namespace {

struct ServeFlags {
  PathFlags paths;
  std::string listen;
  std::string log_format;
  std::string log_level;
};

int RunServe(const ServeFlags& flags) {
  Config config = Resolve(flags.paths);
  if (!flags.listen.empty()) config.listen = flags.listen;
  if (!flags.log_format.empty()) config.log_format = flags.log_format;
  if (!flags.log_level.empty()) config.log_level = flags.log_level;
  auto log = Log::Stderr(LogFormatFromName(config.log_format), LogLevelFromName(config.log_level));
  Daemon daemon(std::move(config), log);
  return daemon.Run();
}

}  // namespace

void AddServeCommand(CLI::App& app, CliState& state) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "The daemon: poll every feed on its schedule, store new articles, serve the HTTP API\n"
      "(/healthz, /metrics, /api/search, /api/funding, /api/coverage, /api/entities, /api/feeds,\n"
      "/api/export, /api/watchlist) and the dashboard, a web page at / (coverage, funding, search,\n"
      "feeds; Vietnamese or English).\n"
      "SIGTERM or SIGINT stops it cleanly; SIGHUP reloads the feeds file, the rules and the watchlist.");
  AddPathFlags(cmd, flags->paths, true, true, true);
  cmd->add_option("--listen", flags->listen,
                  "HOST:PORT of the HTTP API (default: 127.0.0.1:8080; port 0: any free)");
  cmd->add_option("--log-format", flags->log_format, "text (default) or json (one JSON object per line)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--log-level", flags->log_level, "debug, info (default), warn or error")
      ->check(CLI::IsMember({"debug", "info", "warn", "error"}));
  cmd->callback([flags, &state] { state.exit_code = RunServe(*flags); });
}

}  // namespace pw::app
