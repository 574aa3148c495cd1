// message_suite.cpp — OfxMessageSuiteV1/V2 for a headless host: everything goes to stderr,
// persistent messages are also remembered on the instance, questions are answered "yes".
#include "effect.hpp"
#include "message_log.hpp"
#include "suites.hpp"
#include "suite_guard.hpp"

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <mutex>

namespace ofxhost {

namespace {
std::mutex g_lock;
std::vector<PostedMessage> g_messages;
bool g_verbose = false;
}  // namespace

void recordMessage(const PostedMessage &m) {
  std::lock_guard<std::mutex> g(g_lock);
  g_messages.push_back(m);
  const bool loud = m.type != "LOG" && m.type != "MESSAGE";
  if (loud || g_verbose)
    std::fprintf(stderr, "[ofx %s] %s: %s\n", m.type.c_str(), m.pluginId.c_str(), m.text.c_str());
}

std::vector<PostedMessage> postedMessages() {
  std::lock_guard<std::mutex> g(g_lock);
  return g_messages;
}

void clearPostedMessages() {
  std::lock_guard<std::mutex> g(g_lock);
  g_messages.clear();
}

void setVerbose(bool v) { g_verbose = v; }
bool verbose() { return g_verbose; }

namespace {

std::string typeLabel(const char *t) {
  if (t == nullptr) return "MESSAGE";
  if (std::strcmp(t, kOfxMessageFatal) == 0) return "FATAL";
  if (std::strcmp(t, kOfxMessageError) == 0) return "ERROR";
  if (std::strcmp(t, kOfxMessageWarning) == 0) return "WARNING";
  if (std::strcmp(t, kOfxMessageLog) == 0) return "LOG";
  if (std::strcmp(t, kOfxMessageQuestion) == 0) return "QUESTION";
  return "MESSAGE";
}

std::string format(const char *fmt, va_list ap) {
  if (fmt == nullptr) return "";
  va_list copy;
  va_copy(copy, ap);
  const int n = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  if (n <= 0) return "";
  std::string s(static_cast<size_t>(n) + 1, '\0');
  std::vsnprintf(s.data(), s.size(), fmt, ap);
  s.resize(static_cast<size_t>(n));
  return s;
}

OfxStatus post(void *handle, const char *type, bool persistent, const std::string &text) {
  Effect *e = Effect::fromHandle(handle);  // null handle = a message from the plug-in as a whole
  PostedMessage m{e != nullptr ? e->pluginId() : std::string("plug-in"), typeLabel(type), text, persistent};
  recordMessage(m);
  if (persistent && e != nullptr) {
    std::lock_guard<std::mutex> g(e->messagesLock);
    e->persistentMessages.push_back(m.type + ": " + text);
  }
  if (m.type == "QUESTION") return kOfxStatReplyYes;
  return kOfxStatOK;
}

// Variadic, so not wrapped by guarded<>: formatting and posting allocate, and an exception must
// not reach the plug-in.
OfxStatus message(void *handle, const char *type, const char *, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const OfxStatus st = guardSuiteCall([&] { return post(handle, type, false, format(fmt, ap)); });
  va_end(ap);
  return st;
}

OfxStatus setPersistentMessage(void *handle, const char *type, const char *, const char *fmt, ...) {
  if (Effect::fromHandle(handle) == nullptr) return kOfxStatErrBadHandle;
  va_list ap;
  va_start(ap, fmt);
  const OfxStatus st = guardSuiteCall([&] { return post(handle, type, true, format(fmt, ap)); });
  va_end(ap);
  return st;
}

OfxStatus clearPersistentMessage(void *handle) {
  Effect *e = Effect::fromHandle(handle);
  if (e == nullptr) return kOfxStatErrBadHandle;
  std::lock_guard<std::mutex> g(e->messagesLock);
  e->persistentMessages.clear();
  return kOfxStatOK;
}

const OfxMessageSuiteV1 kSuiteV1 = {message};
const OfxMessageSuiteV2 kSuiteV2 = {message, setPersistentMessage, guarded<clearPersistentMessage>};

}  // namespace

const OfxMessageSuiteV1 *messageSuiteV1() { return &kSuiteV1; }
const OfxMessageSuiteV2 *messageSuiteV2() { return &kSuiteV2; }

}  // namespace ofxhost
