// presswatch rules check: compile every rule, gazetteer and site rule (RULES/sites);
// report each error as FILE:LINE.
#include <iostream>

#include "app/cli.h"
#include "extract/rule_set.h"
#include "text/site_rules.h"

namespace pw::app {

void AddRulesCommand(CLI::App& app, CliState& state) {
  auto flags = std::make_shared<PathFlags>();
  CLI::App* rules = app.add_subcommand("rules", "Work with the extraction rules");
  rules->require_subcommand(1);
  CLI::App* check = rules->add_subcommand(
      "check", "Compile every rule file, gazetteer and site rule (RULES/sites); report each error");
  AddPathFlags(check, *flags, false, false, true);
  check->callback([flags, &state] {
    const Config config = Resolve(*flags);
    auto report = extract::RuleSet::Check(config.rules);
    auto& errors = report.errors;
    const std::string sites_dir = config.rules + "/sites";
    for (auto& e : text::SiteRules::Check(sites_dir)) errors.push_back(std::move(e));
    for (const auto& e : errors) std::cerr << e << "\n";
    if (!errors.empty()) {
      std::cerr << errors.size() << (errors.size() == 1 ? " error" : " errors") << " in " << config.rules
                << "\n";
      state.exit_code = 1;
      return;
    }
    auto sites = text::SiteRules::Load(sites_dir);
    std::cout << config.rules << ": " << report.rule_count << " rules, " << report.gazetteer_size
              << " gazetteer entries and " << (sites ? sites->size() : 0) << " site rules, all good\n";
  });
}

}  // namespace pw::app
