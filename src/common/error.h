// common/error.h: the error values of daily work, and the exception of start-up.
//
// Expected failures (a feed that 404s, a malformed item, SQLITE_BUSY) travel as
// values: Result<T> holds either a T or an Error. Configuration and start-up
// failures (an unreadable config, rules that do not compile at start, a
// database that will not open) throw StartupError, which main() catches once.
//
//   Result<Feed> r = feed::Parse(body, opts);
//   if (!r) log(r.error().message);      // "feeds/x.xml:41: mismatched tag"
//   Feed f = std::move(*r);
//
// Result<T>::value() on an error throws StartupError with the message, so code
// that has no way to go on (a command-line tool at its top) may simply call it.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/system/result.hpp>

namespace pw {

enum class ErrorKind {
  kInvalidArgument,  // a caller passed something unusable
  kNotFound,         // a file, a row, a feed that does not exist
  kIo,               // reading or writing a local file failed
  kNetwork,          // DNS, connect, reset, TLS handshake
  kTimeout,          // a phase or the whole request ran out of time
  kTooLarge,         // a body or an inflated body over its cap
  kRefused,          // a policy said no: address guard, https->http, loop
  kMalformed,        // bytes that cannot be read as what they claim to be
  kUnsupported,      // a scheme, encoding or format we do not handle
  kBusy,             // SQLITE_BUSY / locked: try again later
  kFull,             // SQLITE_FULL: disk full
  kStorage,          // any other database failure
  kInternal,         // a bug: an invariant that did not hold
};

// Lower-case, one word: "timeout", "malformed". Used in logs and metrics.
std::string_view KindName(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;  // one line, with its context (URL, or file:line)

  static Error InvalidArgument(std::string m) { return {ErrorKind::kInvalidArgument, std::move(m)}; }
  static Error NotFound(std::string m) { return {ErrorKind::kNotFound, std::move(m)}; }
  static Error Io(std::string m) { return {ErrorKind::kIo, std::move(m)}; }
  static Error Network(std::string m) { return {ErrorKind::kNetwork, std::move(m)}; }
  static Error Timeout(std::string m) { return {ErrorKind::kTimeout, std::move(m)}; }
  static Error TooLarge(std::string m) { return {ErrorKind::kTooLarge, std::move(m)}; }
  static Error Refused(std::string m) { return {ErrorKind::kRefused, std::move(m)}; }
  static Error Malformed(std::string m) { return {ErrorKind::kMalformed, std::move(m)}; }
  static Error Unsupported(std::string m) { return {ErrorKind::kUnsupported, std::move(m)}; }
  static Error Storage(std::string m) { return {ErrorKind::kStorage, std::move(m)}; }
  static Error Internal(std::string m) { return {ErrorKind::kInternal, std::move(m)}; }
};

// Thrown for configuration and start-up failures only; what() is one line
// that a user can act on.
class StartupError : public std::runtime_error {
 public:
  explicit StartupError(const std::string& message) : std::runtime_error(message) {}
};

// Found by ADL when Result<T>::value() is called on an error.
[[noreturn]] void throw_exception_from_error(const Error& e, const boost::source_location& loc);

template <class T>
using Result = boost::system::result<T, Error>;

// The success value of Result<void>.
inline constexpr boost::system::in_place_value_t kOk{};

}  // namespace pw
