// tests/support/project_rules.h: the project's own rules/, for tests that run
// the real rules. Loaded once per test binary (compiling every rule takes about
// a second) and shared: a RuleSet does not change after Load.
//
//   const Extraction x = Extract(pw::testing::ProjectRules(), text::NormalizeDocument(s), {});
#pragma once

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

#include "extract/extract.h"
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

// ENTITIES sorted by start with any that overlaps an earlier one dropped: the
// form MaskedText wants, for tests that mask what an extraction found.
inline std::vector<extract::Entity> EntitiesApart(std::vector<extract::Entity> entities) {
  std::sort(entities.begin(), entities.end(),
            [](const extract::Entity& a, const extract::Entity& b) { return a.start < b.start; });
  std::vector<extract::Entity> apart;
  for (auto& e : entities)
    if (apart.empty() || apart.back().end <= e.start) apart.push_back(std::move(e));
  return apart;
}

}  // namespace pw::testing
