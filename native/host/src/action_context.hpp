// action_context.hpp — what the current thread is doing for which effect, at what time.
//
// paramGetValue must answer "the value at the current time" and clipGetImage must find the
// images prepared for the render in progress; both depend on which action the calling thread
// is inside. The context is thread-local and multiThread copies it into its worker threads.
#pragma once

namespace ofxhost {

class Effect;
class RenderContext;

struct ActionContext {
  Effect *effect = nullptr;
  bool hasTime = false;
  double time = 0.0;
  RenderContext *render = nullptr;
};

ActionContext *currentAction();
void setCurrentAction(ActionContext *ctx);

// RAII: makes `ctx` current for the scope and restores the previous one after.
class ActionScope {
 public:
  explicit ActionScope(ActionContext *ctx) : previous_(currentAction()) { setCurrentAction(ctx); }
  ~ActionScope() { setCurrentAction(previous_); }
  ActionScope(const ActionScope &) = delete;
  ActionScope &operator=(const ActionScope &) = delete;

 private:
  ActionContext *previous_;
};

// The time paramGetValue uses for `effect`: the current action's time, else its timeline time.
double currentTimeFor(const Effect *effect);

}  // namespace ofxhost
