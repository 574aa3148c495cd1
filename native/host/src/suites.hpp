// suites.hpp — the suite tables the host hands out through OfxHost::fetchSuite.
#pragma once

#include "enhance/ofx_abi.h"

namespace ofxhost {

const OfxPropertySuiteV1 *propertySuiteV1();
const OfxParameterSuiteV1 *parameterSuiteV1();
const OfxImageEffectSuiteV1 *imageEffectSuiteV1();
const OfxMemorySuiteV1 *memorySuiteV1();
const OfxMultiThreadSuiteV1 *multiThreadSuiteV1();
const OfxMessageSuiteV1 *messageSuiteV1();
const OfxMessageSuiteV2 *messageSuiteV2();
const OfxProgressSuiteV1 *progressSuiteV1();
const OfxProgressSuiteV2 *progressSuiteV2();
const OfxTimeLineSuiteV1 *timeLineSuiteV1();

// The suite for (name, version), or null when the host does not implement it.
const void *fetchSuite(const char *name, int version);

}  // namespace ofxhost
