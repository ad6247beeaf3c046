// presswatch extract: one document in, its extraction as JSON out.
#include <iostream>

#include "app/cli.h"
#include "app/json_out.h"
#include "common/error.h"
#include "extract/extract.h"
#include "text/normalize.h"

namespace pw::app {

namespace {

struct ExtractFlags {
  PathFlags paths;
  std::string lang = "auto";
  std::string published;
  std::string input = "-";
  bool json = true;
};

int RunExtract(const ExtractFlags& flags) {
  const Config config = Resolve(flags.paths);
  auto rules = extract::RuleSet::Load(config.rules);
  if (!rules) throw StartupError(rules.error().message);
  extract::ExtractOptions options;
  if (flags.lang != "auto") options.language = text::LanguageFromCode(flags.lang);
  if (!flags.published.empty()) {
    auto t = ParseTimestamp(flags.published);
    if (!t) throw StartupError("--published: '" + flags.published + "' is not a date (use YYYY-MM-DD)");
    options.published = std::chrono::floor<std::chrono::days>(*t);
  }
  const std::string input = ReadInput(flags.input);
  const extract::Extraction x = extract::Extract(**rules, text::NormalizeDocument(input), options);
  std::cout << Pretty(ExtractionJson(x));
  return 0;
}

}  // namespace

void AddExtractCommand(CLI::App& app, CliState& state) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Extract entities, funding and events from one document (text or HTML) as JSON");
  AddPathFlags(cmd, flags->paths, false, false, true);
  cmd->add_option("--lang", flags->lang, "language of the document")
      ->check(CLI::IsMember({"auto", "vi", "en"}))
      ->capture_default_str();
  // JSON is extract's only output; --json is accepted so that scripts written
  // like the other commands' work.
  cmd->add_flag("--json", flags->json, "print JSON (the default and only output)");
  cmd->add_option("--published", flags->published,
                  "the document's date (YYYY-MM-DD): anchors relative dates, dates funding");
  cmd->add_option("input", flags->input, "FILE, or - for standard input")->capture_default_str();
  cmd->callback([flags, &state] { state.exit_code = RunExtract(*flags); });
}

}  // namespace pw::app
