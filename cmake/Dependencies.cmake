# Every third-party dependency, found once, with the Debian 12 package that
# provides it named in the error (scripts/install-deps installs them all).

macro(pw_require found_var what package)
  if(NOT ${found_var})
    message(FATAL_ERROR
      "presswatch needs ${what}: install the Debian package '${package}' "
      "(apt-get install ${package}), or run scripts/install-deps")
  endif()
endmacro()

find_package(Threads REQUIRED)

find_package(Boost 1.81 CONFIG QUIET COMPONENTS json url)
pw_require(Boost_FOUND "Boost 1.81 (Asio, Beast, JSON, URL)"
           "libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev")

find_package(ICU QUIET COMPONENTS uc i18n data)
pw_require(ICU_FOUND "ICU" "libicu-dev")

find_package(LibXml2 QUIET)
pw_require(LibXml2_FOUND "libxml2" "libxml2-dev")

find_package(SQLite3 QUIET)
pw_require(SQLite3_FOUND "SQLite 3" "libsqlite3-dev")

find_package(OpenSSL QUIET)
pw_require(OPENSSL_FOUND "OpenSSL" "libssl-dev")

find_package(ZLIB QUIET)
pw_require(ZLIB_FOUND "zlib" "zlib1g-dev")

find_package(PkgConfig QUIET)
pw_require(PKG_CONFIG_FOUND "pkg-config (to find RE2)" "pkg-config")
pkg_check_modules(RE2 QUIET IMPORTED_TARGET re2)
pw_require(RE2_FOUND "RE2" "libre2-dev")

find_package(CLI11 CONFIG QUIET)
pw_require(CLI11_FOUND "CLI11" "libcli11-dev")

find_package(tomlplusplus CONFIG QUIET)
pw_require(tomlplusplus_FOUND "toml++" "libtomlplusplus-dev")

find_package(spdlog CONFIG QUIET)
pw_require(spdlog_FOUND "spdlog" "libspdlog-dev")

if(PW_BUILD_TESTS)
  find_package(GTest CONFIG QUIET)
  pw_require(GTest_FOUND "GoogleTest" "libgtest-dev libgmock-dev")
endif()
if(PW_BUILD_BENCH)
  find_package(benchmark CONFIG QUIET)
  pw_require(benchmark_FOUND "Google Benchmark" "libbenchmark-dev")
endif()
