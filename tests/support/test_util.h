// tests/support/test_util.h: small helpers every test binary shares.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include <gtest/gtest.h>

#include "common/error.h"

// ASSERT_OK(result): fails with the Error's message, as LevelDB's ASSERT_LEVELDB_OK.
#define ASSERT_OK(expr)                                                  \
  do {                                                                   \
    const auto& pw_result_ = (expr);                                     \
    ASSERT_TRUE(pw_result_.has_value()) << pw_result_.error().message;   \
  } while (0)

namespace pw::testing {

// The project's source tree (rules/, feeds/), set by CMake.
inline std::filesystem::path SourceDir() { return PW_TEST_SOURCE_DIR; }

// ../shared beside the checkout; tests that need it skip when it is absent.
inline std::filesystem::path SharedDir() { return SourceDir().parent_path() / "shared"; }

#define PW_REQUIRE_SHARED()                                                                    \
  do {                                                                                         \
    if (!std::filesystem::exists(::pw::testing::SharedDir()))                                  \
      GTEST_SKIP() << "needs ../shared beside the checkout (" << ::pw::testing::SharedDir() << ")"; \
  } while (0)

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// A fresh directory under the system temp dir, removed at destruction.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "pw";
    for (auto& c : name)
      if (c == '/') c = '_';
    path_ = std::filesystem::temp_directory_path() /
            ("presswatch-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
  static inline int counter_ = 0;
};

}  // namespace pw::testing
