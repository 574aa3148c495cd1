// message_log.hpp — messages plug-ins posted (message suite), kept for the CLI's exit report
// and for tests, and printed to stderr as "[ofx ERROR] <plugin id>: <text>".
#pragma once

#include <string>
#include <vector>

namespace ofxhost {

struct PostedMessage {
  std::string pluginId;
  std::string type;  // "ERROR", "WARNING", "FATAL", "MESSAGE", "LOG", "QUESTION"
  std::string text;
  bool persistent = false;
};

void recordMessage(const PostedMessage &m);
std::vector<PostedMessage> postedMessages();
void clearPostedMessages();
// Progress/log chatter is printed only when verbose (errors and warnings always are).
void setVerbose(bool verbose);
bool verbose();

}  // namespace ofxhost
