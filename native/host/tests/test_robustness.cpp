// Issue 17 item 9: the reference host reports broken plug-ins, unreadable inputs and failed
// writes as errors with exit codes, never as signals, and never lets a C++ exception cross a
// suite call back into a plug-in.
#include "app.hpp"
#include "effect.hpp"
#include "elf_check.hpp"
#include "image_io.hpp"
#include "image_source.hpp"
#include "suites.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

using namespace ofxhost;
namespace fs = std::filesystem;

namespace {

const char *kGain = "io.enhance.test.Gain";

std::string testName() { return ::testing::UnitTest::GetInstance()->current_test_info()->name(); }

// A copy of the Gain bundle whose binary keeps only its first `bytes` bytes.
std::string truncatedGainBundle(const std::string &root, uintmax_t bytes) {
  const fs::path bundle = fs::path(OFXHOST_TEST_PLUGIN_DIR) / "Gain.ofx.bundle";
  fs::copy(bundle, root + "/Gain.ofx.bundle", fs::copy_options::recursive);
  const std::string binary = root + "/Gain.ofx.bundle/Contents/Linux-x86-64/Gain.ofx";
  fs::resize_file(binary, bytes);
  return binary;
}

// ofxhost with only `pluginDir` searched (runHost would add the intact Gain bundle).
int runWithOnly(const std::string &pluginDir, std::vector<std::string> args, std::string *err) {
  args.insert(args.end(), {"--plugin-path", pluginDir, "--no-default-paths"});
  std::ostringstream out, e;
  const int rc = runOfxhost(args, out, e);
  *err = e.str();
  return rc;
}

std::vector<std::string> filesIn(const std::string &dir) {
  std::vector<std::string> names;
  for (const auto &e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Throws from both provider calls, as FileSource does for an unreadable frame.
class ThrowingProvider : public ClipImageProvider {
 public:
  OfxStatus getImage(Clip &, double, const OfxRectD *, OfxPropertySetHandle *) override {
    throw HostError("cannot open image 'gone.exr'");
  }
  OfxStatus getRegionOfDefinition(Clip &, double, OfxRectD *) override { throw std::bad_alloc(); }
};

class Robustness : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = test::workDir(testName());
    input = dir + "/in.exr";
    writeImage(input, test::makePicture(23, 17));
  }
  std::string dir, input;
};

}  // namespace

TEST_F(Robustness, TheIntactGainBinaryPassesTheElfCheck) {
  std::string why;
  EXPECT_TRUE(elfIsComplete(std::string(OFXHOST_TEST_PLUGIN_DIR) + "/Gain.ofx.bundle/Contents/Linux-x86-64/Gain.ofx", &why)) << why;
  EXPECT_TRUE(elfIsComplete(input, &why)) << "not ELF: left to dlopen";
}

// dlopen maps the missing part of a truncated binary and died of SIGBUS.
TEST_F(Robustness, ATruncatedPluginBinaryIsReportedAndExits3) {
  const std::string plugins = dir + "/plugins";
  fs::create_directories(plugins);
  const std::string binary = truncatedGainBundle(plugins, fs::file_size(fs::path(OFXHOST_TEST_PLUGIN_DIR) / "Gain.ofx.bundle/Contents/Linux-x86-64/Gain.ofx") / 2);
  std::string why;
  EXPECT_FALSE(elfIsComplete(binary, &why));
  EXPECT_NE(why.find("truncated ELF file"), std::string::npos) << why;

  std::string err;
  EXPECT_EQ(runWithOnly(plugins, {"render", "--node", kGain, "--input", input, "--output", dir + "/out.exr"}, &err), 3);
  EXPECT_NE(err.find("cannot load " + binary + ": truncated ELF file"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir + "/out.exr"));
}

TEST_F(Robustness, APluginBinaryCutInsideItsHeaderIsReportedToo) {
  const std::string plugins = dir + "/plugins";
  fs::create_directories(plugins);
  const std::string binary = truncatedGainBundle(plugins, 40);
  std::string err;
  EXPECT_EQ(runWithOnly(plugins, {"render", "--node", kGain, "--input", input, "--output", dir + "/out.exr"}, &err), 3);
  EXPECT_NE(err.find("cannot load " + binary), std::string::npos) << err;
}

TEST_F(Robustness, AMissingInputClipFileFailsBeforeRenderingWithExit3) {
  std::string err;
  const int rc = test::runHost({"render", "--node", std::string(kGain) + ":g", "--input", input, "--output", dir + "/out.exr",
                                "--input-clip", "g.Source=" + dir + "/missing.exr"},
                               nullptr, &err);
  EXPECT_EQ(rc, 3) << err;
  EXPECT_NE(err.find(dir + "/missing.exr"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir + "/out.exr"));
}

