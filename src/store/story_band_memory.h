// store/story_band_memory.h: the story_bands rows of the weeks the writer is
// writing, in its memory, so that FindStory's 5 weeks x 10 bands probes are
// lookups in memory instead of 50 seeks into a table of ten rows an article
// (at 850,000 articles those seeks were half of FindStory's samples,
// bench/RESULTS.md, "Branch store11"). Internal to pw_store; used by the
// Store's one thread (or a migration's loop), with its one connection.
//
// What it promises: Find gives exactly the article ids that
//   SELECT article_id FROM story_bands WHERE week = ? AND band_key IN (...)
// gives for each week asked, in some order and possibly repeated (the caller
// sorts and dedups), provided the rules below are kept:
// - A week is loaded whole from the table on first use (the primary key's
//   prefix: one range scan), and from then on every row this connection
//   inserts into it must be told with Add (IndexStory does). A row inserted
//   into a week not held needs no Add: the load reads it.
// - At most max_weeks weeks are held; the least recently used is dropped
//   (and loaded again if asked for later). kMaxWeeks = 12: a story window
//   covers 5 weeks, and a poll's or a batch's articles span a few weeks
//   around today, so 12 hold them with room for a backfill's old weeks
//   without reloading today's for every article. A week costs about 16 bytes
//   per row, 10 rows an article: about 1.5 MB at the bench's ~9,600 articles
//   a week (18 MB for 12 weeks), a few hundred KB at a daemon's thousands of
//   articles a week.
// - A transaction that fails and rolls back (the whole batch, or one feed's
//   SAVEPOINT inside a batch that commits) may leave rows here that the table
//   no longer has: the caller Clears (Store does, where it clears its
//   WriteCache). That is needed, not cautious: the rolled-back articles' ids
//   are given again to the next articles, and a stale (band, id) would make
//   such an article a candidate through a band it does not have; the check of
//   candidates reads the row (a missing row is skipped, a reused id is
//   compared on its own fingerprint), but a pair of similarity >= 0.6 shares
//   no band with a chance of ~9% (near_duplicate.h), so the SQL would not
//   have found it and the stories could differ.
// - Another connection or process that commits (a second `presswatch poll`
//   on the file, a migration, a deletion whose cascade removes rows) makes
//   the memory stale: DropIfChangedElsewhere, called at the start of each
//   write transaction, compares PRAGMA data_version (which changes only with
//   other connections' commits) and drops everything when it changed.
#pragma once

#include <array>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/near_duplicate.h"

namespace pw::store {

class Database;

class StoryBandMemory {
 public:
  static constexpr std::size_t kMaxWeeks = 12;

  explicit StoryBandMemory(std::size_t max_weeks = kMaxWeeks) : max_weeks_(max_weeks) {}
  StoryBandMemory(const StoryBandMemory&) = delete;
  StoryBandMemory& operator=(const StoryBandMemory&) = delete;

  // Appends to `out` the articles indexed under any of `keys` in the weeks
  // first_week .. first_week + weeks - 1, loading the weeks not held.
  // REQUIRES: weeks <= max_weeks; a transaction on `db`.
  void Find(Database& db, std::int64_t first_week, int weeks, const std::array<std::int64_t, kBands>& keys,
            std::vector<std::int64_t>& out);

  // The article's rows were just inserted into story_bands for `week`.
  void Add(std::int64_t week, const std::array<std::int64_t, kBands>& keys, std::int64_t article_id);

  // Drops everything when another connection committed since the last call.
  // REQUIRES: a transaction on `db` that has read the database (so that its
  // snapshot, and data_version, are current).
  void DropIfChangedElsewhere(Database& db);

  void Clear() { weeks_.clear(); }

  // Weeks read from the table since construction (tests: a warm memory does
  // not read them again).
  std::int64_t loads() const { return loads_; }

 private:
  using Row = std::pair<std::int64_t, std::int64_t>;  // (band_key, article_id)
  struct Week {
    std::vector<Row> sorted;                                   // loaded and merged rows, ascending
    std::unordered_multimap<std::int64_t, std::int64_t> added;  // since the last merge
    std::uint64_t last_used = 0;
  };

  Week& Held(Database& db, std::int64_t week);
  static void Merge(Week& w);

  std::size_t max_weeks_;
  std::unordered_map<std::int64_t, Week> weeks_;
  std::uint64_t clock_ = 0;
  std::int64_t loads_ = 0;
  std::int64_t data_version_ = -1;
};

}  // namespace pw::store
