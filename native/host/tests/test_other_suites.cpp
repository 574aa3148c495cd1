// Multithread, message, memory, timeline and image-effect suites through their C tables.
#include "action_context.hpp"
#include "effect.hpp"
#include "host.hpp"
#include "message_log.hpp"
#include "suites.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

using namespace ofxhost;

namespace {
struct Record {
  std::mutex lock;
  std::set<unsigned> indices;
  std::set<std::thread::id> threads;
  std::atomic<int> spawned{0};
  std::atomic<int> nestedMax{0};
  double seenTime = -1;
};

void recordIndex(unsigned i, unsigned n, void *arg) {
  auto *r = static_cast<Record *>(arg);
  unsigned reported = 99;
  multiThreadSuiteV1()->multiThreadIndex(&reported);
  if (multiThreadSuiteV1()->multiThreadIsSpawnedThread()) ++r->spawned;
  std::lock_guard<std::mutex> g(r->lock);
  EXPECT_EQ(reported, i);
  EXPECT_EQ(n, 4u);
  r->indices.insert(i);
  r->threads.insert(std::this_thread::get_id());
  if (currentAction() != nullptr) r->seenTime = currentAction()->time;
}

void nested(unsigned, unsigned, void *arg) {
  // A nested multiThread from a spawned thread runs serially on that thread.
  auto *r = static_cast<Record *>(arg);
  const auto me = std::this_thread::get_id();
  struct Inner {
    std::thread::id caller;
    bool sameThread = true;
  } inner{me};
  multiThreadSuiteV1()->multiThread(
      [](unsigned, unsigned, void *a) {
        auto *in = static_cast<Inner *>(a);
        in->sameThread = in->sameThread && std::this_thread::get_id() == in->caller;
      },
      3, &inner);
  if (inner.sameThread) ++r->nestedMax;
}
}  // namespace

TEST(MultiThreadSuite, RunsEveryIndexOnSeveralThreadsWithTheCallersTime) {
  Record r;
  Effect e(nullptr, Effect::Role::Instance, kOfxImageEffectContextFilter);
  ActionContext ctx{&e, true, 7.0, nullptr};
  ActionScope scope(&ctx);
  ASSERT_EQ(multiThreadSuiteV1()->multiThread(recordIndex, 4, &r), kOfxStatOK);
  EXPECT_EQ(r.indices, (std::set<unsigned>{0, 1, 2, 3}));
  EXPECT_EQ(r.spawned.load(), 4);
  EXPECT_GE(r.threads.size(), 2u);  // a pool, not a loop on the caller
  EXPECT_EQ(r.seenTime, 7.0);       // workers see the caller's action time
  EXPECT_EQ(multiThreadSuiteV1()->multiThreadIsSpawnedThread(), 0);
  unsigned cpus = 0;
  ASSERT_EQ(multiThreadSuiteV1()->multiThreadNumCPUs(&cpus), kOfxStatOK);
  EXPECT_GE(cpus, 1u);
}

TEST(MultiThreadSuite, NestedCallsRunSeriallyOnTheSpawnedThread) {
  Record r;
  ASSERT_EQ(multiThreadSuiteV1()->multiThread(nested, 4, &r), kOfxStatOK);
  EXPECT_EQ(r.nestedMax.load(), 4);
}

TEST(MultiThreadSuite, MutexesAreRecursiveAndTryLockFailsWhenHeldElsewhere) {
  const OfxMultiThreadSuiteV1 *s = multiThreadSuiteV1();
  OfxMutexHandle m = nullptr;
  ASSERT_EQ(s->mutexCreate(&m, 0), kOfxStatOK);
  ASSERT_EQ(s->mutexLock(m), kOfxStatOK);
  ASSERT_EQ(s->mutexLock(m), kOfxStatOK);  // recursive
  OfxStatus other = kOfxStatOK;
  std::thread([&] { other = s->mutexTryLock(m); }).join();
  EXPECT_EQ(other, kOfxStatFailed);
  s->mutexUnLock(m);
  s->mutexUnLock(m);
  std::thread([&] {
    other = s->mutexTryLock(m);
    if (other == kOfxStatOK) s->mutexUnLock(m);
  }).join();
  EXPECT_EQ(other, kOfxStatOK);
  EXPECT_EQ(s->mutexDestroy(m), kOfxStatOK);
}

TEST(MessageSuite, MessagesAreRecordedPersistentOnesKeptOnTheInstance) {
  clearPostedMessages();
  Effect e(nullptr, Effect::Role::Instance, kOfxImageEffectContextFilter);
  const OfxMessageSuiteV2 *s = messageSuiteV2();
  EXPECT_EQ(s->message(e.handle(), kOfxMessageWarning, nullptr, "value %d of %s", 3, "x"), kOfxStatOK);
  EXPECT_EQ(s->message(e.handle(), kOfxMessageQuestion, nullptr, "continue?"), kOfxStatReplyYes);
  EXPECT_EQ(s->setPersistentMessage(e.handle(), kOfxMessageError, nullptr, "model %s missing", "x4"), kOfxStatOK);
  const auto posted = postedMessages();
  ASSERT_EQ(posted.size(), 3u);
  EXPECT_EQ(posted[0].type, "WARNING");
  EXPECT_EQ(posted[0].text, "value 3 of x");
  EXPECT_TRUE(posted[2].persistent);
  ASSERT_EQ(e.persistentMessages.size(), 1u);
  EXPECT_EQ(e.persistentMessages[0], "ERROR: model x4 missing");
  EXPECT_EQ(s->clearPersistentMessage(e.handle()), kOfxStatOK);
  EXPECT_TRUE(e.persistentMessages.empty());
  alignas(Effect) unsigned char junk[sizeof(Effect)] = {};
  EXPECT_EQ(s->setPersistentMessage(junk, kOfxMessageError, nullptr, "x"), kOfxStatErrBadHandle);
  EXPECT_EQ(messageSuiteV1()->message(nullptr, kOfxMessageLog, nullptr, "no instance"), kOfxStatOK);
}

