#include "common/error.h"

namespace pw {

std::string_view KindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidArgument: return "invalid_argument";
    case ErrorKind::kNotFound: return "not_found";
    case ErrorKind::kIo: return "io";
    case ErrorKind::kNetwork: return "network";
    case ErrorKind::kTimeout: return "timeout";
    case ErrorKind::kTooLarge: return "too_large";
    case ErrorKind::kRefused: return "refused";
    case ErrorKind::kMalformed: return "malformed";
    case ErrorKind::kUnsupported: return "unsupported";
    case ErrorKind::kBusy: return "busy";
    case ErrorKind::kFull: return "full";
    case ErrorKind::kStorage: return "storage";
    case ErrorKind::kInternal: return "internal";
  }
  return "internal";
}

void throw_exception_from_error(const Error& e, const boost::source_location&) {
  throw StartupError(e.message);
}

}  // namespace pw
