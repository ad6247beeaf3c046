// presswatch: the command-line entry point. Parses the command, runs it,
// and turns a start-up failure into one line on stderr and exit status 1.
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/cli.h"
#include "common/error.h"

int main(int argc, char** argv) {
  CLI::App app{
      "presswatch: the news of Southeast Asia, in Vietnamese and English, turned into records\n"
      "(organisations, people, funding rounds, events) you can search and export.",
      "presswatch"};
  app.require_subcommand(1);
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
  try {
    app.parse(argc, argv);
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
