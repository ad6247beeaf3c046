// store/store_errors.h: SQLite failures as Error values, at the Store's
// boundary. Internal to pw_store.
#pragma once

#include <string>

#include "common/error.h"
#include "store/sqlite.h"

namespace pw::store {

Error ToError(const SqliteError& e, const std::string& path);

// Runs `body`, turning a SqliteError into the Error kind it stands for, and
// leaves no statement of the connection active (sqlite.h, ResetStatements).
template <class F>
auto Guarded(Database& db, F&& body) -> decltype(body()) {
  struct Reset {
    Database& db;
    ~Reset() { db.ResetStatements(); }
  } reset{db};
  try {
    return body();
  } catch (const SqliteError& e) {
    return ToError(e, db.path());
  }
}

}  // namespace pw::store
