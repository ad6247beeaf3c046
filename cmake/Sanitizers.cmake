# The sanitizer and fuzzing builds (CMakePresets.json names them):
#   PW_SANITIZE  AddressSanitizer + UndefinedBehaviorSanitizer on everything,
#                g++ or clang; a sanitizer finding aborts (the test fails).
#                Preset `asan` (build-asan/).
#   PW_FUZZ      the libFuzzer targets of tests/fuzz (one executable each),
#                every library instrumented for coverage, with the
#                sanitizers; clang only. Preset `fuzz` (build-fuzz/), run by
#                scripts/fuzz.
option(PW_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(PW_FUZZ "Build the libFuzzer targets of tests/fuzz (clang)" OFF)

if(PW_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR
      "PW_FUZZ needs clang and libFuzzer: install the Debian packages 'clang-14 libclang-rt-14-dev' "
      "(scripts/install-deps installs them), then configure with -DCMAKE_CXX_COMPILER=clang++-14 "
      "(cmake --preset fuzz does)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
  set(PW_SANITIZE ON)
endif()

if(PW_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # clang 14's -fsanitize=function (part of "undefined") cannot place its
    # prologue data in the split parts of a coroutine ("error: Cannot
    # represent a difference across sections" in fetch/ and app/).
    add_compile_options(-fno-sanitize=function)
  endif()
endif()
