// tests/support/project_rules.h: the project's own rules/, for tests that run
// the real rules. Loaded once per test binary (compiling every rule takes about
// a second) and shared: a RuleSet does not change after Load.
//
//   const Extraction x = Extract(pw::testing::ProjectRules(), text::NormalizeDocument(s), {});
#pragma once

#include <memory>
#include <stdexcept>

#include "extract/rule_set.h"
#include "test_util.h"

namespace pw::testing {

// Throws when rules/ does not load (the test that asked fails with the message).
inline const extract::RuleSet& ProjectRules() {
  static const std::shared_ptr<const extract::RuleSet> rules = [] {
    auto loaded = extract::RuleSet::Load((SourceDir() / "rules").string());
    if (!loaded) throw std::runtime_error("rules/ does not load: " + loaded.error().message);
    return *loaded;
  }();
  return *rules;
}

}  // namespace pw::testing
