#include "pipeline/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace gongkai {

bool ReadWholeFile(const std::string& path, std::string* out) {
  out->clear();
  int fd;
  do fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) return false;
  struct stat st{};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    ::close(fd);
    return false;
  }
  // The size from fstat is a hint: a file that grows or shrinks meanwhile is read to its end.
  out->resize(static_cast<std::size_t>(st.st_size) + 1);
  std::size_t got = 0;
  bool ok = true;
  for (;;) {
    if (got == out->size()) out->resize(out->size() * 2 + 4096);
    ssize_t n = ::read(fd, out->data() + got, out->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) ok = false;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  out->resize(got);
  ::close(fd);
  return ok;
}

}  // namespace gongkai
