// Runs work(i) for i in [0, n) on a few threads and hands the results back strictly in order,
// holding at most `window` finished results: extraction in parallel, loading sequential, memory
// flat in n. With threads <= 1 everything runs on the caller's thread.
#ifndef GONGKAI_PIPELINE_ORDERED_POOL_H_
#define GONGKAI_PIPELINE_ORDERED_POOL_H_

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace gongkai {

template <typename R>
class OrderedPool {
 public:
  // `work` must not throw.
  OrderedPool(std::size_t n, int threads, std::size_t window, std::function<R(std::size_t)> work)
      : n_(n), window_(window < 1 ? 1 : window), work_(std::move(work)), slots_(window_) {
    for (int t = 0; t < threads && threads > 1; ++t) threads_.emplace_back([this] { Loop(); });
  }
  ~OrderedPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // The result of item `taken()`; call exactly n times.
  R Next() {
    if (threads_.empty()) return work_(taken_++);
    std::unique_lock<std::mutex> lock(mu_);
    auto& slot = slots_[taken_ % window_];
    cv_.wait(lock, [&] { return slot.has_value(); });
    R r = std::move(*slot);
    slot.reset();
    ++taken_;
    lock.unlock();
    cv_.notify_all();
    return r;
  }

 private:
  void Loop() {
    while (true) {
      std::size_t i;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return stop_ || next_ >= n_ || next_ < taken_ + window_; });
        if (stop_ || next_ >= n_) return;
        i = next_++;
      }
      R r = work_(i);
      {
        std::lock_guard<std::mutex> lock(mu_);
        slots_[i % window_] = std::move(r);
      }
      cv_.notify_all();
    }
  }

  const std::size_t n_, window_;
  std::function<R(std::size_t)> work_;
  std::vector<std::optional<R>> slots_;
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::size_t next_ = 0, taken_ = 0;
  bool stop_ = false;
};

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_ORDERED_POOL_H_
