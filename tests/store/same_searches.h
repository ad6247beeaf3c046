// tests/store/same_searches.h: do two stores answer searches alike? For tests
// that write the same articles by two paths (one by one, batched, prepared on
// another thread) and must find the same thing.
#pragma once

#include <cmath>
#include <initializer_list>
#include <string>

#include <gtest/gtest.h>

#include "store/store.h"
#include "test_util.h"

namespace pw::store {

// Each query finds something, and the same hits in the same order in both:
// URL, story, snippet, and a score equal to a millionth (it divides by the
// article's age against julianday('now'), which moves between two searches).
inline void ExpectSameSearches(Store& expected_store, Store& got_store, std::initializer_list<const char*> queries) {
  for (const std::string q : queries) {
    auto expected = expected_store.Search({.query = q});
    auto got = got_store.Search({.query = q});
    ASSERT_OK(expected);
    ASSERT_OK(got);
    ASSERT_EQ(got->size(), expected->size()) << q;
    EXPECT_FALSE(got->empty()) << q;
    for (size_t i = 0; i < got->size(); ++i) {
      EXPECT_EQ((*got)[i].url, (*expected)[i].url) << q;
      EXPECT_EQ((*got)[i].story, (*expected)[i].story) << q;
      EXPECT_EQ((*got)[i].snippet, (*expected)[i].snippet) << q;
      EXPECT_NEAR((*got)[i].score, (*expected)[i].score, 1e-6 * std::abs((*expected)[i].score)) << q;
    }
  }
}

}  // namespace pw::store
