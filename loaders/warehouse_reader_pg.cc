// PostgreSQL side of loaders/warehouse_reader.h.
#include <pqxx/pqxx>

#include <exception>

#include "loaders/pg_conninfo.h"
#include "loaders/warehouse_reader.h"

namespace gongkai {
namespace {

// Type oids of PostgreSQL's numeric types (pg_type.dat).
bool IsIntegerOid(pqxx::oid t) { return t == 20 || t == 21 || t == 23; }
bool IsRealOid(pqxx::oid t) { return t == 700 || t == 701 || t == 1700; }

// One row's values, typed by the column's type oid.
std::vector<DbValue> Values(const pqxx::result& r, const pqxx::row& row) {
  std::vector<DbValue> values(row.size());
  for (pqxx::row_size_type i = 0; i < row.size(); ++i) {
    DbValue& v = values[i];
    if (row[i].is_null()) continue;
    v.text = row[i].c_str();
    pqxx::oid t = r.column_type(i);
    if (IsIntegerOid(t)) {
      v.kind = DbValue::Kind::kInt;
      v.i = row[i].as<long long>();
    } else if (IsRealOid(t)) {
      v.kind = DbValue::Kind::kReal;
      v.r = row[i].as<double>();
    } else {
      v.kind = DbValue::Kind::kText;
    }
  }
  return values;
}

class PostgresReader : public WarehouseReader {
 public:
  explicit PostgresReader(const std::string& conninfo)
      : secrets_(FindSecrets(conninfo)), describe_(DescribePostgresTarget(conninfo)) {
    Guard("connecting", [&] {
      conn_ = std::make_unique<pqxx::connection>(conninfo);
      conn_->set_client_encoding("UTF8");
      pqxx::nontransaction tx(*conn_);
      tx.exec("SET client_min_messages TO warning");
      tx.exec("SET application_name TO 'gongkai'");
    });
  }

  QueryResult Query(const std::string& sql, const std::vector<DbParam>& params) override {
    QueryResult out;
    Guard("query", [&] {
      pqxx::read_transaction tx(*conn_);
      pqxx::result r = tx.exec_params(NumberedPlaceholders(sql),
                                      pqxx::prepare::make_dynamic_params(params));
      for (pqxx::row_size_type i = 0; i < r.columns(); ++i) out.columns.push_back(r.column_name(i));
      for (const auto& row : r) out.rows.push_back(Values(r, row));
    });
    return out;
  }

  // A cursor in a read-only transaction, fetched kFetch rows at a time. An exception of a
  // callback (the caller's, e.g. a file it cannot write) reaches the caller unchanged.
  void Stream(const std::string& sql, const std::vector<DbParam>& params, const ColumnsFn& columns,
              const RowFn& each) override {
    static constexpr int kFetch = 5000;
    std::exception_ptr caller;
    auto call = [&](auto&& f) {
      try {
        f();
      } catch (...) {
        caller = std::current_exception();
      }
    };
    Guard("query", [&] {
      pqxx::read_transaction tx(*conn_);
      tx.exec_params("DECLARE gongkai_stream NO SCROLL CURSOR FOR " + NumberedPlaceholders(sql),
                     pqxx::prepare::make_dynamic_params(params));
      bool first = true;
      while (!caller) {
        pqxx::result r = tx.exec("FETCH FORWARD " + std::to_string(kFetch) + " FROM gongkai_stream");
        if (first) {
          std::vector<std::string> names;
          for (pqxx::row_size_type i = 0; i < r.columns(); ++i) names.push_back(r.column_name(i));
          call([&] { columns(names); });
          first = false;
        }
        for (const auto& row : r) {
          if (caller) break;
          call([&] { each(Values(r, row)); });
        }
        if (r.size() < static_cast<pqxx::result::size_type>(kFetch)) break;
      }
    });
    if (caller) std::rethrow_exception(caller);
  }

  long long Execute(const std::string& sql, const std::vector<DbParam>& params) override {
    long long changed = 0;
    Guard("write", [&] {
      pqxx::work tx(*conn_);
      changed = tx.exec_params(NumberedPlaceholders(sql),
                               pqxx::prepare::make_dynamic_params(params))
                    .affected_rows();
      tx.commit();
    });
    return changed;
  }

  void ExecuteAll(const std::vector<DbStatement>& statements) override {
    Guard("write", [&] {
      pqxx::work tx(*conn_);
      for (const auto& s : statements)
        tx.exec_params(NumberedPlaceholders(s.sql), pqxx::prepare::make_dynamic_params(s.params));
      tx.commit();
    });
  }

  std::vector<std::string> ExistingViews() override {
    std::vector<std::string> out;
    for (const auto& row : Query("SELECT table_name::text FROM information_schema.views "
                                 "WHERE table_schema = ANY (current_schemas(false)) "
                                 "ORDER BY 1",
                                 {})
                               .rows)
      out.push_back(row[0].text);
    return out;
  }
  std::string Dialect() const override { return "postgres"; }
  std::string Describe() const override { return describe_; }

 private:
  template <typename F>
  void Guard(const char* what, F&& f) {
    try {
      f();
    } catch (const LoadError&) {
      throw;
    } catch (const std::exception& e) {
      throw LoadError(Clean(describe_ + ": " + what + ": " + e.what(), secrets_));
    }
  }

  std::vector<std::string> secrets_;
  std::string describe_;
  std::unique_ptr<pqxx::connection> conn_;
};

}  // namespace

std::unique_ptr<WarehouseReader> OpenPostgresReader(const std::string& conninfo) {
  return std::make_unique<PostgresReader>(conninfo);
}

}  // namespace gongkai
