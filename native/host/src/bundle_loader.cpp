// bundle_loader.cpp — plug-in discovery (OFX_PLUGIN_PATH, /usr/OFX/Plugins), dlopen, and the
// Load/Describe/DescribeInContext actions every host runs once per plug-in.
#include "elf_check.hpp"
#include "host.hpp"
#include "plugin.hpp"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

namespace ofxhost {

OfxStatus Plugin::call(const char *action, const void *handle, OfxPropertySetHandle inArgs,
                       OfxPropertySetHandle outArgs) {
  if (api == nullptr || api->mainEntry == nullptr) return kOfxStatErrFatal;
  return api->mainEntry(action, handle, inArgs, outArgs);
}

OfxStatus Plugin::ensureDescribed() {
  if (descriptor) return kOfxStatOK;
  if (!loaded) {
    OfxStatus st = call(kOfxActionLoad, nullptr, nullptr, nullptr);
    if (st != kOfxStatOK && st != kOfxStatReplyDefault) return st;
    loaded = true;
  }
  auto d = std::make_unique<Effect>(this, Effect::Role::Descriptor, "");
  OfxStatus st = call(kOfxActionDescribe, d->handle(), nullptr, nullptr);
  if (st != kOfxStatOK && st != kOfxStatReplyDefault) return st;
  descriptor = std::move(d);
  return kOfxStatOK;
}

OfxStatus Plugin::ensureDescribedIn(const std::string &context, Effect **out) {
  OfxStatus st = ensureDescribed();
  if (st != kOfxStatOK) return st;
  auto it = contextDescriptors.find(context);
  if (it == contextDescriptors.end()) {
    auto d = std::make_unique<Effect>(this, Effect::Role::ContextDescriptor, context);
    d->props = descriptor->props;  // a context descriptor starts as a copy of the plug-in's
    d->props.defineString(kOfxImageEffectPropContext, {context}, true);
    PropertySet in;
    in.defineString(kOfxImageEffectPropContext, {context});
    st = call(kOfxImageEffectActionDescribeInContext, d->handle(), in.handle(), nullptr);
    if (st != kOfxStatOK && st != kOfxStatReplyDefault) return st;
    it = contextDescriptors.emplace(context, std::move(d)).first;
  }
  *out = it->second.get();
  return kOfxStatOK;
}

std::vector<std::string> Plugin::supportedContexts() const {
  return descriptor ? descriptor->props.strings(kOfxImageEffectPropSupportedContexts) : std::vector<std::string>{};
}

void Plugin::unload() {
  if (loaded) call(kOfxActionUnload, nullptr, nullptr, nullptr);
  loaded = false;
  contextDescriptors.clear();
  descriptor.reset();
}

PluginCache::~PluginCache() {
  for (auto &p : plugins_) p->unload();
  plugins_.clear();
  // dlclose last: descriptors above may hold function pointers into the binaries.
  for (auto it = binaries_.rbegin(); it != binaries_.rend(); ++it)
    if (it->dl != nullptr) dlclose(it->dl);
}

std::vector<std::string> PluginCache::searchPath(const std::vector<std::string> &extraDirs) {
  std::vector<std::string> dirs;
  if (const char *env = std::getenv("OFX_PLUGIN_PATH")) {
    std::stringstream ss(env);
    std::string item;
    while (std::getline(ss, item, ':'))
      if (!item.empty()) dirs.push_back(item);
  }
  for (const auto &d : extraDirs) dirs.push_back(d);
  dirs.emplace_back("/usr/OFX/Plugins");
  return dirs;
}

namespace {
// "X.ofx.bundle" -> "X.ofx.bundle/Contents/Linux-x86-64/X.ofx"
fs::path binaryInBundle(const fs::path &bundle) {
  std::string stem = bundle.filename().string();
  stem = stem.substr(0, stem.size() - std::string(".bundle").size());
  return bundle / "Contents" / "Linux-x86-64" / stem;
}

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void collectBundles(const fs::path &dir, std::vector<fs::path> &out, int depth) {
  std::error_code ec;
  if (depth > 16 || !fs::is_directory(dir, ec)) return;
  std::vector<fs::path> entries;
  for (const auto &e : fs::directory_iterator(dir, ec)) entries.push_back(e.path());
  std::sort(entries.begin(), entries.end());  // deterministic discovery order
  for (const auto &p : entries) {
    const std::string name = p.filename().string();
    if (name.empty() || name[0] == '@') continue;  // OFX: '@' hides a directory from hosts
    if (!fs::is_directory(p, ec)) continue;
    if (endsWith(name, ".ofx.bundle")) {
      out.push_back(p);
    } else {
      collectBundles(p, out, depth + 1);
    }
  }
}
}  // namespace

void PluginCache::discover(const std::vector<std::string> &dirs) {
  std::vector<fs::path> bundles;
  for (const auto &d : dirs) collectBundles(d, bundles, 0);
  for (const auto &b : bundles) {
    const fs::path bin = binaryInBundle(b);
    std::error_code ec;
    if (!fs::exists(bin, ec)) continue;
    bool seen = false;
    for (const auto &x : binaries_) seen = seen || fs::equivalent(x.path, bin, ec);
    if (seen) continue;  // the same bundle reached through two search directories
    std::string error;
    if (!loadBinary(bin.string(), b.string(), &error)) {
      std::fprintf(stderr, "ofxhost: cannot load %s: %s\n", bin.c_str(), error.c_str());
      unloadable_.push_back(bin.string() + ": " + error);
    }
  }
}

bool PluginCache::loadBinary(const std::string &binaryPath, const std::string &bundlePath, std::string *error) {
  if (!elfIsComplete(binaryPath, error)) return false;  // dlopen would die of SIGBUS on it
  void *dl = dlopen(binaryPath.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (dl == nullptr) {
    *error = dlerror();
    return false;
  }
  using SetHostFn = OfxStatus (*)(const OfxHost *);
  using CountFn = int (*)();
  using GetFn = OfxPlugin *(*)(int);
  auto count = reinterpret_cast<CountFn>(dlsym(dl, "OfxGetNumberOfPlugins"));
  auto get = reinterpret_cast<GetFn>(dlsym(dl, "OfxGetPlugin"));
  if (count == nullptr || get == nullptr) {
    *error = "OfxGetNumberOfPlugins/OfxGetPlugin not exported";
    dlclose(dl);
    return false;
  }
  // OFX 1.5: OfxSetHost, when exported, is called before anything else.
  if (auto setHost = reinterpret_cast<SetHostFn>(dlsym(dl, "OfxSetHost"))) {
    OfxStatus st = setHost(ofxHost());
    if (st != kOfxStatOK && st != kOfxStatReplyDefault) {
      *error = "OfxSetHost returned " + std::to_string(st);
      dlclose(dl);
      return false;
    }
  }
  binaries_.push_back({binaryPath, dl});
  const int n = count();
  for (int i = 0; i < n; ++i) {
    OfxPlugin *api = get(i);
    if (api == nullptr || api->pluginApi == nullptr || std::string(api->pluginApi) != kOfxImageEffectPluginApi ||
        api->apiVersion != kOfxImageEffectPluginApiVersion)
      continue;  // not an image effect we understand: hosts skip it
    auto p = std::make_unique<Plugin>();
    p->binaryPath = binaryPath;
    p->bundlePath = bundlePath;
    p->api = api;
    p->identifier = api->pluginIdentifier != nullptr ? api->pluginIdentifier : "";
    p->versionMajor = api->pluginVersionMajor;
    p->versionMinor = api->pluginVersionMinor;
    if (api->setHost != nullptr) api->setHost(ofxHost());
    plugins_.push_back(std::move(p));
  }
  return true;
}

Plugin *PluginCache::find(const std::string &identifier) const {
  Plugin *best = nullptr;
  for (const auto &p : plugins_) {
    if (p->identifier != identifier) continue;
    // Several versions of one identifier: the highest wins (as in Natron and Nuke).
    if (best == nullptr || p->versionMajor > best->versionMajor ||
        (p->versionMajor == best->versionMajor && p->versionMinor > best->versionMinor))
      best = p.get();
  }
  return best;
}

}  // namespace ofxhost
