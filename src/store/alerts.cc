// Store: the watchlist and the alert outbox.
#include <algorithm>
#include <set>

#include "store/meta.h"
#include "store/names.h"
#include "store/snippet.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "store/store_errors.h"
#include "text/search_key.h"

namespace pw::store {

namespace {

std::vector<Alert> ReadAlerts(Database& db, const std::string& where, int limit) {
  Statement& s = db.Prepare(
      "SELECT al.id, al.watch, e.name, e.type, al.raised, al.webhook_attempts, a.id, a.url, a.title, f.title, "
      "a.language, COALESCE(a.published, ''), COALESCE(a.story_id, a.id), al.entity_id "
      "FROM alerts al JOIN articles a ON a.id = al.article_id JOIN feeds f ON f.id = a.feed_id "
      "JOIN entities e ON e.id = al.entity_id WHERE " + where + " ORDER BY al.id LIMIT ?1");
  s.Bind(1, limit);
  struct Row {
    Alert alert;
    std::int64_t article_id, entity_id;
  };
  std::vector<Row> rows;
  while (s.Step()) {
    Row r;
    r.alert.id = s.Int64(0);
    r.alert.watch = s.Text(1);
    r.alert.entity = s.Text(2);
    r.alert.entity_type = s.Text(3);
    r.alert.raised = s.Text(4);
    r.alert.webhook_attempts = static_cast<int>(s.Int64(5));
    r.article_id = s.Int64(6);
    r.alert.mention.url = s.Text(7);
    r.alert.mention.title = s.Text(8);
    r.alert.mention.source = s.Text(9);
    r.alert.mention.language = s.Text(10);
    r.alert.mention.published = s.Text(11);
    r.alert.mention.story = s.Int64(12);
    r.entity_id = s.Int64(13);
    rows.push_back(std::move(r));
  }
  std::vector<Alert> alerts;
  for (auto& r : rows) {
    Statement& m = db.Prepare(
        "SELECT start, end FROM entity_index WHERE article_id = ?1 AND entity_id = ?2");
    m.Bind(1, r.article_id).Bind(2, r.entity_id);
    if (m.Step()) {
      const std::int64_t start = m.Int64(0), end = m.Int64(1);
      m.Reset();
      r.alert.mention.snippet = MentionSnippet(db, r.article_id, start, end);
    }
    alerts.push_back(std::move(r.alert));
  }
  return alerts;
}

}  // namespace

Result<void> Store::SetWatchlist(const std::vector<std::string>& names) {
  return Guarded(*db_, [&]() -> Result<void> {
    Transaction tx(*db_);
    const std::int64_t now = GetMetaInt(*db_, kMetaSeq, 0);
    std::set<std::string> keys;
    for (const auto& name : names) {
      const std::string key = text::SearchKey(name);
      if (key.empty() || !keys.insert(key).second) continue;
      db_->Prepare(
             "INSERT INTO watchlist(name_key, name, since_seq) VALUES(?1, ?2, ?3) "
             "ON CONFLICT(name_key) DO UPDATE SET name = excluded.name")
          .Bind(1, key)
          .Bind(2, name)
          .Bind(3, now)
          .Step();
    }
    std::vector<std::string> dropped;
    {
      Statement& s = db_->Prepare("SELECT name_key FROM watchlist");
      while (s.Step())
        if (std::string k = s.Text(0); !keys.count(k)) dropped.push_back(std::move(k));
    }
    for (const auto& k : dropped) db_->Prepare("DELETE FROM watchlist WHERE name_key = ?1").Bind(1, k).Step();
    tx.Commit();
    return kOk;
  });
}

Result<int> Store::QueueAlerts(const AlertChannels& channels, const std::string& now) {
  return Guarded(*db_, [&]() -> Result<int> {
    Transaction tx(*db_);
    const std::int64_t cursor = GetMetaInt(*db_, kMetaAlertsCursor, 0);
    const std::int64_t last = GetMetaInt(*db_, kMetaSeq, 0);
    struct Watch {
      std::string name;
      std::int64_t since;
      std::int64_t entity = 0;
      bool exact = false;  // the name is an alias of the entity
    };
    std::vector<Watch> watches;
    {
      Statement& w = db_->Prepare("SELECT name, since_seq FROM watchlist ORDER BY name_key");
      while (w.Step()) watches.push_back({w.Text(0), w.Int64(1)});
    }
    // Names resolve now, not when they were listed: an entity first seen
    // after the watchlist named it is watched too. A name means one entity,
    // as in coverage (names.h); an entity listed by its alias is credited to
    // that name before a name that merely starts one of its words ("G").
    for (auto& watch : watches) {
      const std::vector<std::int64_t> ids = EntitiesNamed(*db_, watch.name, &watch.exact);
      if (!ids.empty()) watch.entity = ids.front();
    }
    std::stable_partition(watches.begin(), watches.end(), [](const Watch& w) { return w.exact; });
    int queued = 0;
    for (const auto& watch : watches) {
      if (watch.entity == 0) continue;
      // Articles get ids and seqs in the same order, so the first article
      // above the seq bounds the mentions to read, however many came before.
      const std::int64_t after = std::max(cursor, watch.since);
      std::int64_t first_id;
      {
        Statement& f = db_->Prepare("SELECT id FROM articles WHERE seq > ?1 ORDER BY seq LIMIT 1");
        f.Bind(1, after);
        if (!f.Step()) continue;
        first_id = f.Int64(0);
      }
      // The entity index's two tables each get the constraints, rather than
      // the view entity_index its UNION ALL: each is read by its key.
      Statement& s = db_->Prepare(
          "INSERT OR IGNORE INTO alerts(article_id, entity_id, watch, raised, to_file, to_webhook) "
          "SELECT m.article_id, m.entity_id, ?3, ?4, ?5, ?6 "
          "FROM articles a JOIN ("
          "SELECT entity_id, article_id FROM entity_articles "
          "WHERE entity_id = ?2 AND article_id >= ?7 "
          "UNION ALL "
          "SELECT entity_id, article_id FROM entity_articles_recent "
          "WHERE entity_id = ?2 AND article_id >= ?7"
          ") m ON m.article_id = a.id "
          "WHERE a.seq > ?1 "
          "GROUP BY m.article_id, m.entity_id ORDER BY MIN(a.seq), m.entity_id");
      s.Bind(1, after).Bind(2, watch.entity).Bind(3, watch.name).Bind(4, now);
      s.Bind(5, channels.file ? 1 : 0).Bind(6, channels.webhook ? 1 : 0).Bind(7, first_id);
      s.Step();
      queued += db_->Changes();
    }
    SetMetaInt(*db_, kMetaAlertsCursor, last);
    tx.Commit();
    return queued;
  });
}

Result<std::vector<Alert>> Store::AlertsToWrite(int limit) {
  return Guarded(*db_, [&]() -> Result<std::vector<Alert>> { return ReadAlerts(*db_, "al.to_file = 1", limit); });
}

Result<std::vector<Alert>> Store::AlertsToPost(int limit) {
  return Guarded(*db_,
                 [&]() -> Result<std::vector<Alert>> { return ReadAlerts(*db_, "al.to_webhook = 1", limit); });
}

Result<void> Store::MarkAlertsWritten(const std::vector<std::int64_t>& ids) {
  return Guarded(*db_, [&]() -> Result<void> {
    db_->Prepare("UPDATE alerts SET to_file = 0 WHERE id IN (SELECT value FROM json_each(?1))")
        .Bind(1, JsonIds(ids))
        .Step();
    return kOk;
  });
}

Result<void> Store::MarkAlertPosted(std::int64_t id) {
  return Guarded(*db_, [&]() -> Result<void> {
    db_->Prepare(
           "UPDATE alerts SET to_webhook = 0, webhook_attempts = webhook_attempts + 1, webhook_error = NULL "
           "WHERE id = ?1")
        .Bind(1, id)
        .Step();
    return kOk;
  });
}

Result<void> Store::MarkAlertRejected(std::int64_t id, const std::string& error) {
  return Guarded(*db_, [&]() -> Result<void> {
    db_->Prepare(
           "UPDATE alerts SET to_webhook = 0, rejected = 1, webhook_attempts = webhook_attempts + 1, "
           "webhook_error = ?2 WHERE id = ?1")
        .Bind(1, id)
        .Bind(2, error)
        .Step();
    return kOk;
  });
}

Result<void> Store::RecordWebhookFailure(std::int64_t id, const WebhookState& state) {
  return Guarded(*db_, [&]() -> Result<void> {
    Transaction tx(*db_);
    db_->Prepare("UPDATE alerts SET webhook_attempts = webhook_attempts + 1, webhook_error = ?2 WHERE id = ?1")
        .Bind(1, id)
        .Bind(2, state.last_error)
        .Step();
    SetMetaInt(*db_, kMetaWebhookFailures, state.failures);
    SetMeta(*db_, kMetaWebhookNextAttempt, state.next_attempt);
    SetMeta(*db_, kMetaWebhookLastError, state.last_error);
    tx.Commit();
    return kOk;
  });
}

Result<WebhookState> Store::Webhook() {
  return Guarded(*db_, [&]() -> Result<WebhookState> {
    WebhookState w;
    w.failures = static_cast<int>(GetMetaInt(*db_, kMetaWebhookFailures, 0));
    w.next_attempt = GetMeta(*db_, kMetaWebhookNextAttempt).value_or("");
    w.last_error = GetMeta(*db_, kMetaWebhookLastError).value_or("");
    return w;
  });
}

Result<void> Store::ResetWebhook() {
  return Guarded(*db_, [&]() -> Result<void> {
    Transaction tx(*db_);
    SetMetaInt(*db_, kMetaWebhookFailures, 0);
    SetMeta(*db_, kMetaWebhookNextAttempt, "");
    SetMeta(*db_, kMetaWebhookLastError, "");
    tx.Commit();
    return kOk;
  });
}

Result<AlertStats> Store::Alerts() {
  return Guarded(*db_, [&]() -> Result<AlertStats> {
    Statement& s = db_->Prepare(
        "SELECT COUNT(*), COALESCE(SUM(to_file), 0), COALESCE(SUM(to_webhook), 0), COALESCE(SUM(rejected), 0) "
        "FROM alerts");
    s.Step();
    return AlertStats{s.Int64(0), s.Int64(1), s.Int64(2), s.Int64(3)};
  });
}

}  // namespace pw::store
