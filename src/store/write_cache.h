// store/write_cache.h: what the writer remembers between batches, so that a
// known entity or alias costs a hash lookup instead of three statements.
// Entities and aliases are never deleted, so a cached id stays true; a batch
// that fails may have cached rows it then rolled back, so a failure clears
// the cache. Internal to pw_store; used by the Store's one thread.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "store/store.h"

namespace pw::store {

struct Store::WriteCache {
  // Keyed by the names as written: a hit costs no search key.
  std::unordered_map<std::string, std::int64_t> entity_ids;  // "TYPE\x1fcanonical name" -> id
  std::unordered_set<std::string> aliases;                   // "id\x1falias" already stored

  void Clear() {
    entity_ids.clear();
    aliases.clear();
  }
};

}  // namespace pw::store
