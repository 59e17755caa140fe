// The WAL checkpointer: commits on the writer's connection are checkpointed from a second
// connection on a thread of its own, the WAL stays under the bound plus one transaction, and
// every committed row is in the file afterwards.
#include "loaders/sqlite_checkpointer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

constexpr int kPage = 4096;
constexpr int kBound = 100;  // pages

long long WalBytes(const std::string& db) {
  std::error_code ec;
  auto n = std::filesystem::file_size(db + "-wal", ec);
  return ec ? 0 : static_cast<long long>(n);
}

// 300 transactions of 8 rows of 1,500 bytes (about 4 pages each): without a checkpoint (the
// writer's own wal_autocheckpoint is off) the WAL would grow past 1,200 pages.
TEST(SqliteCheckpointer, KeepsTheWalUnderTheBoundAndEveryRow) {
  testing::TempDir dir;
  const std::string path = dir / "w.db";
  long long max_wal = 0, checkpoints = 0;
  {
    Db db(path);
    db.Exec("PRAGMA page_size=4096; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA wal_autocheckpoint=0; CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
    {
      SqliteCheckpointer checkpointer(db, path, kBound);
      Stmt ins(db, "INSERT INTO t (k, v) VALUES (?, ?)");
      long long k = 0;
      for (int tx = 0; tx < 300; ++tx) {
        Transaction t(db);
        for (int i = 0; i < 8; ++i) {
          ++k;
          ins.Int(1, k).Text(2, std::string(1500, static_cast<char>('a' + k % 26))).Run();
        }
        t.Commit();
        max_wal = std::max(max_wal, WalBytes(path));
      }
      checkpoints = checkpointer.completed();
    }
    // The writer's connection commits on without the hook.
    Stmt(db, "INSERT INTO t (k, v) VALUES (0, 'after')").Run();
  }
  EXPECT_GT(checkpoints, 0);
  // The bound, one transaction (~4 pages, ~6 with the table's interior pages) and the header.
  EXPECT_LE(max_wal, 32 + (kBound + 8) * (kPage + 24)) << max_wal;
  EXPECT_GT(max_wal, 0);
  Db check(path);
  Stmt s(check, "SELECT count(*), sum(length(v)), sum(k) FROM t");
  ASSERT_TRUE(s.Step());
  EXPECT_EQ(s.ColumnInt(0), 2401);
  EXPECT_EQ(s.ColumnInt(1), 2400LL * 1500 + 5);
  EXPECT_EQ(s.ColumnInt(2), 2400LL * 2401 / 2);
  Stmt ok(check, "PRAGMA integrity_check");
  ASSERT_TRUE(ok.Step());
  EXPECT_EQ(ok.ColumnText(0), "ok");
}

}  // namespace
}  // namespace gongkai
