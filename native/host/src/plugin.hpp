// plugin.hpp — one image-effect plug-in found in a binary, and the cache of all that were found.
#pragma once

#include "effect.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ofxhost {

struct Plugin {
  std::string binaryPath;
  std::string bundlePath;
  OfxPlugin *api = nullptr;
  std::string identifier;
  unsigned versionMajor = 0, versionMinor = 0;

  bool loaded = false;  // kOfxActionLoad succeeded (and Unload is owed)
  std::unique_ptr<Effect> descriptor;
  std::map<std::string, std::unique_ptr<Effect>> contextDescriptors;
  // Plug-ins declaring kOfxImageEffectRenderUnsafe render one at a time across all instances.
  std::mutex unsafeRenderLock;

  OfxStatus call(const char *action, const void *handle, OfxPropertySetHandle inArgs, OfxPropertySetHandle outArgs);
  // Load + Describe once; returns the status of the first failing action.
  OfxStatus ensureDescribed();
  // DescribeInContext once per context.
  OfxStatus ensureDescribedIn(const std::string &context, Effect **out);
  std::vector<std::string> supportedContexts() const;
  void unload();
};

class PluginCache {
 public:
  PluginCache() = default;
  ~PluginCache();
  PluginCache(const PluginCache &) = delete;
  PluginCache &operator=(const PluginCache &) = delete;

  // Directories searched like real hosts: OFX_PLUGIN_PATH entries, then extraDirs (the
  // --plugin-path options), then /usr/OFX/Plugins; recursive, skipping names starting with '@'.
  static std::vector<std::string> searchPath(const std::vector<std::string> &extraDirs);
  // Finds every X.ofx.bundle/Contents/Linux-x86-64/X.ofx below `dirs` and loads it. Problems
  // (unloadable binary, missing symbols) are reported to stderr and the binary skipped.
  void discover(const std::vector<std::string> &dirs);
  // Loads one binary directly (tests, and bundles given by path).
  bool loadBinary(const std::string &binaryPath, const std::string &bundlePath, std::string *error);

  const std::vector<std::unique_ptr<Plugin>> &plugins() const { return plugins_; }
  Plugin *find(const std::string &identifier) const;
  // "binary: reason" for each bundle binary discover() could not load (named in "not found" errors).
  const std::vector<std::string> &unloadable() const { return unloadable_; }

 private:
  struct Binary {
    std::string path;
    void *dl = nullptr;
  };
  std::vector<Binary> binaries_;
  std::vector<std::unique_ptr<Plugin>> plugins_;
  std::vector<std::string> unloadable_;
};

}  // namespace ofxhost
