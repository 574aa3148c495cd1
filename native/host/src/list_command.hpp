// list_command.hpp — `ofxhost list`: what every discovered plug-in declares.
#pragma once

#include "plugin.hpp"

#include <ostream>

namespace ofxhost {

// Prints each plug-in (identifier, version, label, grouping, contexts, clips, params) as text or
// JSON. Returns the number of plug-ins that failed to describe (they are listed with an error).
int listPlugins(PluginCache &plugins, bool json, std::ostream &out);

}  // namespace ofxhost
