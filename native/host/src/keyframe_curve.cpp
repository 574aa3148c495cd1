// keyframe_curve.cpp — see keyframe_curve.hpp for the interpolation rules.
#include "keyframe_curve.hpp"

#include <cmath>
#include <iterator>

namespace ofxhost {

namespace {
// Keys closer than this are "the same key" (frames are doubles; 1e-6 frames is far below any
// real frame spacing, and protects against 0.1+0.2 style drift from callers).
constexpr double kTimeEpsilon = 1e-6;
}  // namespace

KeyframeCurve::KeyframeCurve(int dimension, Interpolation interp)
    : dim_(dimension), interp_(interp), static_(static_cast<size_t>(dimension), 0.0) {}

void KeyframeCurve::setStatic(const std::vector<double> &value) {
  static_ = value;
  static_.resize(static_cast<size_t>(dim_), 0.0);
}

void KeyframeCurve::setKey(double time, const std::vector<double> &value) {
  std::vector<double> v = value;
  v.resize(static_cast<size_t>(dim_), 0.0);
  auto it = keys_.lower_bound(time - kTimeEpsilon);
  if (it != keys_.end() && std::fabs(it->first - time) <= kTimeEpsilon) {
    it->second = std::move(v);
  } else {
    keys_.emplace(time, std::move(v));
  }
}

bool KeyframeCurve::deleteKey(double time) {
  auto it = keys_.lower_bound(time - kTimeEpsilon);
  if (it == keys_.end() || std::fabs(it->first - time) > kTimeEpsilon) return false;
  keys_.erase(it);
  return true;
}

std::vector<double> KeyframeCurve::valueAt(double time) const {
  if (keys_.empty()) return static_;
  auto after = keys_.upper_bound(time);
  if (after == keys_.begin()) return after->second;       // hold before the first key
  auto before = std::prev(after);
  if (after == keys_.end()) return before->second;        // hold after the last key
  if (interp_ == Interpolation::Step) return before->second;
  const double t = (time - before->first) / (after->first - before->first);
  std::vector<double> out(static_cast<size_t>(dim_));
  for (size_t d = 0; d < out.size(); ++d) out[d] = before->second[d] + t * (after->second[d] - before->second[d]);
  return out;
}

std::vector<double> KeyframeCurve::derivativeAt(double time) const {
  std::vector<double> out(static_cast<size_t>(dim_), 0.0);
  if (keys_.size() < 2 || interp_ == Interpolation::Step) return out;
  auto after = keys_.upper_bound(time);
  if (after == keys_.begin() || after == keys_.end()) return out;
  auto before = std::prev(after);
  const double dt = after->first - before->first;
  for (size_t d = 0; d < out.size(); ++d) out[d] = (after->second[d] - before->second[d]) / dt;
  return out;
}

std::vector<double> KeyframeCurve::integral(double t1, double t2) const {
  std::vector<double> out(static_cast<size_t>(dim_), 0.0);
  double sign = 1.0;
  if (t2 < t1) {
    std::swap(t1, t2);
    sign = -1.0;
  }
  // Split [t1,t2] at every key time inside it: the curve is linear (or constant) on each piece,
  // so the trapezoid rule (or left value for steps) is exact per piece.
  std::vector<double> cuts{t1};
  for (const auto &k : keys_)
    if (k.first > t1 && k.first < t2) cuts.push_back(k.first);
  cuts.push_back(t2);
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    const double a = cuts[i], b = cuts[i + 1];
    const std::vector<double> va = valueAt(a);
    const std::vector<double> vb = interp_ == Interpolation::Step ? va : valueAt(b);
    for (size_t d = 0; d < out.size(); ++d) out[d] += 0.5 * (va[d] + vb[d]) * (b - a);
  }
  for (double &v : out) v *= sign;
  return out;
}

bool KeyframeCurve::keyTime(unsigned nth, double *time) const {
  if (nth >= keys_.size() || time == nullptr) return false;
  *time = std::next(keys_.begin(), static_cast<long>(nth))->first;
  return true;
}

bool KeyframeCurve::keyIndex(double time, int direction, int *index) const {
  int i = 0;
  int found = -1;
  for (const auto &k : keys_) {
    if (direction == 0 && std::fabs(k.first - time) <= kTimeEpsilon) found = i;
    if (direction < 0 && k.first < time - kTimeEpsilon) found = i;  // keeps the last one before
    if (direction > 0 && k.first > time + kTimeEpsilon) {
      found = i;
      break;
    }
    ++i;
  }
  if (found < 0) return false;
  *index = found;
  return true;
}

}  // namespace ofxhost
