// store/store_errors.h: SQLite failures as Error values, at the Store's
// boundary. Internal to pw_store.
#pragma once

#include <string>

#include "common/error.h"
#include "store/sqlite.h"

namespace pw::store {

Error ToError(const SqliteError& e, const std::string& path);

// Runs `body`, turning a SqliteError into the Error kind it stands for.
template <class F>
auto Guarded(const std::string& path, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SqliteError& e) {
    return ToError(e, path);
  }
}

}  // namespace pw::store
