#include "store/stories.h"

#include "common/time.h"
#include "store/near_duplicate.h"
#include "store/sqlite.h"

namespace pw::store {

namespace {

// The candidates' query: articles that share a band key, published in the window.
const std::string& CandidatesSql() {
  static const std::string sql = [] {
    std::string keys;
    for (int i = 1; i <= kBands; ++i) keys += (i > 1 ? ", ?" : "?") + std::to_string(i);
    const std::string from = "?" + std::to_string(kBands + 1), to = "?" + std::to_string(kBands + 2),
                      self = "?" + std::to_string(kBands + 3);
    return "SELECT a.id, a.story_id, a.fingerprint FROM articles a WHERE a.id IN "
           "(SELECT article_id FROM story_bands WHERE band_key IN (" + keys + ")) "
           "AND a.published BETWEEN " + from + " AND " + to + " AND a.id <> " + self + " ORDER BY a.id";
  }();
  return sql;
}

}  // namespace

std::int64_t AssignStory(Database& db, std::int64_t article_id, std::string_view text, const std::string& published) {
  std::int64_t story = article_id;
  const auto fingerprint = MakeFingerprint(text);
  const auto when = ParseTimestamp(published);
  std::string bytes;
  if (fingerprint) {
    bytes = fingerprint->ToBytes();
    const auto keys = BandKeys(*fingerprint);
    if (when) {
      Statement& s = db.Prepare(CandidatesSql());
      for (int i = 0; i < kBands; ++i) s.Bind(i + 1, keys[static_cast<size_t>(i)]);
      s.Bind(kBands + 1, FormatTimestamp(*when - kStoryWindow));
      s.Bind(kBands + 2, FormatTimestamp(*when + kStoryWindow));
      s.Bind(kBands + 3, article_id);
      double best = kSameStorySimilarity;
      while (s.Step()) {
        const auto other = Fingerprint::FromBytes(s.Blob(2));
        if (!other) continue;
        // Ties go to the earliest article (ORDER BY a.id): the story's first.
        if (const double sim = Similarity(*fingerprint, *other); sim > best || (sim == best && story == article_id)) {
          best = sim;
          story = s.Int64(1);
        }
      }
    }
    for (const std::int64_t key : keys)
      db.Prepare("INSERT OR IGNORE INTO story_bands(band_key, article_id) VALUES(?1, ?2)")
          .Bind(1, key)
          .Bind(2, article_id)
          .Step();
  }
  Statement& u = db.Prepare("UPDATE articles SET story_id = ?2, fingerprint = ?3 WHERE id = ?1");
  u.Bind(1, article_id).Bind(2, story);
  if (bytes.empty()) u.BindNull(3);
  else u.BindBlob(3, bytes.data(), bytes.size());
  u.Step();
  return story;
}

}  // namespace pw::store
