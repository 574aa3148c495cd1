// keyframe_curve.hpp — an N-dimensional animation curve: a static value plus optional keys.
//
// Semantics (what the OFX spec leaves to hosts, chosen like Natron/Nuke for linear keys):
// no keys -> the static value; before the first key / after the last -> that key's value (hold);
// between keys -> linear interpolation per dimension (or a step, for bool/choice params).
#pragma once

#include <map>
#include <vector>

namespace ofxhost {

enum class Interpolation { Linear, Step };

class KeyframeCurve {
 public:
  explicit KeyframeCurve(int dimension = 1, Interpolation interp = Interpolation::Linear);

  int dimension() const { return dim_; }
  Interpolation interpolation() const { return interp_; }

  void setStatic(const std::vector<double> &value);  // the value when there are no keys
  void setKey(double time, const std::vector<double> &value);
  bool deleteKey(double time);
  void deleteAllKeys() { keys_.clear(); }

  std::vector<double> valueAt(double time) const;
  // d(value)/dt; 0 on holds and for step curves.
  std::vector<double> derivativeAt(double time) const;
  // Exact integral of the (piecewise linear) curve over [t1, t2].
  std::vector<double> integral(double t1, double t2) const;

  unsigned keyCount() const { return static_cast<unsigned>(keys_.size()); }
  bool keyTime(unsigned nth, double *time) const;
  // OFX paramGetKeyIndex: direction 0 = key exactly at `time`, -1 = nearest before, 1 = after.
  bool keyIndex(double time, int direction, int *index) const;
  const std::map<double, std::vector<double>> &keys() const { return keys_; }
  const std::vector<double> &staticValue() const { return static_; }

 private:
  int dim_;
  Interpolation interp_;
  std::vector<double> static_;
  std::map<double, std::vector<double>> keys_;
};

}  // namespace ofxhost
