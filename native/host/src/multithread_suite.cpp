// multithread_suite.cpp — OfxMultiThreadSuiteV1 over a persistent worker pool.
//
// multiThread(func, n, arg) runs func(i, n, arg) for i in 0..n-1 concurrently and returns when
// all are done; the calling thread runs index 0 itself. Calls from a spawned thread run
// serially in that thread (OFX allows this, and it prevents pool exhaustion deadlocks). The
// caller's action context is copied to the workers, so paramGetValue/clipGetImage see the same
// time and render from inside func.
#include "action_context.hpp"
#include "suites.hpp"
#include "suite_guard.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ofxhost {
namespace {

thread_local bool t_spawned = false;
thread_local unsigned t_index = 0;

class WorkerPool {
 public:
  static WorkerPool &instance() {
    static WorkerPool pool;
    return pool;
  }
  void submit(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> g(lock_);
      ensureWorkers();
      jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
  }
  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> g(lock_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto &t : workers_) t.join();
  }

 private:
  void ensureWorkers() {
    if (!workers_.empty()) return;
    unsigned n = std::thread::hardware_concurrency();
    if (n < 2) n = 2;
    for (unsigned i = 0; i < n; ++i) workers_.emplace_back([this] { loop(); });
  }
  void loop() {
    t_spawned = true;
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> g(lock_);
        cv_.wait(g, [this] { return stop_ || !jobs_.empty(); });
        if (stop_ && jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }
  std::mutex lock_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> workers_;
  bool stop_ = false;
};

OfxStatus multiThread(OfxThreadFunctionV1 func, unsigned int n, void *arg) {
  if (func == nullptr) return kOfxStatErrValue;
  if (n == 0) n = 1;
  if (n == 1 || t_spawned) {
    const bool wasSpawned = t_spawned;
    const unsigned oldIndex = t_index;
    for (unsigned i = 0; i < n; ++i) {
      t_index = i;
      t_spawned = n > 1 || wasSpawned;
      func(i, n, arg);
    }
    t_index = oldIndex;
    t_spawned = wasSpawned;
    return kOfxStatOK;
  }
  ActionContext *caller = currentAction();
  std::mutex doneLock;
  std::condition_variable doneCv;
  unsigned remaining = n - 1;
  for (unsigned i = 1; i < n; ++i) {
    WorkerPool::instance().submit([=, &doneLock, &doneCv, &remaining] {
      ActionContext copy = caller != nullptr ? *caller : ActionContext{};
      ActionScope scope(caller != nullptr ? &copy : nullptr);
      t_index = i;
      func(i, n, arg);
      std::lock_guard<std::mutex> g(doneLock);
      if (--remaining == 0) doneCv.notify_one();
    });
  }
  // Index 0 on the caller, marked as spawned so nested multiThread calls stay serial.
  t_spawned = true;
  t_index = 0;
  func(0, n, arg);
  t_spawned = false;
  std::unique_lock<std::mutex> g(doneLock);
  doneCv.wait(g, [&] { return remaining == 0; });
  return kOfxStatOK;
}

OfxStatus multiThreadNumCPUs(unsigned int *n) {
  if (n == nullptr) return kOfxStatErrValue;
  const unsigned hc = std::thread::hardware_concurrency();
  *n = hc == 0 ? 1 : hc;
  return kOfxStatOK;
}

OfxStatus multiThreadIndex(unsigned int *index) {
  if (index == nullptr) return kOfxStatErrValue;
  *index = t_spawned ? t_index : 0;
  return kOfxStatOK;
}

int multiThreadIsSpawnedThread() { return t_spawned ? 1 : 0; }

// OFX mutexes are recursive ("lockCount" is the initial lock count).
struct HostMutex {
  std::recursive_mutex m;
};

OfxStatus mutexCreate(OfxMutexHandle *mutex, int lockCount) {
  if (mutex == nullptr) return kOfxStatErrValue;
  auto *hm = new HostMutex();
  for (int i = 0; i < lockCount; ++i) hm->m.lock();
  *mutex = reinterpret_cast<OfxMutexHandle>(hm);
  return kOfxStatOK;
}

OfxStatus mutexDestroy(const OfxMutexHandle mutex) {
  if (mutex == nullptr) return kOfxStatErrBadHandle;
  delete reinterpret_cast<HostMutex *>(mutex);
  return kOfxStatOK;
}

OfxStatus mutexLock(const OfxMutexHandle mutex) {
  if (mutex == nullptr) return kOfxStatErrBadHandle;
  reinterpret_cast<HostMutex *>(mutex)->m.lock();
  return kOfxStatOK;
}

OfxStatus mutexUnLock(const OfxMutexHandle mutex) {
  if (mutex == nullptr) return kOfxStatErrBadHandle;
  reinterpret_cast<HostMutex *>(mutex)->m.unlock();
  return kOfxStatOK;
}

OfxStatus mutexTryLock(const OfxMutexHandle mutex) {
  if (mutex == nullptr) return kOfxStatErrBadHandle;
  return reinterpret_cast<HostMutex *>(mutex)->m.try_lock() ? kOfxStatOK : kOfxStatFailed;
}

const OfxMultiThreadSuiteV1 kSuite = {
    // multiThreadIsSpawnedThread only reads a flag and needs no guard
    guarded<multiThread>, guarded<multiThreadNumCPUs>, guarded<multiThreadIndex>, multiThreadIsSpawnedThread,
    guarded<mutexCreate>, guarded<mutexDestroy>, guarded<mutexLock>, guarded<mutexUnLock>,
    guarded<mutexTryLock>,
};

}  // namespace

const OfxMultiThreadSuiteV1 *multiThreadSuiteV1() { return &kSuite; }

}  // namespace ofxhost
