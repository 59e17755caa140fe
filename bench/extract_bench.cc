// Extraction throughput without a database: decode + identify + extract + validate over every
// report under the given folders, held in memory, on 1..N threads. Prints MB/s and reports/s.
// Usage: gongkai_extract_bench [--threads N] [--repeat K] DIR...
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "config/config.h"
#include "pipeline/discover.h"
#include "pipeline/runner.h"

using namespace gongkai;

int main(int argc, char** argv) {
  int threads = 1, repeat = 1;
  RunOptions o;
  o.discover.input_dirs.clear();
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) threads = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else o.discover.input_dirs.push_back(argv[i]);
  }
  ExtractContext ctx = MakeContext(o);
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const auto& f : Discover(o.discover)) {
    std::ifstream in(f.path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
    bytes += texts.back().size();
  }
  std::atomic<std::size_t> next{0}, cells{0}, ok{0};
  const std::size_t total = texts.size() * repeat;
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (std::size_t i; (i = next++) < total;) {
        const std::string& s = texts[i % texts.size()];
        ProcessResult r = ProcessReport({"bench.txt", s.size(), 0}, s, ctx);
        ok += r.ok;
        cells += r.record.cells.size();
      }
    });
  for (auto& t : pool) t.join();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double mb = bytes * double(repeat) / 1e6;
  std::printf("threads=%d reports=%zu ok=%zu cells=%zu MB=%.1f secs=%.3f MB/s=%.1f reports/s=%.0f\n",
              threads, total, ok.load(), cells.load(), mb, secs, mb / secs, total / secs);
  return 0;
}
