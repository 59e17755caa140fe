// Extraction throughput without a database: read + decode + identify + extract + validate of
// every report under the given folders, streamed from disk (the folders walked as the workers go,
// no file list held), on N threads.
// With --baseline it only reads the same files the same way and validates them as UTF-8: the
// floor any extractor pays, which bench/run.sh divides extraction by.
// The clock times the per-report work: start-up (configuration, templates, gazetteer) and one
// untimed first report are before it. Prints MB/s, reports/s and peak resident memory.
// Usage: gongkai_extract_bench [--baseline] [--threads N] [--repeat K] [--config FILE] DIR...
#include <strings.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "config/config.h"
#include "core/utf8.h"
#include "pipeline/messages_zh.h"
#include "core/file_text.h"
#include "pipeline/runner.h"

using namespace gongkai;

int main(int argc, char** argv) {
  int threads = 1, repeat = 1;
  bool baseline = false;
  std::string config = std::string(GONGKAI_SOURCE_DIR) + "/config/gongkai.yaml";
  std::vector<std::string> dirs;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) threads = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--config") && i + 1 < argc) config = argv[++i];
    else if (!std::strcmp(argv[i], "--baseline")) baseline = true;
    else dirs.push_back(argv[i]);
  }
  RunOptions o = LoadRunOptions(config);
  o.discover.input_dirs = dirs;
  ExtractContext ctx;
  if (!baseline) {
    ctx = MakeContext(o);
    ctx.gazetteer.Get();  // parsed now, before the clock starts, as a run with work to do does
    KindLabelZh("rule_failed");  // codes.yaml's labels too (read once per process, ~10 M
                                 // instructions, by the first report's Chinese messages)
  }
  // Files are streamed from the folders, not listed first: memory must not grow with the
  // corpus. Each pass walks every folder again (--repeat passes); workers take the next
  // kChunk files under a lock. One file per lock (with its stat under the lock) made two
  // threads queue on the lock for ~40 % of the files and sleep in futex: 7,749 futex calls for
  // 10,000 files, two threads 0.40 s against 0.31 s with chunks of 16 (469 calls), one thread
  // 0.58 s either way (2026-12-02, main b783270). Taken: regular files whose name ends with one
  // of discover.extensions (any case), as Discover takes them (no sniffing here).
  constexpr std::size_t kChunk = 16;
  std::mutex walk_mu;
  int pass = 0;
  std::size_t dir_index = 0;
  std::filesystem::recursive_directory_iterator it, end;
  auto ends_with_ext = [&](const std::string& name) {
    for (const auto& e : o.discover.extensions)
      if (name.size() >= e.size() &&
          strncasecmp(name.c_str() + name.size() - e.size(), e.c_str(), e.size()) == 0)
        return true;
    return false;
  };
  auto next_file = [&](SourceFile* f) {  // false when every pass is done; under walk_mu
    while (pass < repeat) {
      if (it == end) {
        if (dir_index == dirs.size()) {
          dir_index = 0;
          if (++pass == repeat) return false;
        }
        it = std::filesystem::recursive_directory_iterator(dirs[dir_index++]);
        continue;
      }
      const auto& e = *it;
      std::error_code ec;
      const bool take = e.is_regular_file(ec) && ends_with_ext(e.path().filename().string());
      if (take) {
        f->path = e.path().string();
        f->size = e.file_size(ec);
        f->mtime_ns = 0;
      }
      it.increment(ec);
      if (ec) it = end;
      if (take) return true;
    }
    return false;
  };
  std::atomic<std::size_t> total{0}, cells{0}, ok{0}, bytes{0};
  // One file: read it, then validate it (the baseline) or extract it; true if it was read.
  auto one = [&](const SourceFile& f, std::string& s, bool count) {
    if (!ReadFileText(f.path, &s)) return false;
    if (baseline) {
      const bool valid = utf8::IsValid(s);
      if (count) ok += valid;
    } else {
      ProcessResult r = ProcessReport(f, s, ctx);
      if (count) {
        ok += r.ok;
        cells += r.record.cells.size();
      }
    }
    if (count) bytes += s.size();
    return true;
  };
  // The first file once before the clock starts, its result not counted (the baseline alike):
  // a process's first report pays for its cold caches and one-time library set-up (OpenSSL
  // fetches SHA-256 at its first use), ~1-2 ms of CPU a report over the shared real reports'
  // first six against ~0.12 ms after (2026-12-02, thread CPU time per report). A run pays that
  // once, not per report; over the real reports read 59x it was ~12 % of the clock. Each worker
  // thread then does the same file once more, untimed, for what a thread pays once (its own
  // malloc arena, its scratch buffers), and the clock starts when every worker is ready: with
  // the thread start-ups inside it, two threads over the real reports (18 ms of work) measured
  // 0.020 s at best against 0.018 s this way (ten runs each, 2026-12-02, load < 0.3).
  SourceFile first;  // the untimed file; no path when there is none
  {
    std::string s;
    for (const auto& dir : dirs) {
      std::error_code ec;
      for (std::filesystem::recursive_directory_iterator w(dir, ec), e; !ec && w != e;
           w.increment(ec))
        if (w->is_regular_file(ec) && ends_with_ext(w->path().filename().string())) {
          SourceFile f;
          f.path = w->path().string();
          f.size = w->file_size(ec);
          if (one(f, s, false)) {
            first = f;
            break;
          }
        }
      if (!s.empty()) break;
    }
  }
  std::mutex ready_mu;
  std::condition_variable ready_cv;
  int ready = 0;
  std::chrono::steady_clock::time_point start;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      std::string s;
      if (!first.path.empty()) one(first, s, false);
      {
        std::unique_lock<std::mutex> lock(ready_mu);
        if (++ready == threads) {
          start = std::chrono::steady_clock::now();
          ready_cv.notify_all();
        } else {
          ready_cv.wait(lock, [&] { return ready == threads; });
        }
      }
      std::vector<SourceFile> chunk(kChunk);
      for (;;) {
        std::size_t got = 0;
        {
          std::lock_guard<std::mutex> lock(walk_mu);
          while (got < kChunk && next_file(&chunk[got])) ++got;
        }
        if (got == 0) break;
        total += got;
        for (std::size_t i = 0; i < got; ++i) one(chunk[i], s, true);
      }
    });
  for (auto& t : pool) t.join();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double mb = bytes / 1e6;
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  if (total == 0) {
    std::fprintf(stderr, "gongkai_extract_bench: no files\n");
    return 2;
  }
  std::printf("threads=%d reports=%zu ok=%zu cells=%zu MB=%.1f secs=%.3f MB/s=%.1f "
              "reports/s=%.0f peak_rss_MB=%.1f\n",
              threads, total.load(), ok.load(), cells.load(), mb, secs, mb / secs, total / secs,
              ru.ru_maxrss / 1024.0);
  return 0;
}
