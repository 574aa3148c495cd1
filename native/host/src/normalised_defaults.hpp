// normalised_defaults.hpp — spatial defaults a plug-in gave as fractions of the project.
//
// OFX 1.2 spatial double params (kOfxParamPropDoubleType X, Y, XY and their Absolute forms)
// hold canonical coordinates, but may declare their default in normalised coordinates
// (kOfxParamPropDefaultCoordinateSystem = kOfxParamCoordinatesNormalised): 0..1 of the project.
// The host converts such a default when it creates the instance: sizes are multiplied by the
// project size, absolute positions also get the project offset added (ofxCoordSystem.rst,
// "Normalised Coordinates"). Without this the official Rectangle example draws nothing: its
// default rectangle is 0.5 x 0.5 canonical pixels.
#pragma once

#include "param.hpp"

#include <vector>

namespace ofxhost {

// The default of `p` in canonical coordinates (kOfxParamPropDefault unchanged for any param
// that is not a spatial double with a normalised default).
std::vector<double> canonicalDefault(const Param &p, OfxPointD projectSize, OfxPointD projectOffset);

// Sets every instance param whose default is normalised to its canonical default value. The
// declared properties are left as the plug-in described them.
void applyNormalisedDefaults(ParamSet &params, OfxPointD projectSize, OfxPointD projectOffset);

}  // namespace ofxhost
