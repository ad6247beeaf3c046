#include "store/sqlite.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <filesystem>

#include "common/error.h"
#include "store/fts_snippet.h"
#include "store/ranking.h"
#include "store/tokenizer.h"

namespace pw::store {

namespace {

[[noreturn]] void Throw(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw SqliteError(rc & 0xff, message);
}

// A file: URI for `path` (RFC 8089 with SQLite's rules: '?', '#' and '%'
// percent-encoded), with `query`.
std::string FileUri(const std::string& path, const std::string& query) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (const char c : path) {
    if (c == '?' || c == '#' || c == '%') {
      uri += '%';
      uri += kHex[static_cast<unsigned char>(c) >> 4];
      uri += kHex[static_cast<unsigned char>(c) & 15];
    } else {
      uri += c;
    }
  }
  return uri + "?" + query;
}

// True when a connection can read the schema; SQLITE_READONLY when a WAL
// database has no -shm file and none can be made (a read-only file in a
// directory we may not write).
int ProbeRead(sqlite3* db) {
  return sqlite3_exec(db, "SELECT COUNT(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
}

// Why a WAL file that a read-only connection cannot read as it is may not be
// read as an immutable file either (ConnectReadOnly).
constexpr std::string_view kWalWithoutShm = "its -wal file is there but its -shm file cannot be made";

// Reads the WAL database file `path` read-only, for Database::Open and
// Database::AttachReadOnly alike. `connect(query)` opens or attaches it,
// with query "" for the path as it is and "immutable=1" for the file: URI,
// and returns the result code of a first read. A WAL database with nowhere to
// make its -shm file (a read-only file in a directory we may not write) fails
// that read, or the attach, with SQLITE_READONLY. With no -wal file left, no
// writer has it open (a writer keeps both files), so it is read as the
// immutable file it is for now: a read-only file a user was given must still
// answer queries. With one, the newest commits are in it, and only a
// connection with the -shm file may read them: `refuse(kWalWithoutShm)`,
// which throws.
template <typename Connect, typename Refuse>
void ConnectReadOnly(const std::string& path, Connect&& connect, Refuse&& refuse) {
  if ((connect(std::string()) & 0xff) != SQLITE_READONLY) return;
  std::error_code ec;
  if (std::filesystem::exists(path + "-wal", ec)) refuse(kWalWithoutShm);
  connect(std::string("immutable=1"));
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                    &stmt_, nullptr);
  if (rc != SQLITE_OK) Throw(db, rc, "preparing SQL");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, std::int64_t value) {
  if (int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) Throw(db_, rc, "binding");
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  if (int rc = sqlite3_bind_double(stmt_, index, value); rc != SQLITE_OK) Throw(db_, rc, "binding");
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  if (int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      rc != SQLITE_OK)
    Throw(db_, rc, "binding");
  return *this;
}

Statement& Statement::BindView(int index, std::string_view value) {
  if (int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8);
      rc != SQLITE_OK)
    Throw(db_, rc, "binding");
  return *this;
}

Statement& Statement::BindBlob(int index, const void* data, std::size_t size) {
  if (int rc = sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT); rc != SQLITE_OK)
    Throw(db_, rc, "binding");
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) Throw(db_, rc, "binding");
  return *this;
}

bool Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  Throw(db_, rc, "running SQL");
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Statement::Int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::Text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

std::optional<double> Statement::OptionalDouble(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Double(column);
}

