// status_names.cpp — OfxStatus -> "kOfxStatFailed (1)" for messages.
#include "image_source.hpp"

namespace ofxhost {

std::string OfxError::statusName(OfxStatus s) {
  const char *name = "unknown status";
  switch (s) {
    case kOfxStatOK: name = "kOfxStatOK"; break;
    case kOfxStatFailed: name = "kOfxStatFailed"; break;
    case kOfxStatErrFatal: name = "kOfxStatErrFatal"; break;
    case kOfxStatErrUnknown: name = "kOfxStatErrUnknown"; break;
    case kOfxStatErrMissingHostFeature: name = "kOfxStatErrMissingHostFeature"; break;
    case kOfxStatErrUnsupported: name = "kOfxStatErrUnsupported"; break;
    case kOfxStatErrExists: name = "kOfxStatErrExists"; break;
    case kOfxStatErrFormat: name = "kOfxStatErrFormat"; break;
    case kOfxStatErrMemory: name = "kOfxStatErrMemory"; break;
    case kOfxStatErrBadHandle: name = "kOfxStatErrBadHandle"; break;
    case kOfxStatErrBadIndex: name = "kOfxStatErrBadIndex"; break;
    case kOfxStatErrValue: name = "kOfxStatErrValue"; break;
    case kOfxStatReplyYes: name = "kOfxStatReplyYes"; break;
    case kOfxStatReplyNo: name = "kOfxStatReplyNo"; break;
    case kOfxStatReplyDefault: name = "kOfxStatReplyDefault"; break;
    case kOfxStatUnlicensed: name = "kOfxStatUnlicensed"; break;
    case kOfxStatErrImageFormat: name = "kOfxStatErrImageFormat"; break;
    case kOfxStatGPUOutOfMemory: name = "kOfxStatGPUOutOfMemory"; break;
    case kOfxStatGPURenderFailed: name = "kOfxStatGPURenderFailed"; break;
    default: break;
  }
  return std::string(name) + " (" + std::to_string(s) + ")";
}

}  // namespace ofxhost
