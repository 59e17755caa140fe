// Extraction throughput without a database: read + decode + identify + extract + validate of
// every report under the given folders, streamed from disk (as a run does), on N threads.
// With --baseline it only reads the same files the same way and validates them as UTF-8: the
// floor any extractor pays, which bench/run.sh divides extraction by.
// Prints MB/s, reports/s and peak resident memory.
// Usage: gongkai_extract_bench [--baseline] [--threads N] [--repeat K] [--config FILE] DIR...
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

#include "config/config.h"
#include "core/utf8.h"
#include "pipeline/discover.h"
#include "pipeline/read_file.h"
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
  if (!baseline) ctx = MakeContext(o);
  const std::vector<SourceFile> files = Discover(o.discover);
  if (files.empty()) {
    std::fprintf(stderr, "gongkai_extract_bench: no files\n");
    return 2;
  }
  std::atomic<std::size_t> next{0}, cells{0}, ok{0}, bytes{0};
  const std::size_t total = files.size() * repeat;
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      std::string s;
      for (std::size_t i; (i = next++) < total;) {
        const SourceFile& f = files[i % files.size()];
        if (!ReadWholeFile(f.path, &s)) continue;
        bytes += s.size();
        if (baseline) {
          ok += utf8::IsValid(s);
          continue;
        }
        ProcessResult r = ProcessReport(f, s, ctx);
        ok += r.ok;
        cells += r.record.cells.size();
      }
    });
  for (auto& t : pool) t.join();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double mb = bytes / 1e6;
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("threads=%d reports=%zu ok=%zu cells=%zu MB=%.1f secs=%.3f MB/s=%.1f "
              "reports/s=%.0f peak_rss_MB=%.1f\n",
              threads, total, ok.load(), cells.load(), mb, secs, mb / secs, total / secs,
              ru.ru_maxrss / 1024.0);
  return 0;
}
