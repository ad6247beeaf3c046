// Store: opening, and the write path.
#include "store/store.h"

#include <sqlite3.h>

#include "common/time.h"
#include "common/url.h"
#include "store/schema.h"
#include "store/simhash.h"
#include "store/sqlite.h"
#include "store/store_errors.h"
#include "text/search_key.h"

namespace pw::store {

using extract::EntityType;

Error ToError(const SqliteError& e, const std::string& path) {
  const std::string message = path + ": " + e.what();
  switch (e.code()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return {ErrorKind::kBusy, message};
    case SQLITE_FULL: return {ErrorKind::kFull, message};
    default: return Error::Storage(message);
  }
}

Store::Store(std::unique_ptr<Database> db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}
Store::~Store() = default;

std::unique_ptr<Store> Store::Open(const std::string& path, Options options) {
  auto db = Database::Open(path, options.read_only);
  if (options.read_only) {
    const int version = SchemaVersion(*db);
    if (version != kSchemaVersion)
      throw StartupError("database " + path + " has schema version " + std::to_string(version) +
                         (version < kSchemaVersion ? " (run presswatch poll or serve once to upgrade it)"
                                                   : ", newer than this presswatch understands"));
  } else {
    Migrate(*db);
  }
  return std::unique_ptr<Store>(new Store(std::move(db), path));
}

Result<std::int64_t> Store::EnsureFeed(const std::string& url, const std::string& title,
                                       const std::string& language) {
  return Guarded(path_, [&]() -> Result<std::int64_t> {
    db_->Prepare(
           "INSERT INTO feeds(url, title, language) VALUES(?1, ?2, ?3) "
           "ON CONFLICT(url) DO UPDATE SET "
           "title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE title END, "
           "language = CASE WHEN excluded.language <> '' THEN excluded.language ELSE language END")
        .Bind(1, url)
        .Bind(2, title)
        .Bind(3, language)
        .Step();
    Statement& s = db_->Prepare("SELECT id FROM feeds WHERE url = ?1");
    s.Bind(1, url);
    if (!s.Step()) return Error::Internal("feed vanished after insert: " + url);
    return s.Int64(0);
  });
}

namespace {

FeedHealth ReadFeedHealth(Statement& s) {
  FeedHealth f;
  f.id = s.Int64(0);
  f.url = s.Text(1);
  f.title = s.Text(2);
  f.last_fetch = s.OptionalText(3);
  f.last_status = static_cast<int>(s.Int64(4));
  f.last_error = s.OptionalText(5);
  f.etag = s.OptionalText(6);
  f.last_modified = s.OptionalText(7);
  f.consecutive_failures = static_cast<int>(s.Int64(8));
  f.next_poll = s.OptionalText(9);
  f.items = s.Int64(10);
  f.moved_to = s.OptionalText(11);
  return f;
}

constexpr const char* kFeedHealthColumns =
    "SELECT f.id, f.url, f.title, f.last_fetch, f.last_status, f.last_error, f.etag, "
    "f.last_modified, f.consecutive_failures, f.next_poll, "
    "(SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id), f.moved_to FROM feeds f ";

}  // namespace

Result<FeedHealth> Store::Feed(std::int64_t feed_id) {
  return Guarded(path_, [&]() -> Result<FeedHealth> {
    Statement& s = db_->Prepare(std::string(kFeedHealthColumns) + "WHERE f.id = ?1");
    s.Bind(1, feed_id);
    if (!s.Step()) return Error::NotFound("no feed with id " + std::to_string(feed_id));
    return ReadFeedHealth(s);
  });
}

Result<std::vector<FeedHealth>> Store::Feeds() {
  return Guarded(path_, [&]() -> Result<std::vector<FeedHealth>> {
    Statement& s = db_->Prepare(std::string(kFeedHealthColumns) +
                                "ORDER BY f.consecutive_failures DESC, f.url");
    std::vector<FeedHealth> out;
    while (s.Step()) out.push_back(ReadFeedHealth(s));
    return out;
  });
}

Result<void> Store::RecordFetch(std::int64_t feed_id, const FetchOutcome& o) {
  return Guarded(path_, [&]() -> Result<void> {
    Statement& s = db_->Prepare(
        "UPDATE feeds SET last_fetch = ?2, last_status = ?3, last_error = ?4, "
        "etag = COALESCE(?5, etag), last_modified = COALESCE(?6, last_modified), "
        "consecutive_failures = CASE WHEN ?4 IS NULL THEN 0 ELSE consecutive_failures + 1 END, "
        "next_poll = ?7, "
        "title = CASE WHEN title = '' THEN ?8 ELSE title END, "
        "site_url = CASE WHEN ?9 <> '' THEN ?9 ELSE site_url END, "
        "language = CASE WHEN language = '' THEN ?10 ELSE language END, "
        "moved_to = COALESCE(?11, moved_to) "
        "WHERE id = ?1");
    s.Bind(1, feed_id).Bind(2, o.fetched_at).Bind(3, o.status);
    if (o.error.empty()) s.BindNull(4);
    else s.Bind(4, o.error);
    s.Bind(5, o.etag).Bind(6, o.last_modified).Bind(7, o.next_poll).Bind(8, o.title);
    s.Bind(9, o.site_url).Bind(10, o.language).Bind(11, o.moved_to);
    s.Step();
    return kOk;
  });
}

Result<std::vector<FeedHealth>> Store::EnsureFeeds(const std::vector<feed::Subscription>& feeds) {
  return Guarded(path_, [&]() -> Result<std::vector<FeedHealth>> {
    Transaction tx(*db_);
    std::vector<FeedHealth> out;
    out.reserve(feeds.size());
    for (const auto& sub : feeds) {
      auto id = EnsureFeed(sub.url, sub.title, sub.language);
      if (!id) return id.error();
      auto health = Feed(*id);
      if (!health) return health.error();
      out.push_back(std::move(*health));
    }
    tx.Commit();
    return out;
  });
}

std::vector<Result<SaveStats>> Store::SaveBatch(const std::vector<FeedUpdate>& updates) {
  std::vector<Result<SaveStats>> results;
  results.reserve(updates.size());
  auto batch = Guarded(path_, [&]() -> Result<void> {
    Transaction tx(*db_);
    for (const auto& u : updates) {
      // Each feed in its own savepoint: one that fails leaves the others.
      Result<SaveStats> stats = SaveStats{};
      if (!u.articles.empty()) stats = SaveArticles(u.feed_id, u.articles);
      if (stats) {
        if (auto recorded = RecordFetch(u.feed_id, u.outcome); !recorded) stats = recorded.error();
      }
      results.push_back(std::move(stats));
    }
    tx.Commit();
    return kOk;
  });
  if (!batch) results.assign(updates.size(), batch.error());
  return results;
}

Result<std::vector<std::string>> Store::KnownItemKeys(std::int64_t feed_id,
                                                      const std::vector<std::string>& keys) {
  return Guarded(path_, [&]() -> Result<std::vector<std::string>> {
    std::vector<std::string> known;
    for (const auto& key : keys) {
      Statement& s = db_->Prepare("SELECT 1 FROM articles WHERE feed_id = ?1 AND item_key = ?2");
      s.Bind(1, feed_id).Bind(2, key);
      if (s.Step()) known.push_back(key);
    }
    return known;
  });
}

namespace {

std::int64_t UpsertEntity(Database& db, std::string_view type, const std::string& name) {
  const std::string key = text::SearchKey(name);
  db.Prepare("INSERT INTO entities(type, name, name_key) VALUES(?1, ?2, ?3) ON CONFLICT DO NOTHING")
      .Bind(1, type)
      .Bind(2, name)
      .Bind(3, key)
      .Step();
  Statement& s = db.Prepare("SELECT id FROM entities WHERE type = ?1 AND name_key = ?2");
  s.Bind(1, type).Bind(2, key);
  s.Step();
  const std::int64_t id = s.Int64(0);
  db.Prepare("INSERT INTO entity_aliases(entity_id, alias, alias_key) VALUES(?1, ?2, ?3) ON CONFLICT DO NOTHING")
      .Bind(1, id)
      .Bind(2, name)
      .Bind(3, key)
      .Step();
  return id;
}

void AddAlias(Database& db, std::int64_t entity_id, const std::string& alias) {
  db.Prepare("INSERT INTO entity_aliases(entity_id, alias, alias_key) VALUES(?1, ?2, ?3) ON CONFLICT DO NOTHING")
      .Bind(1, entity_id)
      .Bind(2, alias)
      .Bind(3, text::SearchKey(alias))
      .Step();
}

bool IsNamed(EntityType t) { return t == EntityType::kOrg || t == EntityType::kPer || t == EntityType::kLoc; }

// The type of a named party in this article (participants may be people).
std::string_view PartyType(const extract::Extraction& x, const std::string& name) {
  for (const auto& e : x.entities)
    if (e.name == name && IsNamed(e.type)) return extract::EntityTypeName(e.type);
  return "ORG";
}

// The story of an article: that of a near-duplicate published within a week
// either side, else its own id.
std::int64_t FindStory(Database& db, std::int64_t article_id, std::uint64_t simhash,
                       const std::string& published) {
  const auto when = ParseTimestamp(published);
  if (!when) return article_id;
  const std::string from = FormatTimestamp(*when - std::chrono::days(7));
  const std::string to = FormatTimestamp(*when + std::chrono::days(7));
  Statement& s = db.Prepare(
      "SELECT story_id, simhash FROM articles WHERE id <> ?1 AND simhash IS NOT NULL "
      "AND published BETWEEN ?2 AND ?3");
  s.Bind(1, article_id).Bind(2, from).Bind(3, to);
  std::int64_t best = article_id;
  int best_distance = kSameStoryDistance + 1;
  while (s.Step()) {
    const int d = HammingDistance(static_cast<std::uint64_t>(s.Int64(1)), simhash);
    if (d < best_distance) {
      best_distance = d;
      best = s.Int64(0);
    }
  }
  return best;
}

void SaveExtraction(Database& db, std::int64_t article_id, const extract::Extraction& x) {
  for (const auto& e : x.entities) {
    std::optional<std::int64_t> entity_id;
    if (IsNamed(e.type)) {
      entity_id = UpsertEntity(db, extract::EntityTypeName(e.type), e.name);
      AddAlias(db, *entity_id, e.text);
    }
    Statement& s = db.Prepare(
        "INSERT INTO mentions(article_id, type, entity_id, start, end, text, value, title, organization) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    s.Bind(1, article_id).Bind(2, extract::EntityTypeName(e.type)).Bind(3, entity_id);
    s.Bind(4, static_cast<std::int64_t>(e.start)).Bind(5, static_cast<std::int64_t>(e.end)).Bind(6, e.text);
    if (IsNamed(e.type)) s.BindNull(7);
    else s.Bind(7, e.name);
    if (e.title.empty()) s.BindNull(8);
    else s.Bind(8, e.title);
    if (e.organization.empty()) s.BindNull(9);
    else s.Bind(9, e.organization);
    s.Step();
  }
  for (const auto& f : x.funding) {
    const std::int64_t investee = UpsertEntity(db, "ORG", f.investee);
    Statement& s = db.Prepare(
        "INSERT INTO funding(article_id, investee_id, amount, currency, round, announced, evidence) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    s.Bind(1, article_id).Bind(2, investee).Bind(3, f.amount);
    if (f.currency.empty()) s.BindNull(4);
    else s.Bind(4, f.currency);
    if (f.round.empty()) s.BindNull(5);
    else s.Bind(5, f.round);
    if (f.announced.empty()) s.BindNull(6);
    else s.Bind(6, f.announced);
    s.Bind(7, f.evidence);
    s.Step();
    const std::int64_t funding_id = db.LastInsertId();
    int position = 0;
    for (const auto& investor : f.investors) {
      const bool lead = std::find(f.lead_investors.begin(), f.lead_investors.end(), investor) !=
                        f.lead_investors.end();
      const std::int64_t id = UpsertEntity(db, PartyType(x, investor), investor);
      db.Prepare(
            "INSERT INTO funding_investors(funding_id, entity_id, is_lead, position) VALUES(?1, ?2, ?3, ?4) "
            "ON CONFLICT DO NOTHING")
          .Bind(1, funding_id)
          .Bind(2, id)
          .Bind(3, lead ? 1 : 0)
          .Bind(4, position++)
          .Step();
    }
  }
  for (const auto& ev : x.events) {
    Statement& s = db.Prepare(
        "INSERT INTO events(article_id, type, name, date, location, evidence) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    s.Bind(1, article_id).Bind(2, ev.type).Bind(3, ev.name);
    if (ev.date.empty()) s.BindNull(4);
    else s.Bind(4, ev.date);
    if (ev.location.empty()) s.BindNull(5);
    else s.Bind(5, ev.location);
    s.Bind(6, ev.evidence);
    s.Step();
    const std::int64_t event_id = db.LastInsertId();
    int position = 0;
    for (const auto& p : ev.participants) {
      const std::int64_t id = UpsertEntity(db, PartyType(x, p), p);
      db.Prepare(
            "INSERT INTO event_participants(event_id, entity_id, position) VALUES(?1, ?2, ?3) "
            "ON CONFLICT DO NOTHING")
          .Bind(1, event_id)
          .Bind(2, id)
          .Bind(3, position++)
          .Step();
    }
  }
}

}  // namespace

Result<SaveStats> Store::SaveArticles(std::int64_t feed_id, const std::vector<ArticleRecord>& articles) {
  return Guarded(path_, [&]() -> Result<SaveStats> {
    SaveStats stats;
    Transaction tx(*db_);
    for (const auto& a : articles) {
      const std::string canonical = CanonicalUrl(a.url);
      const std::uint64_t simhash = SimHash(a.extraction.text);
      Statement& insert = db_->Prepare(
          "INSERT INTO articles(feed_id, item_key, url, canonical_url, title, summary, content, text, "
          "language, published, published_estimated, first_seen, simhash) "
          "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT DO NOTHING");
      insert.Bind(1, feed_id).Bind(2, a.item_key).Bind(3, a.url);
      if (canonical.empty()) insert.BindNull(4);
      else insert.Bind(4, canonical);
      insert.Bind(5, a.title).Bind(6, a.summary).Bind(7, a.content).Bind(8, a.extraction.text);
      insert.Bind(9, a.extraction.language).Bind(10, a.published).Bind(11, a.published_estimated ? 1 : 0);
      insert.Bind(12, a.first_seen).Bind(13, static_cast<std::int64_t>(simhash));
      insert.Step();
      if (db_->Changes() == 0) {
        ++stats.duplicates;
        continue;
      }
      const std::int64_t id = db_->LastInsertId();
      db_->Prepare("INSERT INTO articles_fts(rowid, title, text) VALUES(?1, ?2, ?3)")
          .Bind(1, id)
          .Bind(2, a.title)
          .Bind(3, a.extraction.text)
          .Step();
      const std::int64_t story = FindStory(*db_, id, simhash, a.published);
      db_->Prepare("UPDATE articles SET story_id = ?2 WHERE id = ?1").Bind(1, id).Bind(2, story).Step();
      SaveExtraction(*db_, id, a.extraction);
      ++stats.inserted;
    }
    tx.Commit();
    return stats;
  });
}

}  // namespace pw::store
