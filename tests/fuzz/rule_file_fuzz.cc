// Fuzz target `rule_file`: a user's rule file (extract/rule_file.h) and site
// rule file (text/site_rules.h) on any bytes: a broken rule must be an error
// naming its file and line, never a crash. Oracles: every error starts with
// "FILE:LINE: ", every rule knows its line.
#include <vector>

#include "extract/rule_file.h"
#include "fuzz_target.h"
#include "text/site_rules.h"

PW_FUZZ_TARGET(rule_file) {
  const std::string_view text = pw::fuzz::AsText(data, size);
  std::vector<pw::extract::RuleSpec> rules;
  std::vector<std::string> errors;
  pw::extract::ParseRuleFile(text, "rules/x.rules", rules, errors);
  for (const auto& e : errors)
    PW_FUZZ_CHECK(e.rfind("rules/x.rules:", 0) == 0 && e.find(": ", 14) != std::string::npos,
                  "an error without FILE:LINE: " + e);
  for (const auto& r : rules) PW_FUZZ_CHECK(r.line >= 1 && r.file == "rules/x.rules", "a rule without its line");

  const auto sites = pw::text::SiteRules::Parse(text, "rules/sites/x.site");
  if (!sites) {
    PW_FUZZ_CHECK(sites.error().message.rfind("rules/sites/x.site:", 0) == 0,
                  "an error without FILE:LINE: " + sites.error().message);
  } else {
    for (const auto& rule : sites->rules()) PW_FUZZ_CHECK(!rule.hosts.empty(), "a site rule without a host");
    (void)sites->For("https://vnexpress.net/x.html");
  }
  return 0;
}
