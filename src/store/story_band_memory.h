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
//   inserts into it must go through Add (IndexStory's do). Add keeps the
//   rows, and WriteAdded writes them into story_bands in key order, so that
//   consecutive inserts land on the same pages (inserted one by one, in band
//   order, each was a descent of the table to a random leaf: 9.4% of the
//   writer's CPU at 600,000 articles, bench/RESULTS.md, "The candidates'
//   rows from memory, the band rows in key order"). The caller writes them
//   before its transaction (or savepoint) ends; a week's load writes them
//   first, so the table it reads is complete.
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
//   candidates reads the row or what is remembered of it (a missing row is
//   skipped, a reused id is compared on its own fingerprint), but a pair of similarity >= 0.6 shares
//   no band with a chance of ~9% (near_duplicate.h), so the SQL would not
//   have found it and the stories could differ.
// - What FindStory checks of a candidate (its story, publication time and
//   fingerprint) is kept too, for the articles told with Remember (IndexStory
//   does, for the articles it indexes into a week held): an article's row is
//   never updated once written, so this is its row, without reading it (the
//   row reads, past each article's text, were 6.8% of the writer's CPU at
//   600,000 articles: the same section of bench/RESULTS.md). An article not
//   remembered (its week was loaded from the table, or dropped) is read from
//   its row. What is remembered goes with its week, and with everything else
//   on Clear.
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

#include "common/time.h"
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

  // Indexes the article under `keys` in `week`: in the memory at once (if
  // the week is held), in story_bands at the next WriteAdded.
  void Add(std::int64_t week, const std::array<std::int64_t, kBands>& keys, std::int64_t article_id);

  // Writes the rows Added since the last call into story_bands.
  // REQUIRES: a write transaction on `db`, the one the articles were
  // inserted in (a savepoint's rows are written before it is released).
  void WriteAdded(Database& db);

  // What FindStory reads of an article's row.
  struct Article {
    std::int64_t story_id = 0;
    Timestamp published;
    Fingerprint fingerprint;
  };

  // The article, inserted with these values, was just told with Add for
  // `week` (its publication week). Kept only while that week is held.
  void Remember(std::int64_t week, std::int64_t article_id, const Article& article);

  // The remembered article, or nullptr (then its row is the only source).
  const Article* Known(std::int64_t article_id) const;

  // Drops everything when another connection committed since the last call.
  // REQUIRES: a transaction on `db` that has read the database (so that its
  // snapshot, and data_version, are current).
  void DropIfChangedElsewhere(Database& db);

  void Clear() {
    weeks_.clear();
    known_.clear();
    unwritten_.clear();
  }

  // Weeks read from the table since construction (tests: a warm memory does
  // not read them again).
  std::int64_t loads() const { return loads_; }

 private:
  using Row = std::pair<std::int64_t, std::int64_t>;  // (band_key, article_id)
  struct Week {
    std::vector<Row> sorted;                                   // loaded and merged rows, ascending
    std::unordered_multimap<std::int64_t, std::int64_t> added;  // since the last merge
    std::uint64_t last_used = 0;
    std::vector<std::int64_t> remembered;  // ids in known_, dropped with the week
  };

  Week& Held(Database& db, std::int64_t week);
  static void Merge(Week& w);

  std::size_t max_weeks_;
  std::unordered_map<std::int64_t, Week> weeks_;
  std::unordered_map<std::int64_t, Article> known_;
  struct BandRow {
    std::int64_t week, band_key, article_id;
    auto operator<=>(const BandRow&) const = default;
  };
  std::vector<BandRow> unwritten_;  // Added, not yet in story_bands
  std::uint64_t clock_ = 0;
  std::int64_t loads_ = 0;
  std::int64_t data_version_ = -1;
};

}  // namespace pw::store