// The first frame of the clip exists (the up-front check passes); the second is read during the
// render, from inside the plug-in's clipGetRegionOfDefinition call.
TEST_F(Robustness, AMissingFrameOfAnInputClipSequenceIsAHostErrorNotACrash) {
  writeImage(dir + "/clip.0.exr", test::makePicture(23, 17));
  std::string err;
  const int rc = test::runHost({"render", "--node", std::string(kGain) + ":g", "--input", input, "--output", dir + "/out.#.exr",
                                "--frames", "0-1", "--input-clip", "g.Source=" + dir + "/clip.#.exr"},
                               nullptr, &err);
  EXPECT_EQ(rc, 3) << err;
  EXPECT_NE(err.find(dir + "/clip.1.exr"), std::string::npos) << err;
  EXPECT_TRUE(fs::exists(dir + "/out.0.exr"));
  EXPECT_FALSE(fs::exists(dir + "/out.1.exr"));
}

TEST(SuiteGuard, ExceptionsInsideClipCallsBecomeStatusesForThePlugin) {
  Effect effect(nullptr, Effect::Role::Instance, kOfxImageEffectContextFilter);
  Clip *clip = effect.defineClip(kOfxImageEffectSimpleSourceClipName);
  ThrowingProvider provider;
  clip->provider = &provider;
  const OfxImageEffectSuiteV1 *suite = imageEffectSuiteV1();
  OfxPropertySetHandle image = nullptr;
  OfxRectD rod{};
  OfxStatus st = kOfxStatOK;
  EXPECT_NO_THROW(st = suite->clipGetImage(clip->handle(), 0.0, nullptr, &image));
  EXPECT_EQ(st, kOfxStatFailed);
  EXPECT_NO_THROW(st = suite->clipGetRegionOfDefinition(clip->handle(), 0.0, &rod));
  EXPECT_EQ(st, kOfxStatErrMemory);
}

// /dev/full fails every write with ENOSPC: the portable stand-in for a full disk (no root needed).
TEST_F(Robustness, WritingToAFullDeviceExitsNonZeroWithTheReason) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  for (const char *name : {"full.png", "full.exr", "full.pfm"}) {
    const std::string output = dir + "/" + name;
    fs::create_symlink("/dev/full", output);
    std::string err;
    EXPECT_EQ(test::runHost({"render", "--node", kGain, "--input", input, "--output", output}, nullptr, &err), 3) << name;
    EXPECT_NE(err.find("cannot write '" + output + "'"), std::string::npos) << err;
    EXPECT_NE(err.find("No space left on device"), std::string::npos) << err;
  }
}

TEST_F(Robustness, AnOutputInAMissingFolderFailsAndLeavesNothing) {
  std::string err;
  EXPECT_EQ(test::runHost({"render", "--node", kGain, "--input", input, "--output", dir + "/nowhere/out.png"}, nullptr, &err), 3);
  EXPECT_NE(err.find("cannot write '" + dir + "/nowhere/out.png'"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir + "/nowhere"));
}

// Written through a temporary file and renamed: no temporary is left, an existing output is
// replaced, and a symbolic link keeps pointing at the (new) file.
TEST_F(Robustness, ASuccessfulWriteReplacesTheFileBehindALinkAndLeavesNoTemporary) {
  writeImage(dir + "/real.png", test::makePicture(5, 5));
  fs::create_symlink("real.png", dir + "/link.png");
  std::string err;
  ASSERT_EQ(test::runHost({"render", "--node", kGain, "--input", input, "--output", dir + "/link.png"}, nullptr, &err), 0) << err;
  ASSERT_EQ(test::runHost({"render", "--node", kGain, "--input", input, "--output", dir + "/out.exr"}, nullptr, &err), 0) << err;
  EXPECT_TRUE(fs::is_symlink(dir + "/link.png"));
  EXPECT_EQ(readImage(dir + "/real.png").width(), 23);
  EXPECT_EQ(filesIn(dir), (std::vector<std::string>{"in.exr", "link.png", "out.exr", "real.png"}));
  // A rendered file gets the permissions the umask allows, not mkstemp's 0600.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  EXPECT_EQ(static_cast<unsigned>(fs::status(dir + "/out.exr").permissions()), 0666u & ~static_cast<unsigned>(mask));
}
