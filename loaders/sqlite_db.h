// Thin RAII wrappers over the SQLite C API for the SQLite loader: a connection, a prepared
// statement with positional binding, and a transaction that rolls back unless committed.
// Every failure throws LoadError with SQLite's message.
#ifndef GONGKAI_LOADERS_SQLITE_DB_H_
#define GONGKAI_LOADERS_SQLITE_DB_H_

#include <sqlite3.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "loaders/loader.h"

namespace gongkai {

class Db {
 public:
  explicit Db(const std::string& path) {
    std::error_code ec;
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    // No memory statistics (which nothing reads): with them every SQLite malloc and free takes
    // a global mutex, 9 % of the report writer's instructions. Process-wide, before SQLite
    // initialises; a no-op (SQLITE_MISUSE, ignored) when something initialised it already.
    static const bool configured = [] {
      sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
      return true;
    }();
    (void)configured;
    // One loader, one thread: no SQLite mutexes needed (SQLITE_OPEN_NOMUTEX).
    if (sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) !=
        SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw LoadError("cannot open SQLite warehouse " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);
  }
  ~Db() { sqlite3_close_v2(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      throw LoadError("SQLite: " + msg);
    }
  }
  void Fail(const char* what) { throw LoadError(std::string("SQLite ") + what + ": " + sqlite3_errmsg(db_)); }
  sqlite3* get() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// A prepared statement; Bind* take 1-based positions; Step() returns true while rows come.
class Stmt {
 public:
  Stmt(Db& db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db.get(), sql, -1, &st_, nullptr) != SQLITE_OK) db.Fail("prepare");
  }
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Text(int i, const std::string& v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& OptText(int i, const std::string& v) { return v.empty() ? Null(i) : Text(i, v); }
  // Bound without a copy (SQLITE_STATIC): `v` must stay alive and unchanged until Run() or
  // Reset(), which clears the binding. For the per-row loops of the report writer, whose
  // strings belong to the record being written; a copy costs a malloc, a memcpy and a free.
  Stmt& TextRef(int i, const std::string& v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Stmt& OptTextRef(int i, const std::string& v) { return v.empty() ? Null(i) : TextRef(i, v); }
  Stmt& StaticText(int i, const char* literal) {  // a string with static storage ("pass")
    sqlite3_bind_text(st_, i, literal, -1, SQLITE_STATIC);
    return *this;
  }
  Stmt& Int(int i, long long v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  Stmt& Real(int i, const std::optional<double>& v) {
    if (v) sqlite3_bind_double(st_, i, *v);
    else sqlite3_bind_null(st_, i);
    return *this;
  }
  Stmt& Null(int i) {
    sqlite3_bind_null(st_, i);
    return *this;
  }
  bool Step() {
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) db_.Fail("step");
    return false;
  }
  void Run() {
    Step();
    Reset();
  }
  void Reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  long long ColumnInt(int i) { return sqlite3_column_int64(st_, i); }
  std::string ColumnText(int i) {
    const unsigned char* t = sqlite3_column_text(st_, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  // The column's text without a copy (NULL: empty), valid until the next Step/Reset; its bytes
  // up to the first NUL, as ColumnText gives them.
  std::string_view ColumnView(int i) {
    const unsigned char* t = sqlite3_column_text(st_, i);
    if (!t) return {};
    const std::string_view all(reinterpret_cast<const char*>(t),
                               static_cast<std::size_t>(sqlite3_column_bytes(st_, i)));
    return all.substr(0, all.find('\0'));
  }

 private:
  Db& db_;
  sqlite3_stmt* st_ = nullptr;
};

class Transaction {
 public:
  explicit Transaction(Db& db) : db_(db) { db_.Exec("BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void Commit() {
    db_.Exec("COMMIT");
    done_ = true;
  }

 private:
  Db& db_;
  bool done_ = false;
};

// PRAGMA cache_size=-kib (KiB) for a scope; the size before comes back at its end, whatever
// happens (a failure to restore it is ignored: a cache of another size is slower, not wrong).
class ScopedCacheSize {
 public:
  ScopedCacheSize(Db& db, int kib) : db_(db) {
    Stmt now(db_, "PRAGMA cache_size");
    if (now.Step()) before_ = now.ColumnInt(0);
    db_.Exec("PRAGMA cache_size=" + std::to_string(-kib));
  }
  ~ScopedCacheSize() {
    const std::string sql = "PRAGMA cache_size=" + std::to_string(before_);
    sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, nullptr);
  }
  ScopedCacheSize(const ScopedCacheSize&) = delete;
  ScopedCacheSize& operator=(const ScopedCacheSize&) = delete;

 private:
  Db& db_;
  long long before_ = -2000;  // SQLite's default
};

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_SQLITE_DB_H_
