// param_values.hpp — applying command-line values (strings) to parameters.
#pragma once

#include "cli.hpp"
#include "param.hpp"

namespace ofxhost {

// Sets a static value or a key from text. Throws HostError with a message naming the param
// when the count or format of values does not fit its type.
void applyAssignment(Param &param, const ParamAssignment &assignment);

}  // namespace ofxhost