std::string_view Statement::Blob(int column) const {
  const void* p = sqlite3_column_blob(stmt_, column);
  if (p == nullptr) return {};
  return {static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::unique_ptr<Database> Database::Open(const std::string& path, bool read_only, int page_size) {
  // SQLite's memory statistics (sqlite3_memory_used, which nothing here
  // reads) take a process-wide mutex on every allocation and free it makes:
  // 4% of the writer's time in the ingest profile (bench/RESULTS.md). Off
  // before the process first uses SQLite; once SQLite is initialized
  // sqlite3_config refuses (SQLITE_MISUSE) and changes nothing, which is
  // harmless: the statistics are then merely kept.
  static const int memstatus_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)memstatus_off;
  // SQLite's word for a directory is "disk I/O error".
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw StartupError("cannot open database " + path + ": it is a directory (give the database file's path)");
  sqlite3* db = nullptr;
  const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    throw StartupError("cannot open database " + path + ": " + message);
  }
  // SQLite opens a file it may not write read-only, without a word; the
  // first write would then fail deep in a poll.
  if (!read_only && sqlite3_db_readonly(db, "main") == 1) {
    sqlite3_close(db);
    throw StartupError("cannot open database " + path +
                       " for writing: the file is read-only (check its permissions and its directory's)");
  }
  if (read_only) {
    const auto connect = [&](const std::string& query) {
      if (query.empty()) return ProbeRead(db);  // the connection opened above
      sqlite3_close(db);
      db = nullptr;
      rc = sqlite3_open_v2(FileUri(path, query).c_str(), &db, flags | SQLITE_OPEN_URI, nullptr);
      if (rc != SQLITE_OK || ProbeRead(db) != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        throw StartupError("cannot read database " + path + ": " + message);
      }
      return SQLITE_OK;
    };
    const auto refuse = [&](std::string_view why) {
      sqlite3_close(db);
      throw StartupError("cannot read database " + path + ": " + std::string(why) +
                         " (check the permissions of its directory)");
    };
    ConnectReadOnly(path, connect, refuse);
  }
  std::unique_ptr<Database> out(new Database(db, path));
  sqlite3_extended_result_codes(db, 0);
  sqlite3_busy_timeout(db, 5000);
  try {
    if (!read_only) {
      // Before journal_mode: a new file takes its page size from its first
      // write; on an existing file (or after WAL is on) SQLite ignores it.
      out->Exec("PRAGMA page_size = " + std::to_string(page_size));
      out->Exec("PRAGMA journal_mode = WAL");
      out->Exec("PRAGMA synchronous = NORMAL");
      // Checkpoint every ~40 MB of WAL rather than 4 MB: the hot pages of the
      // indexes a batch touches are copied back once per checkpoint, not once
      // per batch (bench/RESULTS.md): 10,000 pages of 4 KiB, in pages of the
      // file's own size.
      Statement size(db, "PRAGMA page_size");
      const std::int64_t bytes = size.Step() ? std::max<std::int64_t>(size.Int64(0), 512) : 4096;
      out->Exec("PRAGMA wal_autocheckpoint = " + std::to_string(10000 * 4096 / bytes));
    }
    out->Exec("PRAGMA foreign_keys = ON");
    // The file is read through the page cache of the OS: mapped, pages cost
    // no read() and no copy (bench/RESULTS.md). Address space, not memory.
    // SQLite caps the request at its build's SQLITE_MAX_MMAP_SIZE: 2 GB
    // (0x7fff0000) in Debian 12, so past about 330,000 articles the rest of
    // the file is read with pread() into the page cache below.
    out->Exec("PRAGMA mmap_size = 4294967296");
    // SQLite's own cache holds the hot b-tree pages (indexes, FTS segments):
    // 64 MB for the writer, 16 MB for each reader.
    out->Exec(read_only ? "PRAGMA cache_size = -16384" : "PRAGMA cache_size = -65536");
    out->Exec("PRAGMA temp_store = MEMORY");
    // Debian builds SQLite with SECURE_DELETE on: every page freed (the
    // search index's merged segments, the entity index's recent rows) was
    // zeroed and so written twice more, to the WAL and by the checkpoint.
    // News text deleted here is no secret; off, a million-article ingest
    // writes 8.6% fewer bytes (bench/RESULTS.md, stop 31).
    out->Exec("PRAGMA secure_delete = OFF");
  } catch (const SqliteError& e) {
    // "disk I/O error" alone does not say that the disk is full.
    std::string message = e.what();
    if (const int error = sqlite3_system_errno(db); error != 0) message += std::string(" (") + std::strerror(error) + ")";
    throw StartupError("cannot set up database " + path + ": " + message);
  }
  if (!RegisterTokenizer(db) || !RegisterRanking(db) || !RegisterSnippet(db))
    throw StartupError("cannot register the search tokenizer, ranking and snippets on " + path);
  return out;
}

Database::~Database() {
  statements_.clear();
  sqlite3_close(db_);
}

void Database::Exec(std::string_view sql) {
  char* error = nullptr;
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw SqliteError(rc & 0xff, message);
  }
}

// A string_view, found with the map's transparent comparator: a literal costs
// no std::string (an allocation per statement run, on the write path).
Statement& Database::Prepare(std::string_view sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end())
    it = statements_.emplace(std::string(sql), std::make_unique<Statement>(db_, sql)).first;
  it->second->Reset();
  return *it->second;
}

void Database::ResetStatements() {
  for (sqlite3_stmt* s = sqlite3_next_stmt(db_, nullptr); s != nullptr; s = sqlite3_next_stmt(db_, s))
    if (sqlite3_stmt_busy(s)) sqlite3_reset(s);
}

void Database::AttachReadOnly(const std::string& path, const std::string& schema) {
  const auto connect = [&](const std::string& query) {
    Statement s(db_, "ATTACH ?1 AS " + schema);
    // A connection opened read-only attaches read-only; URIs are understood
    // only by one opened from a URI (the immutable case of Open).
    if (query.empty()) s.Bind(1, path);
    else s.Bind(1, FileUri(path, query));
    try {
      s.Step();
    } catch (const SqliteError& e) {
      // A WAL file whose -shm file cannot be made fails at the ATTACH itself.
      if (!query.empty() || e.code() != SQLITE_READONLY) throw;
      return SQLITE_READONLY;
    }
    if (!query.empty()) return SQLITE_OK;
    const std::string probe = "SELECT COUNT(*) FROM " + schema + ".sqlite_schema";
    const int rc = sqlite3_exec(db_, probe.c_str(), nullptr, nullptr, nullptr);
    if ((rc & 0xff) == SQLITE_READONLY) Exec("DETACH " + schema);
    return rc;
  };
  const auto refuse = [&](std::string_view why) {
    throw SqliteError(SQLITE_READONLY, path + ": " + std::string(why));
  };
  ConnectReadOnly(path, connect, refuse);
}

std::int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int Database::Changes() const { return sqlite3_changes(db_); }

Transaction::Transaction(Database& db, Mode mode)
    : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
  if (nested_) db_.Exec("SAVEPOINT pw_nested");
  else db_.Exec(mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
  if (done_) return;
  // A savepoint's rollback leaves the statements of the transaction around it
  // alone; the outermost one ends every read.
  if (!nested_) db_.ResetStatements();
  try {
    db_.Exec(nested_ ? "ROLLBACK TO pw_nested; RELEASE pw_nested" : "ROLLBACK");
  } catch (const SqliteError&) {
    // The transaction may already be gone (SQLite rolls back on some errors).
  }
}

void Transaction::Commit() {
  if (nested_) {
    db_.Exec("RELEASE pw_nested");
  } else {
    db_.ResetStatements();
    db_.Exec("COMMIT");
  }
  done_ = true;
}

}  // namespace pw::store
