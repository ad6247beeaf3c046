// tests/fuzz/fuzz_target.h: one fuzz target, two builds.
//
//   PW_FUZZ_TARGET(dates) {
//     auto t = pw::feed::ParseFeedDate(pw::fuzz::AsText(data, size));
//     PW_FUZZ_CHECK(!t || ..., "a date past 9999");
//     return 0;
//   }
//
// With -DPW_FUZZ=ON (clang, the `fuzz` preset) the body becomes libFuzzer's
// LLVMFuzzerTestOneInput, in one executable per target (fuzz_dates). In the
// normal build it is registered by name in the one `fuzz_replay` program,
// which runs every input kept under tests/data/fuzz/<name>/ through it, as a
// CTest test per target: a crash found once stays a test for good.
//
// PW_FUZZ_CHECK is the oracle: a promise of the code under test (a header's
// contract) that did not hold. It prints what and aborts, which libFuzzer
// reports as a crash and saves the input; in replay it fails the test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/utf8.h"

namespace pw::fuzz {

using TargetFunction = int (*)(const std::uint8_t* data, std::size_t size);

// Replay build only: adds a target to the registry of fuzz_replay.
bool Register(const char* name, TargetFunction function);

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The source tree (rules/, feeds/): $PW_SOURCE_DIR when set, else where CMake
// configured the build.
std::string SourceDir();

// Well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF):
// the project's own check (common/utf8.h, tested in common_test).
using ::pw::IsValidUtf8;

[[noreturn]] inline void Fail(const char* file, int line, const char* condition, const std::string& what) {
  std::fprintf(stderr, "%s:%d: fuzz check failed: %s: %s\n", file, line, condition, what.c_str());
  std::abort();
}

}  // namespace pw::fuzz

#define PW_FUZZ_CHECK(condition, what) \
  do {                                 \
    if (!(condition)) ::pw::fuzz::Fail(__FILE__, __LINE__, #condition, (what)); \
  } while (0)

#ifdef PW_LIBFUZZER
#define PW_FUZZ_ENTRY(name, function)                                               \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { \
    return function(data, size);                                                    \
  }
#else
#define PW_FUZZ_ENTRY(name, function) \
  [[maybe_unused]] static const bool pw_fuzz_registered_##name = ::pw::fuzz::Register(#name, &function);
#endif

// PW_FUZZ_INIT(function): what a target does once, before libFuzzer times its
// first input. Loading the real rules takes 20 s and more under ASan on a
// slow machine, which -timeout (20 s) would count against the first input and
// report as a timeout of the empty input. The replay build loads lazily, as
// the target's first call does.
#ifdef PW_LIBFUZZER
#define PW_FUZZ_INIT(function)                                  \
  extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) { \
    (void)function();                                           \
    return 0;                                                   \
  }
#else
#define PW_FUZZ_INIT(function)
#endif

#define PW_FUZZ_TARGET(name)                                           \
  static int PwFuzzOne_##name(const std::uint8_t* data, std::size_t size); \
  PW_FUZZ_ENTRY(name, PwFuzzOne_##name)                                 \
  static int PwFuzzOne_##name(const std::uint8_t* data, std::size_t size)
