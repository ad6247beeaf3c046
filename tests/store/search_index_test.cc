// The search index in its own file, DB-search (store/search_index.h): built
// again when missing, caught up when behind (a crash between the database's
// commit and the index's), rebuilt when it is another database's or ahead of
// it or of format 1 (with its own copy of the text: rebuilt contentless),
// refused when of a newer format, drained when the Store closes, and a
// failure of its thread is an error value that loses no article.
#include "store/search_index.h"

#include <filesystem>

#include <sqlite3.h>

#include <gtest/gtest.h>

#include "articles.h"
#include "same_searches.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "test_util.h"

namespace pw::store {
namespace {

using pw::testing::TempDir;
using namespace pw::store::testing;

constexpr std::initializer_list<const char*> kQueries = {"sovico", "dau tu", "\"quỹ đầu tư\"", "genai OR fintech",
                                                         "investment"};

// Writes the two batches every test starts from: the Vietnamese seed, then
// its English version and a republication.
void WriteBatch(Store& store, int batch) {
  auto feed = store.EnsureFeed("https://a.vn/rss", "Báo A", "vi");
  ASSERT_OK(feed);
  std::vector<ArticleRecord> articles;
  if (batch == 1) {
    articles = {SovicoArticle("a:1", "https://a.vn/1")};
  } else {
    articles = {SovicoArticleEn("a:2", "https://a.vn/2"),
                SovicoArticle("a:3", "https://b.vn/3", "2024-11-22T02:00:00Z", "TIN DOANH NGHIỆP | ")};
  }
  auto saved = store.SaveArticles(*feed, articles);
  ASSERT_OK(saved);
  ASSERT_EQ(saved->inserted, static_cast<int>(articles.size()));
}

std::int64_t IndexScalar(const std::string& db_path, const std::string& sql) {
  auto db = Database::Open(SearchIndex::PathFor(db_path), /*read_only=*/true);
  Statement& s = db->Prepare(sql);
  return s.Step() ? s.Int64(0) : -1;
}

void RemoveIndex(const std::string& db_path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(SearchIndex::PathFor(db_path) + suffix);
}

// A database written by the two batches, with its index, as a reference.
class SearchIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(reference_path_, {});
    WriteBatch(*store, 1);
    WriteBatch(*store, 2);
  }
  std::unique_ptr<Store> Reference() { return Store::Open(reference_path_, {.read_only = true}); }
  TempDir dir_;
  const std::string reference_path_ = dir_.File("reference.db");
  const std::string path_ = dir_.File("t.db");
};

TEST_F(SearchIndexTest, ADeletedIndexIsBuiltAgainAtTheNextWritableOpen) {
  {
    auto store = Store::Open(path_, {});
    WriteBatch(*store, 1);
    WriteBatch(*store, 2);
  }
  RemoveIndex(path_);
  // A reader cannot search without it (and says what builds it); the rest answers.
  {
    auto reader = Store::Open(path_, {.read_only = true});
    auto hits = reader->Search({.query = "sovico"});
    ASSERT_FALSE(hits);
    EXPECT_NE(hits.error().message.find("presswatch poll or serve builds it"), std::string::npos)
        << hits.error().message;
    ASSERT_OK(reader->Funding({}));
  }
  std::int64_t done = 0, total = 0;
  Store::Open(path_, {.migration_progress = [&](std::int64_t d, std::int64_t t) {
                done = d;
                total = t;
              }}).reset();
  EXPECT_EQ(total, 3);  // ids 1 to 3, with progress
  EXPECT_EQ(done, total);
  EXPECT_EQ(IndexScalar(path_, "SELECT value FROM search_state WHERE key = 'indexed'"), 3);
  ExpectSameSearches(*Reference(), *Store::Open(path_, {.read_only = true}), kQueries);
}

