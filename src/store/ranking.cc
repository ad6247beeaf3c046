#include "store/ranking.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "store/fts5_abi.h"

namespace pw::store {

namespace {

constexpr double kK1 = 1.2, kB = 0.75;

// What the whole query shares, computed on its first row.
struct QueryStats {
  double rows = 0;
  double average_tokens = 1;  // per row, all columns
  std::vector<double> idf;    // per phrase
};

struct Sample {
  sqlite3_int64 count = 0, last_rowid = 0;
};

int CountRow(const fts5::ExtensionApi* api, fts5::Context* ctx, void* user) {
  auto* sample = static_cast<Sample*>(user);
  sample->last_rowid = api->xRowid(ctx);
  return ++sample->count >= kDocFrequencySample ? SQLITE_DONE : SQLITE_OK;
}

QueryStats* Stats(const fts5::ExtensionApi* api, fts5::Context* ctx, int* rc) {
  if (auto* cached = static_cast<QueryStats*>(api->xGetAuxdata(ctx, 0))) return cached;
  auto stats = std::make_unique<QueryStats>();
  sqlite3_int64 rows = 0, tokens = 0;
  if ((*rc = api->xRowCount(ctx, &rows)) != SQLITE_OK) return nullptr;
  if ((*rc = api->xColumnTotalSize(ctx, -1, &tokens)) != SQLITE_OK) return nullptr;
  stats->rows = static_cast<double>(std::max<sqlite3_int64>(rows, 1));
  stats->average_tokens = std::max(1.0, static_cast<double>(tokens) / stats->rows);
  const int phrases = api->xPhraseCount(ctx);
  for (int p = 0; p < phrases; ++p) {
    Sample sample;
    if ((*rc = api->xQueryPhrase(ctx, p, &sample, CountRow)) != SQLITE_OK) return nullptr;
    double n = static_cast<double>(sample.count);
    if (sample.count >= kDocFrequencySample && sample.last_rowid > 0)
      n = std::min(stats->rows, n * stats->rows / static_cast<double>(sample.last_rowid));
    // BM25's IDF, kept positive as FTS5's bm25() keeps it (a word in most
    // rows still counts a little).
    stats->idf.push_back(std::max(1e-6, std::log((stats->rows - n + 0.5) / (n + 0.5))));
  }
  QueryStats* raw = stats.get();
  if ((*rc = api->xSetAuxdata(ctx, stats.release(), [](void* p) { delete static_cast<QueryStats*>(p); })) !=
      SQLITE_OK)
    return nullptr;
  return raw;
}

void Rank(const fts5::ExtensionApi* api, fts5::Context* ctx, sqlite3_context* result, int argc,
          sqlite3_value** argv) {
  int rc = SQLITE_OK;
  const QueryStats* stats = Stats(api, ctx, &rc);
  if (stats == nullptr) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  // Hits per phrase, each weighted by its column's weight.
  std::vector<double> hits(stats->idf.size(), 0.0);
  int instances = 0;
  if ((rc = api->xInstCount(ctx, &instances)) != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  for (int i = 0; i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if ((rc = api->xInst(ctx, i, &phrase, &column, &offset)) != SQLITE_OK) {
      sqlite3_result_error_code(result, rc);
      return;
    }
    const double weight = column < argc ? sqlite3_value_double(argv[column]) : 1.0;
    if (phrase >= 0 && static_cast<size_t>(phrase) < hits.size()) hits[static_cast<size_t>(phrase)] += weight;
  }
  int length = 0;
  if ((rc = api->xColumnSize(ctx, -1, &length)) != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  const double norm = kK1 * (1 - kB + kB * length / stats->average_tokens);
  double score = 0;
  for (size_t p = 0; p < hits.size(); ++p) score += stats->idf[p] * hits[p] * (kK1 + 1) / (hits[p] + norm);
  sqlite3_result_double(result, score);
}

}  // namespace

bool RegisterRanking(sqlite3* db) {
  fts5::Api* api = fts5::ApiOf(db);
  if (api == nullptr) return false;
  return api->xCreateFunction(api, "pw_rank", nullptr, Rank, nullptr) == SQLITE_OK;
}

}  // namespace pw::store
