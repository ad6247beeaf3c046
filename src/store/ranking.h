// store/ranking.h: the SQL function pw_rank(fts_table, weight...), search's
// relevance: BM25 (k1 = 1.2, b = 0.75) over the query's phrases, each
// column's hits weighted by the matching argument, as FTS5's bm25() but
// higher is better and without bm25()'s cost of counting every row each
// phrase matches (a full pass over the matches, whatever the LIMIT: 300 ms
// for "venture*" over a million articles).
//
// A phrase's document frequency n, for its IDF, is estimated instead: its
// matches are read in rowid order up to kDocFrequencySample of them; when
// they end there, n is exact; otherwise n ~ kDocFrequencySample * N /
// (the rowid reached), N the rows in the table (rowids run 1..N, in the order
// articles were stored). Computed once per query.
//
//   SELECT rowid, pw_rank(articles_fts, 3.0, 1.0, 0.0) FROM articles_fts WHERE articles_fts MATCH ?
//
// Internal to pw_store.
#pragma once

struct sqlite3;

namespace pw::store {

inline constexpr int kDocFrequencySample = 1000;

// false if FTS5 is unavailable.
bool RegisterRanking(sqlite3* db);

}  // namespace pw::store
