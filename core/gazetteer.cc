#include "core/gazetteer.h"

#include <atomic>
#include <mutex>

namespace gongkai {

GazetteerSources Gazetteer::Sources() const {
  return {source_text, divisions->version(), divisions->digest()};
}

struct LazyGazetteer::State {
  GazetteerSources sources;
  std::function<Gazetteer()> load;  // empty once loaded
  std::mutex mu;
  std::atomic<bool> loaded{false};
  Gazetteer gazetteer;
};

LazyGazetteer::LazyGazetteer(Gazetteer loaded) : state_(std::make_shared<State>()) {
  state_->sources = loaded.Sources();
  state_->gazetteer = std::move(loaded);
  state_->loaded = true;
}

LazyGazetteer::LazyGazetteer(GazetteerSources sources, std::function<Gazetteer()> load)
    : state_(std::make_shared<State>()) {
  state_->sources = std::move(sources);
  state_->load = std::move(load);
}

const GazetteerSources& LazyGazetteer::sources() const { return state_->sources; }

const Gazetteer& LazyGazetteer::Get() const {
  State& s = *state_;
  if (s.loaded.load(std::memory_order_acquire)) return s.gazetteer;
  std::lock_guard<std::mutex> lock(s.mu);
  if (!s.loaded.load(std::memory_order_relaxed)) {
    s.gazetteer = s.load();  // a throw leaves it unloaded
    s.load = nullptr;
    s.loaded.store(true, std::memory_order_release);
  }
  return s.gazetteer;
}

bool LazyGazetteer::loaded() const { return state_->loaded.load(std::memory_order_acquire); }

}  // namespace gongkai
