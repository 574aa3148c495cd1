// --gpu cuda: the driver is loaded at run time, so everything here builds and runs without NVIDIA.
// Without CUDA the mode must refuse in one sentence with a non-zero exit (tested everywhere, by
// pointing OFXHOST_CUDA_LIBRARY at a file that does not exist); the cases that need a real device
// skip with the reason when cuInit or device 0 is missing.
#include "gpu_context.hpp"
#include "host.hpp"
#include "image_io.hpp"
#include "image_source.hpp"
#include "message_log.hpp"
#include "enhance/ofx_abi.h"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <vector>

using namespace ofxhost;

namespace {

const char *kGain = "io.enhance.test.Gain";

// Sets OFXHOST_CUDA_LIBRARY for one scope.
class CudaLibraryOverride {
 public:
  explicit CudaLibraryOverride(const char *path) { setenv("OFXHOST_CUDA_LIBRARY", path, 1); }
  ~CudaLibraryOverride() { unsetenv("OFXHOST_CUDA_LIBRARY"); }
};

// A real CUDA context, or the reason there is none (then the test skips with it).
std::shared_ptr<GpuContext> cudaOrReason(std::string *why) { return createCudaContext(why); }

class CudaMode : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = test::workDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    input = dir + "/in.pfm";
    picture = test::makePicture(53, 29);
    writeImage(input, picture);
    clearPostedMessages();
  }
  void TearDown() override { configureHost(HostIdentity{}); }
  int render(const std::string &output, std::vector<std::string> extra, std::string *err) {
    std::vector<std::string> args{"render", "--node", std::string(kGain) + ":g", "--input", input, "--output", output,
                                  "--param", "g.gain=2"};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::runHost(args, nullptr, err);
  }
  std::string dir, input;
  FloatImage picture;
};

}  // namespace

TEST(CudaContext, AMissingDriverLibraryIsReportedWithItsName) {
  CudaLibraryOverride missing("/nonexistent/libcuda-ofxhost-test.so.1");
  std::string why;
  EXPECT_EQ(createCudaContext(&why), nullptr);
  EXPECT_NE(why.find("there is no CUDA driver here"), std::string::npos) << why;
  EXPECT_NE(why.find("/nonexistent/libcuda-ofxhost-test.so.1"), std::string::npos) << why;
}

TEST(CudaContext, ALibraryThatIsNoCudaDriverIsReportedNotCalled) {
  // libm loads fine but exports no cuInit: the host must say so instead of calling through null.
  CudaLibraryOverride notCuda("libm.so.6");
  std::string why;
  EXPECT_EQ(createCudaContext(&why), nullptr);
  EXPECT_NE(why.find("lacks cuInit"), std::string::npos) << why;
}

TEST_F(CudaMode, WithoutCudaTheRenderRefusesInOneSentenceAndExitsNonZero) {
  CudaLibraryOverride missing("/nonexistent/libcuda-ofxhost-test.so.1");
  std::string err;
  EXPECT_EQ(render(dir + "/out.pfm", {"--gpu", "cuda"}, &err), 3);
  EXPECT_EQ(err.rfind("ofxhost: --gpu cuda: there is no CUDA driver here", 0), 0u) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  EXPECT_FALSE(std::ifstream(dir + "/out.pfm").good());
}

TEST_F(CudaMode, TheHostAdvertisesCudaWithStreamsOnlyInCudaMode) {
  configureHost(HostIdentity{"io.enhance.ofxhost", "x", "cuda"});
  EXPECT_EQ(hostProperties().str(kOfxImageEffectPropCudaRenderSupported), "true");
  EXPECT_EQ(hostProperties().str(kOfxImageEffectPropCudaStreamSupported), "true");
  EXPECT_EQ(hostProperties().str(kOfxImageEffectPropOpenCLRenderSupported), "false");
  configureHost(HostIdentity{"io.enhance.ofxhost", "x", "opencl"});
  EXPECT_EQ(hostProperties().str(kOfxImageEffectPropCudaRenderSupported), "false");
  EXPECT_EQ(hostProperties().str(kOfxImageEffectPropOpenCLRenderSupported), "true");
}

