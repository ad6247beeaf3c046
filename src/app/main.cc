// presswatch: the command-line entry point. Parses the command, runs it,
// and turns a start-up failure into one line on stderr and exit status 1.
#include <csignal>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "app/cli.h"
#include "common/error.h"

int main(int argc, char** argv) {
  // A reader that goes away ("export ... | head") makes the next write fail
  // with EPIPE, which each command reports as a failed write (exit 1, no
  // export cursor: docs/export.md), instead of the signal killing the
  // process silently with status 141.
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{
      "presswatch: the news of Southeast Asia, in Vietnamese and English, turned into records\n"
      "(organisations, people, funding rounds, events) you can search and export.",
      "presswatch"};
  app.require_subcommand(1);
  // A usage error is one line, as every other error (CLI11's own message
  // adds a second, "Run with --help for more information.").
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return "presswatch: " + std::string(e.what()) + " (see --help)\n";
  });
  app.set_version_flag("--version", "presswatch " PW_VERSION);
  app.footer("Start with: presswatch poll --once --feeds feeds/demo.opml && presswatch funding\n"
             "Each command has --help. Contract: README.md.");
  pw::app::CliState state;
  pw::app::AddServeCommand(app, state);
  pw::app::AddPollCommand(app, state);
  pw::app::AddExtractCommand(app, state);
  pw::app::AddFeedCommand(app, state);
  pw::app::AddQueryCommands(app, state);
  pw::app::AddRulesCommand(app, state);
  pw::app::AddExportCommand(app, state);
  // CLI11 answers an unknown command with "A subcommand is required": say
  // which word it did not know, and what the commands are.
  if (argc > 1 && argv[1][0] != '-') {
    std::string commands;
    bool known = false;
    for (const CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
      known = known || command->check_name(argv[1]);
      commands += (commands.empty() ? "" : ", ") + command->get_name();
    }
    if (!known)
      return app.exit(CLI::ExtrasError("'" + std::string(argv[1]) + "' is not a command (the commands: " +
                                           commands + ")",
                                       static_cast<int>(CLI::ExitCodes::ExtrasError)));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::RequiredError& e) {
    // CLI11 checks what is missing before what is left over, so "feed
    // --bogus" said "source is required": a word it could not place is the
    // user's mistake to name first.
    for (const CLI::App* command : app.get_subcommands()) {
      if (const auto extras = command->remaining(); !extras.empty())
        return app.exit(CLI::ExtrasError(extras));
    }
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const pw::StartupError& e) {
    std::cerr << "presswatch: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "presswatch: internal error: " << e.what() << "\n";
    return 70;
  }
  return state.exit_code;
}