// The crash between the two commits: the database has the second batch, the
// index is as it was after the first (its file copied then, put back now).
TEST_F(SearchIndexTest, AnIndexLeftBehindCatchesUpAtTheNextWritableOpen) {
  const std::string saved_index = dir_.File("index-after-batch-1");
  {
    auto store = Store::Open(path_, {});
    WriteBatch(*store, 1);
  }
  std::filesystem::copy_file(SearchIndex::PathFor(path_), saved_index);
  {
    auto store = Store::Open(path_, {});
    WriteBatch(*store, 2);
  }
  RemoveIndex(path_);
  std::filesystem::copy_file(saved_index, SearchIndex::PathFor(path_));
  {
    // Behind: a reader finds the first batch only, as the index says.
    auto hits = Store::Open(path_, {.read_only = true})->Search({.query = "sovico"});
    ASSERT_OK(hits);
    EXPECT_EQ(hits->size(), 1u);
  }
  Store::Open(path_, {}).reset();
  EXPECT_EQ(IndexScalar(path_, "SELECT value FROM search_state WHERE key = 'indexed'"), 3);
  ExpectSameSearches(*Reference(), *Store::Open(path_, {.read_only = true}), kQueries);
}

// A database restored from a backup, beside the index of its later state:
// ids 2 and 3 are given again to other articles, so the index is rebuilt,
// not trusted. So is the index of another database copied beside it.
TEST_F(SearchIndexTest, AnIndexAheadOfItsDatabaseOrOfAnotherOneIsBuiltAgain) {
  const std::string backup = dir_.File("backup.db");
  {
    auto store = Store::Open(path_, {});
    WriteBatch(*store, 1);
  }
  std::filesystem::copy_file(path_, backup);
  {
    auto store = Store::Open(path_, {});
    WriteBatch(*store, 2);
  }
  std::filesystem::remove(path_);
  std::filesystem::copy_file(backup, path_);
  {
    auto store = Store::Open(path_, {});
    auto feed = store->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
    ASSERT_OK(feed);
    ASSERT_OK(store->SaveArticles(*feed, {SovicoArticle("a:9", "https://a.vn/9", "2024-11-23T02:00:00Z", "Khác | ")}));
    auto hits = store->Search({.query = "investment"});  // the English article (id 2 before) is gone
    ASSERT_OK(hits);
    EXPECT_EQ(hits->size(), 0u);
    hits = store->Search({.query = "sovico"});
    ASSERT_OK(hits);
    EXPECT_EQ(hits->size(), 2u);
  }
  // The reference's index beside this database: another database_id.
  RemoveIndex(path_);
  std::filesystem::copy_file(SearchIndex::PathFor(reference_path_), SearchIndex::PathFor(path_));
  auto store = Store::Open(path_, {});
  auto hits = store->Search({.query = "investment"});
  ASSERT_OK(hits);
  EXPECT_EQ(hits->size(), 0u);
  hits = store->Search({.query = "khac"});
  ASSERT_OK(hits);
  EXPECT_EQ(hits->size(), 1u);
}

// Closing the Store indexes what it saved: batches handed to the thread
// faster than it indexes them are all there after the close.
TEST_F(SearchIndexTest, ClosingTheStoreIndexesEverythingItSaved) {
  {
    auto store = Store::Open(path_, {});
    auto feed = store->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
    ASSERT_OK(feed);
    for (int b = 0; b < 20; ++b) {
      std::vector<FeedUpdate> updates(1);
      updates[0].feed_id = *feed;
      for (int i = 0; i < 5; ++i) {
        const std::string n = std::to_string(b * 5 + i);
        updates[0].articles.push_back(SovicoArticle("k:" + n, "https://a.vn/" + n));
      }
      for (const auto& r : store->Save(PrepareBatch(updates))) ASSERT_OK(r);
    }
  }
  EXPECT_EQ(IndexScalar(path_, "SELECT value FROM search_state WHERE key = 'indexed'"), 100);
  EXPECT_EQ(IndexScalar(path_, "SELECT COUNT(*) FROM articles_fts_docsize"), 100);  // contentless: no scan of the table
  auto hits = Store::Open(path_, {.read_only = true})->Search({.query = "sovico", .limit = 1000});
  ASSERT_OK(hits);
  EXPECT_EQ(hits->size(), 100u);
}

