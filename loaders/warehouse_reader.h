// Reading the warehouse for the people's commands (explain --unit, export, review, correct,
// the quality page): one small query interface over SQLite and PostgreSQL.
//
// Contract:
//   - SQL is the project's own text (never a user's); every value is bound as a parameter.
//     Parameters are written `?` in the SQL for both dialects (PostgreSQL gets $1, $2, ...).
//   - Values come back typed (NULL, integer, real, text) so numbers stay numbers.
//   - Execute() runs one writing statement in a transaction of its own (review, correct).
//   - Every database fault throws LoadError; messages never carry a password.
#ifndef GONGKAI_LOADERS_WAREHOUSE_READER_H_
#define GONGKAI_LOADERS_WAREHOUSE_READER_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/options.h"
#include "loaders/loader.h"

namespace gongkai {

struct DbValue {
  enum class Kind { kNull, kInt, kReal, kText };
  Kind kind = Kind::kNull;
  long long i = 0;
  double r = 0;
  std::string text;  // the value as text (empty for NULL)
  bool IsNull() const { return kind == Kind::kNull; }
  bool IsNumber() const { return kind == Kind::kInt || kind == Kind::kReal; }
  double Number() const { return kind == Kind::kInt ? static_cast<double>(i) : r; }
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<DbValue>> rows;
};

// A bound parameter: text, or NULL when empty optional.
using DbParam = std::optional<std::string>;

struct DbStatement {
  std::string sql;
  std::vector<DbParam> params;
};

class WarehouseReader {
 public:
  virtual ~WarehouseReader() = default;
  virtual QueryResult Query(const std::string& sql, const std::vector<DbParam>& params = {}) = 0;
  // The same rows handed to `row` one at a time, never all in memory (SQLite: step by step;
  // PostgreSQL: a cursor fetched in batches); `columns` is called once, before the first row.
  using ColumnsFn = std::function<void(const std::vector<std::string>&)>;
  using RowFn = std::function<void(const std::vector<DbValue>&)>;
  virtual void Stream(const std::string& sql, const std::vector<DbParam>& params,
                      const ColumnsFn& columns, const RowFn& row) = 0;
  // Runs one statement in its own transaction; returns the number of rows it changed.
  virtual long long Execute(const std::string& sql, const std::vector<DbParam>& params = {}) = 0;
  // Runs the statements in order in one transaction (all or nothing).
  virtual void ExecuteAll(const std::vector<DbStatement>& statements) = 0;
  // Views that exist in the warehouse, sorted.
  virtual std::vector<std::string> ExistingViews() = 0;
  virtual std::string Dialect() const = 0;  // "sqlite" | "postgres"
  virtual std::string Describe() const = 0;
};

// Opens the warehouse named by options.warehouse (see OpenLoader); the schema must exist
// (gongkai init or run creates it). Throws LoadError.
std::unique_ptr<WarehouseReader> OpenWarehouseReader(const LoadOptions& options);

// PostgreSQL twin (warehouse_reader_pg.cc).
std::unique_ptr<WarehouseReader> OpenPostgresReader(const std::string& conninfo);

// "a = ? AND b = ?" -> "a = $1 AND b = $2" (outside quoted literals).
std::string NumberedPlaceholders(const std::string& sql);

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_WAREHOUSE_READER_H_