TEST(CudaContext, DeviceImagesRoundTripPackedRows) {
  std::string why;
  auto cuda = cudaOrReason(&why);
  if (cuda == nullptr) GTEST_SKIP() << "no CUDA here: " << why;
  cuda->enterRenderThread();
  std::vector<float> packed(37 * 4 * 11);
  for (size_t i = 0; i < packed.size(); ++i) packed[i] = static_cast<float>(i) * 0.25f - 3.0f;
  auto image = cuda->storage()(packed.size() * sizeof(float));
  ASSERT_NE(image->data(), nullptr);
  EXPECT_FALSE(image->hostAccessible());
  image->upload(packed.data(), packed.size() * sizeof(float));
  std::vector<float> back(packed.size(), -1.0f);
  image->download(back.data(), back.size() * sizeof(float));
  EXPECT_EQ(back, packed);
  EXPECT_NE(cuda->description().find("device 0"), std::string::npos) << cuda->description();
}

TEST(CudaContext, RenderArgsCarryTheStreamOnlyForPluginsThatDeclareIt) {
  std::string why;
  auto cuda = cudaOrReason(&why);
  if (cuda == nullptr) GTEST_SKIP() << "no CUDA here: " << why;
  PropertySet streams, none, in1, in2;
  streams.defineString(kOfxImageEffectPropCudaRenderSupported, {"true"});
  streams.defineString(kOfxImageEffectPropCudaStreamSupported, {"true"});
  none.defineString(kOfxImageEffectPropCudaRenderSupported, {"true"});
  none.defineString(kOfxImageEffectPropCudaStreamSupported, {"false"});
  EXPECT_TRUE(cuda->supportedBy(streams));
  cuda->addRenderArgs(in1, streams);
  cuda->addRenderArgs(in2, none);
  EXPECT_EQ(in1.integer(kOfxImageEffectPropCudaEnabled), 1);
  EXPECT_NE(in1.ptr(kOfxImageEffectPropCudaStream), nullptr);
  EXPECT_EQ(in2.ptr(kOfxImageEffectPropCudaStream), nullptr);
}

// The Gain test plug-in declares no CUDA support: in CUDA mode it must get CPU images and render
// exactly as without a GPU (the host's fallback for plug-ins that cannot take device memory).
TEST_F(CudaMode, PluginsWithoutCudaSupportGetCpuImages) {
  std::string why;
  if (cudaOrReason(&why) == nullptr) GTEST_SKIP() << "no CUDA here: " << why;
  std::string err;
  ASSERT_EQ(render(dir + "/cpu.pfm", {}, &err), 0) << err;
  ASSERT_EQ(render(dir + "/cuda.pfm", {"--gpu", "cuda", "--verbose"}, &err), 0) << err;
  EXPECT_NE(err.find("[ofxhost] CUDA: "), std::string::npos) << err;
  EXPECT_EQ(test::maxDifference(readImage(dir + "/cuda.pfm"), readImage(dir + "/cpu.pfm")), 0.0);
}

// The OpenCL context behind the same interface (pocl in CI): opt-in by OpenCLRenderSupported,
// the queue in the render args, no CUDA properties.
TEST(GpuContextApi, OpenClDeclaresItsQueueAndOnlyForPluginsThatOptIn) {
  std::string why;
  auto openCl = createOpenClContext(&why);
  if (openCl == nullptr) GTEST_SKIP() << "no OpenCL here: " << why;
  EXPECT_STREQ(openCl->apiName(), "OpenCL");
  PropertySet yes, no, cudaOnly, in;
  yes.defineString(kOfxImageEffectPropOpenCLRenderSupported, {"true"});
  no.defineString(kOfxImageEffectPropOpenCLRenderSupported, {"false"});
  cudaOnly.defineString(kOfxImageEffectPropCudaRenderSupported, {"true"});
  EXPECT_TRUE(openCl->supportedBy(yes));
  EXPECT_FALSE(openCl->supportedBy(no));
  EXPECT_FALSE(openCl->supportedBy(cudaOnly));
  openCl->addRenderArgs(in, yes);
  EXPECT_EQ(in.integer(kOfxImageEffectPropOpenCLEnabled), 1);
  EXPECT_NE(in.ptr(kOfxImageEffectPropOpenCLCommandQueue), nullptr);
  EXPECT_FALSE(in.has(kOfxImageEffectPropCudaEnabled));
}

TEST(GpuContextApi, AnUnavailableApiIsAHostErrorNamingTheOption) {
  CudaLibraryOverride missing("/nonexistent/libcuda-ofxhost-test.so.1");
  try {
    createGpuContext("cuda");
    FAIL() << "createGpuContext(cuda) succeeded without a driver";
  } catch (const HostError &e) {
    EXPECT_EQ(std::string(e.what()).rfind("--gpu cuda: there is no CUDA driver here", 0), 0u) << e.what();
  }
}
