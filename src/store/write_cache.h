// store/write_cache.h: what the writer remembers between batches, so that a
// known entity or alias costs a hash lookup instead of three statements.
// Entities and aliases are never deleted, so a cached id stays true; a batch
// that fails may have cached rows it then rolled back, so a failure clears
// the cache. Lookups take the names as the extraction wrote them, as
// string_views: a hit builds no string and allocates nothing (the ingest
// profile found the keys built per mention, bench/RESULTS.md). Internal to
// pw_store; used by the Store's one thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/store.h"

namespace pw::store {

// The entity index's newest rows are merged into entity_articles once
// entity_articles_recent holds this many (schema.cc, version 8): about six
// batches of 5,000 articles, 7 MB, which stays in the writer's cache.
inline constexpr std::int64_t kEntityIndexMergeRows = 500000;

struct Store::WriteCache {
  // The id of the entity (type, canonical name as written); 0 when not cached.
  std::int64_t EntityId(std::string_view type, std::string_view name) const {
    const Names* names = NamesOf(type);
    if (names == nullptr) return 0;
    const auto it = names->find(name);
    return it == names->end() ? 0 : it->second;
  }
  void AddEntity(std::string_view type, std::string_view name, std::int64_t id) {
    Names* names = NamesOf(type);
    if (names == nullptr) names = &entity_ids.emplace_back(std::string(type), Names()).second;
    names->emplace(std::string(name), id);
  }

  // True when (entity, alias) was not cached before; caches it.
  bool AddAlias(std::int64_t entity_id, std::string_view alias) {
    if (aliases.find(AliasView{entity_id, alias}) != aliases.end()) return false;
    aliases.emplace(entity_id, std::string(alias));
    return true;
  }

  void Clear() {
    entity_ids.clear();
    aliases.clear();
    recent_index_rows = -1;
  }

  // The rows in entity_articles_recent, -1 until counted (and after a
  // rollback): the writer merges them into entity_articles once there are
  // merge_index_rows (write.cc). Another connection's writes make the count
  // stale, which moves a merge earlier or later and changes nothing else.
  std::int64_t recent_index_rows = -1;
  std::int64_t merge_index_rows = kEntityIndexMergeRows;

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using Names = std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>>;

  using Alias = std::pair<std::int64_t, std::string>;
  using AliasView = std::pair<std::int64_t, std::string_view>;
  struct AliasHash {
    using is_transparent = void;
    std::size_t operator()(const AliasView& a) const {
      return std::hash<std::string_view>()(a.second) ^ (static_cast<std::size_t>(a.first) * 0x9e3779b97f4a7c15ull);
    }
    std::size_t operator()(const Alias& a) const { return (*this)(AliasView(a.first, a.second)); }
  };
  struct AliasEqual {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      return a.first == b.first && std::string_view(a.second) == std::string_view(b.second);
    }
  };

  const Names* NamesOf(std::string_view type) const {
    for (const auto& [t, names] : entity_ids)
      if (t == type) return &names;
    return nullptr;
  }
  Names* NamesOf(std::string_view type) {
    return const_cast<Names*>(static_cast<const WriteCache*>(this)->NamesOf(type));
  }

  // Per entity type (a handful: ORG, PER, LOC), canonical name -> id.
  std::vector<std::pair<std::string, Names>> entity_ids;
  // (entity id, alias as written) already stored.
  std::unordered_set<Alias, AliasHash, AliasEqual> aliases;
};

}  // namespace pw::store