// Format 1 (up to store9) kept FTS5's own copy of title, text and language.
// A reader of this version searches it as it is (pw_snippet is handed the
// text either way); the next writable open rebuilds it contentless (format
// 2), and every search answers as before, snippets included.
TEST_F(SearchIndexTest, AnIndexWithItsOwnCopyOfTheTextIsRebuiltContentless) {
  {
    auto store = Store::Open(path_, {});
    WriteBatch(*store, 1);
    WriteBatch(*store, 2);
  }
  RemoveIndex(path_);
  {
    // DB-search as store9's binary wrote it.
    auto old = Database::Open(SearchIndex::PathFor(path_), /*read_only=*/false);
    old->Exec("ATTACH '" + path_ + "' AS db");
    old->Exec(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, language, tokenize='presswatch');"
        "INSERT INTO articles_fts(rowid, title, text, language) SELECT id, title, text, language FROM db.articles;"
        "CREATE TABLE search_state (key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
        "INSERT INTO search_state(key, value) SELECT 'indexed', MAX(id) FROM db.articles;"
        "INSERT INTO search_state(key, value) SELECT 'database_id', value FROM db.meta WHERE key = 'database_id';"
        "PRAGMA user_version = 1");
  }
  ASSERT_EQ(IndexScalar(path_, "SELECT COUNT(*) FROM articles_fts_content"), 3);
  ExpectSameSearches(*Reference(), *Store::Open(path_, {.read_only = true}), kQueries);
  Store::Open(path_, {}).reset();
  EXPECT_EQ(IndexScalar(path_, "PRAGMA user_version"), 2);
  EXPECT_EQ(IndexScalar(path_, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'articles_fts_content'"), 0);
  EXPECT_EQ(IndexScalar(path_, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'articles_fts' "
                               "AND sql LIKE '%content=''''%'"),
            1);
  EXPECT_EQ(IndexScalar(path_, "SELECT COUNT(*) FROM articles_fts_docsize"), 3);
  EXPECT_EQ(IndexScalar(path_, "SELECT value FROM search_state WHERE key = 'indexed'"), 3);
  ExpectSameSearches(*Reference(), *Store::Open(path_, {.read_only = true}), kQueries);
}

// An index of a format this binary does not know (a later presswatch's) is
// refused, with a message, and left as it is.
TEST_F(SearchIndexTest, AnIndexOfANewerFormatIsRefusedAndLeftAlone) {
  {
    auto store = Store::Open(path_, {});
    WriteBatch(*store, 1);
  }
  Database::Open(SearchIndex::PathFor(path_), /*read_only=*/false)->Exec("PRAGMA user_version = 3");
  try {
    Store::Open(path_, {});
    FAIL() << "opened a search index of format 3";
  } catch (const StartupError& e) {
    EXPECT_NE(std::string(e.what()).find("newer than this presswatch understands"), std::string::npos) << e.what();
  }
  EXPECT_EQ(IndexScalar(path_, "PRAGMA user_version"), 3);
  EXPECT_EQ(IndexScalar(path_, "SELECT value FROM search_state WHERE key = 'indexed'"), 1);
}

// The index's thread cannot write (another connection holds DB-search's
// write lock until SQLite's busy timeout): the batch is stored all the same,
// the failure comes back as an error value, and the next batch indexes both.
TEST_F(SearchIndexTest, AFailureOfTheIndexThreadIsAnErrorAndLosesNoArticle) {
  auto store = Store::Open(path_, {});
  WriteBatch(*store, 1);
  ASSERT_OK(store->WaitForSearchIndex());
  sqlite3* blocker = nullptr;
  ASSERT_EQ(sqlite3_open(SearchIndex::PathFor(path_).c_str(), &blocker), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(blocker, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  WriteBatch(*store, 2);  // stored: the database's commit does not wait for the index
  auto waited = store->WaitForSearchIndex();
  ASSERT_FALSE(waited);
  EXPECT_EQ(waited.error().kind, ErrorKind::kBusy) << waited.error().message;
  auto hits = store->Search({.query = "sovico"});
  EXPECT_FALSE(hits) << "a search that cannot see the writer's own articles says so";
  ASSERT_EQ(sqlite3_exec(blocker, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(blocker);
  // The next batch hands the thread everything up to it: the failed one too.
  auto feed = store->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
  ASSERT_OK(feed);
  ASSERT_OK(store->SaveArticles(*feed, {SovicoArticle("a:4", "https://a.vn/4", "2024-11-23T02:00:00Z")}));
  ASSERT_OK(store->WaitForSearchIndex());
  hits = store->Search({.query = "sovico"});
  ASSERT_OK(hits);
  EXPECT_EQ(hits->size(), 4u);
}

}  // namespace
}  // namespace pw::store