TEST(TimeLineSuite, ReportsTheActionTimeAndTheRenderedRange) {
  Effect e(nullptr, Effect::Role::Instance, kOfxImageEffectContextFilter);
  e.firstFrame = 3;
  e.lastFrame = 9;
  const OfxTimeLineSuiteV1 *s = timeLineSuiteV1();
  ASSERT_EQ(s->gotoTime(e.handle(), 5.0), kOfxStatOK);
  double t = 0, a = 0, b = 0;
  ASSERT_EQ(s->getTime(e.handle(), &t), kOfxStatOK);
  EXPECT_EQ(t, 5.0);
  {
    ActionContext ctx{&e, true, 8.0, nullptr};
    ActionScope scope(&ctx);
    s->getTime(e.handle(), &t);
    EXPECT_EQ(t, 8.0);
  }
  ASSERT_EQ(s->getTimeBounds(e.handle(), &a, &b), kOfxStatOK);
  EXPECT_EQ(a, 3.0);
  EXPECT_EQ(b, 9.0);
}

TEST(MemorySuites, AllocationsAreAlignedAndImageMemoryLocks) {
  void *p = nullptr;
  ASSERT_EQ(memorySuiteV1()->memoryAlloc(nullptr, 1000, &p), kOfxStatOK);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 64, 0u);
  static_cast<char *>(p)[999] = 1;
  EXPECT_EQ(memorySuiteV1()->memoryFree(p), kOfxStatOK);
  const OfxImageEffectSuiteV1 *s = imageEffectSuiteV1();
  OfxImageMemoryHandle h = nullptr;
  ASSERT_EQ(s->imageMemoryAlloc(nullptr, 4096, &h), kOfxStatOK);
  void *data = nullptr;
  ASSERT_EQ(s->imageMemoryLock(h, &data), kOfxStatOK);
  ASSERT_NE(data, nullptr);
  static_cast<char *>(data)[4095] = 2;
  EXPECT_EQ(s->imageMemoryUnlock(h), kOfxStatOK);
  EXPECT_EQ(s->imageMemoryFree(h), kOfxStatOK);
}

TEST(ImageEffectSuite, ClipsAreDefinedOnDescriptorsAndFoundOnInstances) {
  Effect d(nullptr, Effect::Role::ContextDescriptor, kOfxImageEffectContextFilter);
  const OfxImageEffectSuiteV1 *s = imageEffectSuiteV1();
  OfxPropertySetHandle props = nullptr;
  ASSERT_EQ(s->clipDefine(d.handle(), "Source", &props), kOfxStatOK);
  EXPECT_EQ(s->clipDefine(d.handle(), "Source", &props), kOfxStatErrExists);
  propertySuiteV1()->propSetInt(props, kOfxImageClipPropOptional, 0, 1);
  Effect inst(nullptr, Effect::Role::Instance, kOfxImageEffectContextFilter);
  inst.cloneFrom(d);
  EXPECT_EQ(s->clipDefine(inst.handle(), "More", &props), kOfxStatErrBadHandle);
  OfxImageClipHandle clip = nullptr;
  ASSERT_EQ(s->clipGetHandle(inst.handle(), "Source", &clip, &props), kOfxStatOK);
  int optional = 0;
  propertySuiteV1()->propGetInt(props, kOfxImageClipPropOptional, 0, &optional);
  EXPECT_EQ(optional, 1);
  EXPECT_EQ(s->clipGetHandle(inst.handle(), "Nope", &clip, &props), kOfxStatErrUnknown);
  OfxPropertySetHandle image = nullptr;
  EXPECT_EQ(s->clipGetImage(clip, 0.0, nullptr, &image), kOfxStatFailed);  // not rendering
  OfxPropertySetHandle effectProps = nullptr;
  ASSERT_EQ(s->getPropertySet(inst.handle(), &effectProps), kOfxStatOK);
  char *type = nullptr;
  propertySuiteV1()->propGetString(effectProps, kOfxPropType, 0, &type);
  EXPECT_STREQ(type, kOfxTypeImageEffectInstance);
  alignas(Effect) unsigned char junk[sizeof(Effect)] = {};  // zeroed memory: no magic number
  EXPECT_EQ(s->getPropertySet(reinterpret_cast<OfxImageEffectHandle>(junk), &effectProps), kOfxStatErrBadHandle);
}
