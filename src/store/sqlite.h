// store/sqlite.h: SQLite behind RAII, prepared statements only. Internal to pw_store.
//
//   Database db = Database::Open(path, /*read_only=*/false);     // throws StartupError
//   Statement& s = db.Prepare("SELECT id FROM feeds WHERE url = ?1");  // cached per connection
//   s.Bind(1, url);
//   while (s.Step()) id = s.Int64(0);
//   s.Reset();  // done by Prepare() on reuse too
//
// A statement left on a row holds a read transaction: Store calls end with
// ResetStatements() (Guarded does it), and a Transaction resets them before
// it commits (an outermost one: a savepoint leaves the statements of the
// transaction around it alone).
// Every call checks its return code. Step() and Exec() throw SqliteError,
// which carries the SQLite code; Store turns it into an Error value
// (kBusy, kFull, kStorage) at its boundary. A Transaction rolls back unless
// Commit() was called.
// Not thread-safe: one Database per thread (SQLite's own rule for a
// connection used without a mutex).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace pw::store {

class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }  // primary result code: SQLITE_BUSY, SQLITE_FULL, ...

 private:
  int code_;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const std::string& value) { return Bind(index, std::string_view(value)); }
  // Without a copy, for large texts. REQUIRES: `value` outlives the Step()
  // that uses it (the next Prepare() of this SQL clears the binding).
  Statement& BindView(int index, std::string_view value);
  Statement& BindBlob(int index, const void* data, std::size_t size);
  Statement& BindNull(int index);
  // Binds "" as NULL: for optional text columns.
  Statement& BindOrNull(int index, const std::string& value) {
    return value.empty() ? BindNull(index) : Bind(index, value);
  }
  template <class T>
  Statement& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }

  // true while there is a row; false when done.
  bool Step();
  void Reset();

  bool IsNull(int column) const;
  std::int64_t Int64(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;
  std::optional<std::string> OptionalText(int column) const;
  std::optional<double> OptionalDouble(int column) const;
  // The column's bytes (a BLOB or TEXT), empty for NULL.
  std::string_view Blob(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // Opens (creating unless read-only), sets WAL, foreign keys and a busy
  // timeout, and registers the FTS5 tokenizer. Throws StartupError, also
  // when a file opened for writing may only be read. Read-only, a database
  // whose -shm file cannot be made (a read-only file in a directory we may
  // not write) and that no writer has open is read as an immutable file.
  // `page_size` (a power of two, 512 to 65536) applies only to a file this
  // call creates: an existing file keeps the page size it was made with.
  static std::unique_ptr<Database> Open(const std::string& path, bool read_only,
                                        int page_size = kNewFilePageSize);
  // The page size of new databases: 8 KiB, where SQLite's default is 4 KiB.
  // Half the pages per b-tree and per FTS5 segment to find, split and write
  // back at each commit (bench/RESULTS.md, "Branch store6").
  static constexpr int kNewFilePageSize = 8192;
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void Exec(std::string_view sql);
  // A cached statement for this SQL text, reset and with its bindings cleared.
  Statement& Prepare(std::string_view sql);
  // Resets every statement still active: one stepped to a row and left
  // there holds a read transaction open, which keeps the WAL from being
  // checkpointed (it grew without bound before this was done at the end of
  // each Store call and before each COMMIT).
  void ResetStatements();
  // Attaches the database file at `path` as `schema`. REQUIRES: a read-only
  // connection (it attaches read-only: a write transaction would lock every
  // file attached for writing). Immutable, as Open reads one, when its -shm
  // file cannot be made and no -wal is there.
  void AttachReadOnly(const std::string& path, const std::string& schema);
  std::int64_t LastInsertId() const;
  int Changes() const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> statements_;
};

// Inside another transaction, a Transaction is a savepoint: its rollback
// undoes only its own work, and its commit becomes final with the outer one.
class Transaction {
 public:
  enum class Mode {
    kWrite,  // BEGIN IMMEDIATE: the writer takes the lock up front
    kRead,   // BEGIN: a consistent snapshot for several queries (an export)
  };
  explicit Transaction(Database& db, Mode mode = Mode::kWrite);
  ~Transaction();  // ROLLBACK (TO the savepoint) unless committed
  void Commit();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Database& db_;
  bool nested_;
  bool done_ = false;
};

}  // namespace pw::store
