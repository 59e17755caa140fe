#include "loaders/sqlite_checkpointer.h"

namespace gongkai {

SqliteCheckpointer::SqliteCheckpointer(Db& writer, const std::string& path, int bound_pages)
    : writer_(writer), own_(std::make_unique<Db>(path)), bound_pages_(bound_pages) {
  thread_ = std::thread([this] {
    // On the thread: the pragma makes this connection read the whole schema (~4 ms, 3 % of an
    // unchanged re-run), which need not hold up the writer. Should it fail, checkpoints run
    // with the default synchronous=FULL: more syncing, never less.
    try {
      own_->Exec("PRAGMA synchronous=NORMAL;");
    } catch (...) {
    }
    Loop();
  });
  sqlite3_wal_hook(writer_.get(), &SqliteCheckpointer::OnCommit, this);
}

SqliteCheckpointer::~SqliteCheckpointer() {
  sqlite3_wal_hook(writer_.get(), nullptr, nullptr);
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  own_.reset();
}

long long SqliteCheckpointer::completed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return completed_;
}

int SqliteCheckpointer::last_frames() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_frames_;
}

int SqliteCheckpointer::OnCommit(void* self, sqlite3* /*db*/, const char* /*name*/, int frames) {
  auto* c = static_cast<SqliteCheckpointer*>(self);
  {
    std::lock_guard<std::mutex> lock(c->mu_);
    c->last_frames_ = frames;
  }
  c->Request(frames >= c->bound_pages_);
  return SQLITE_OK;
}

void SqliteCheckpointer::Request(bool wait) {
  std::unique_lock<std::mutex> lock(mu_);
  const long long ticket = ++requested_;
  cv_.notify_all();
  // A checkpoint that starts after this request copies every frame committed before it.
  if (wait) cv_.wait(lock, [&] { return completed_ >= ticket; });
}

void SqliteCheckpointer::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [&] { return stop_ || completed_ < requested_; });
    if (completed_ >= requested_) return;  // stopping, nothing asked
    const long long upto = requested_;
    lock.unlock();
    sqlite3_wal_checkpoint_v2(own_->get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
    completed_ = upto;
    cv_.notify_all();
  }
}

}  // namespace gongkai
