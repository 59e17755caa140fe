#include "core/file_text.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <memory>

namespace gongkai {
namespace {

// An open regular (non-folder) file, closed on scope exit; -1 when it cannot be opened.
class Fd {
 public:
  explicit Fd(const std::string& path, struct stat* st) {
    do fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    while (fd_ < 0 && errno == EINTR);
    if (fd_ >= 0 && (::fstat(fd_, st) != 0 || S_ISDIR(st->st_mode))) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// read(2) retried on EINTR: bytes read, 0 at the end, -1 on an error.
ssize_t ReadSome(int fd, char* at, std::size_t n) {
  ssize_t got;
  do got = ::read(fd, at, n);
  while (got < 0 && errno == EINTR);
  return got;
}

}  // namespace

bool ReadFileText(const std::string& path, std::string* out) {
  out->clear();
  struct stat st {};
  Fd fd(path, &st);
  if (fd.get() < 0) return false;
  // One byte more than the size, so that the end is seen by the same buffer's last read().
  out->resize(static_cast<std::size_t>(st.st_size) + 1);
  std::size_t got = 0;
  for (;;) {
    if (got == out->size()) out->resize(out->size() * 2 + 4096);
    const ssize_t n = ReadSome(fd.get(), out->data() + got, out->size() - got);
    if (n < 0) {
      out->clear();
      return false;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  out->resize(got);
  return true;
}

bool ForEachFilePiece(const std::string& path,
                      const std::function<void(std::string_view)>& each) {
  struct stat st {};
  Fd fd(path, &st);
  if (fd.get() < 0) return false;
  constexpr std::size_t kPiece = 64 * 1024;
  const auto buffer = std::make_unique<char[]>(kPiece);
  for (;;) {
    const ssize_t n = ReadSome(fd.get(), buffer.get(), kPiece);
    if (n < 0) return false;
    if (n == 0) return true;
    each(std::string_view(buffer.get(), static_cast<std::size_t>(n)));
  }
}

}  // namespace gongkai
