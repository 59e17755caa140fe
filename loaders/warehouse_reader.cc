#include "loaders/warehouse_reader.h"

#include <sqlite3.h>

#include <filesystem>

#include "loaders/postgres_module.h"

namespace gongkai {
namespace {

class SqliteReader : public WarehouseReader {
 public:
  explicit SqliteReader(const std::string& path) : path_(path) {
    if (!std::filesystem::exists(path))
      throw LoadError("no SQLite warehouse at " + path + " (gongkai init or run creates it)");
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw LoadError("cannot open SQLite warehouse " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);
  }
  ~SqliteReader() override { sqlite3_close_v2(db_); }

  QueryResult Query(const std::string& sql, const std::vector<DbParam>& params) override {
    QueryResult out;
    Stream(
        sql, params, [&](const std::vector<std::string>& c) { out.columns = c; },
        [&](const std::vector<DbValue>& r) { out.rows.push_back(r); });
    return out;
  }

  void Stream(const std::string& sql, const std::vector<DbParam>& params, const ColumnsFn& columns,
              const RowFn& each) override {
    Statement st(db_, sql, params);
    int n = sqlite3_column_count(st.get());
    std::vector<std::string> names;
    for (int i = 0; i < n; ++i) names.push_back(sqlite3_column_name(st.get(), i));
    columns(names);
    std::vector<DbValue> row(n);
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
      for (int i = 0; i < n; ++i) {
        DbValue& v = row[i];
        v = DbValue{};
        switch (sqlite3_column_type(st.get(), i)) {
          case SQLITE_NULL: break;
          case SQLITE_INTEGER:
            v.kind = DbValue::Kind::kInt;
            v.i = sqlite3_column_int64(st.get(), i);
            break;
          case SQLITE_FLOAT:
            v.kind = DbValue::Kind::kReal;
            v.r = sqlite3_column_double(st.get(), i);
            break;
          default:
            v.kind = DbValue::Kind::kText;
            break;
        }
        if (!v.IsNull()) {
          const unsigned char* t = sqlite3_column_text(st.get(), i);
          v.text.assign(reinterpret_cast<const char*>(t), sqlite3_column_bytes(st.get(), i));
        }
      }
      each(row);
    }
    if (rc != SQLITE_DONE) Fail("query");
  }

  long long Execute(const std::string& sql, const std::vector<DbParam>& params) override {
    Exec("BEGIN IMMEDIATE");
    try {
      Statement st(db_, sql, params);
      if (sqlite3_step(st.get()) != SQLITE_DONE) Fail("write");
      long long changed = sqlite3_changes(db_);
      Exec("COMMIT");
      return changed;
    } catch (...) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  void ExecuteAll(const std::vector<DbStatement>& statements) override {
    Exec("BEGIN IMMEDIATE");
    try {
      for (const auto& s : statements) {
        Statement st(db_, s.sql, s.params);
        if (sqlite3_step(st.get()) != SQLITE_DONE) Fail("write");
      }
      Exec("COMMIT");
    } catch (...) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  std::vector<std::string> ExistingViews() override {
    std::vector<std::string> out;
    for (const auto& row :
         Query("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name", {}).rows)
      out.push_back(row[0].text);
    return out;
  }
  std::string Dialect() const override { return "sqlite"; }
  std::string Describe() const override { return "SQLite " + path_; }

 private:
  class Statement {
   public:
    Statement(sqlite3* db, const std::string& sql, const std::vector<DbParam>& params) {
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr) != SQLITE_OK)
        throw LoadError(std::string("SQLite prepare: ") + sqlite3_errmsg(db));
      for (std::size_t i = 0; i < params.size(); ++i) {
        int at = static_cast<int>(i) + 1;
        if (params[i])
          sqlite3_bind_text(st_, at, params[i]->data(), static_cast<int>(params[i]->size()),
                            SQLITE_TRANSIENT);
        else
          sqlite3_bind_null(st_, at);
      }
    }
    ~Statement() { sqlite3_finalize(st_); }
    sqlite3_stmt* get() { return st_; }

   private:
    sqlite3_stmt* st_ = nullptr;
  };

  void Exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) Fail(sql);
  }
  [[noreturn]] void Fail(const char* what) {
    throw LoadError(std::string("SQLite ") + what + ": " + sqlite3_errmsg(db_));
  }

  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace

std::string NumberedPlaceholders(const std::string& sql) {
  std::string out;
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

std::unique_ptr<WarehouseReader> OpenWarehouseReader(const LoadOptions& options) {
  if (IsPostgresTarget(options.warehouse))  // through the module, loaders/postgres_module.h
    return LoadPostgresModule().open_reader(options.warehouse);
  return std::make_unique<SqliteReader>(options.warehouse);
}

}  // namespace gongkai
