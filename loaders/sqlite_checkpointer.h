// Checkpoints an SQLite warehouse's WAL on a thread of its own while the loader writes, so that
// copying the committed pages into the database file (and its fsyncs) runs beside the writer
// instead of inside its commits. Installed on the writer's connection in place of
// wal_autocheckpoint (sqlite3_wal_hook): after every commit on that connection, a PASSIVE
// checkpoint of everything committed so far is requested from a second connection to the same
// file. PASSIVE never blocks the writer or any reader; pages a reader still needs stay in the
// WAL for the next checkpoint, as with wal_autocheckpoint.
//
// The WAL stays bounded: SQLite rewinds it only when a write transaction begins with every frame
// copied, so when a commit leaves `bound_pages` or more frames in it, the commit waits for the
// checkpoint it requested; the next transaction then starts the WAL over. The WAL thus holds at
// most `bound_pages` plus one transaction's pages (a reader holding an old snapshot open can
// keep it from being rewound, as before).
//
// The file's contents are SQLite's alone: which connection copies a page does not change it.
// Errors of a checkpoint are ignored like wal_autocheckpoint's (the next one retries); closing
// the last connection checkpoints the rest and removes the WAL, as before.
#ifndef GONGKAI_LOADERS_SQLITE_CHECKPOINTER_H_
#define GONGKAI_LOADERS_SQLITE_CHECKPOINTER_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "loaders/sqlite_db.h"

namespace gongkai {

class SqliteCheckpointer {
 public:
  // `writer` must be in WAL mode and outlive this object; `path` is its file.
  SqliteCheckpointer(Db& writer, const std::string& path, int bound_pages);
  ~SqliteCheckpointer();  // finishes a requested checkpoint, stops the thread, restores the hook
  SqliteCheckpointer(const SqliteCheckpointer&) = delete;
  SqliteCheckpointer& operator=(const SqliteCheckpointer&) = delete;

  // Checkpoints requested and completed (for tests), and the frames the last commit left.
  long long completed() const;
  int last_frames() const;

 private:
  static int OnCommit(void* self, sqlite3* db, const char* name, int frames);
  void Request(bool wait);
  void Loop();

  Db& writer_;
  std::unique_ptr<Db> own_;  // the checkpoint's connection, used on thread_ only
  const int bound_pages_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  long long requested_ = 0, completed_ = 0;
  int last_frames_ = 0;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_SQLITE_CHECKPOINTER_H_
