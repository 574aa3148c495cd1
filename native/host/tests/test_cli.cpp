// Command-line parsing: every option, the NODE.NAME forms, and the errors users will hit.
#include "cli.hpp"

#include <gtest/gtest.h>

using namespace ofxhost;

namespace {
bool parse(std::vector<std::string> args, CliOptions *o, std::string *error) {
  *error = "";
  return parseCli(args, o, error);
}
}  // namespace

TEST(Cli, FullRenderCommandLine) {
  CliOptions o;
  std::string e;
  ASSERT_TRUE(parse({"render", "--node", "io.enhance.Upscale:up", "--node", "io.enhance.Grain", "--input", "in.png",
                     "--output", "out.####.exr", "--frames", "3-7", "--param", "up.scale=2", "--param",
                     "io.enhance.Grain.tint=0.1,0.2,0.3", "--key", "up.strength@4.5=0.75", "--input-clip",
                     "io.enhance.Grain.Source=plate.exr", "--render-scale", "0.5", "--tile", "64", "--threads", "4",
                     "--depth", "short", "--components", "RGB", "--force-depth", "--host-name", "DaVinciResolve",
                     "--resolve-page", "Edit", "--plugin-path", "/a", "--plugin-path=/b", "--context", "general",
                     "--output-format", "half", "--verbose"},
                    &o, &e))
      << e;
  EXPECT_EQ(o.command, "render");
  ASSERT_EQ(o.nodes.size(), 2u);
  EXPECT_EQ(o.nodes[0].pluginId, "io.enhance.Upscale");
  EXPECT_EQ(o.nodes[0].label, "up");
  EXPECT_EQ(o.nodes[1].label, "io.enhance.Grain");
  EXPECT_EQ(o.firstFrame, 3);
  EXPECT_EQ(o.lastFrame, 7);
  ASSERT_EQ(o.params.size(), 3u);
  EXPECT_EQ(o.params[1].node, "io.enhance.Grain");  // split at the last '.'
  EXPECT_EQ(o.params[1].param, "tint");
  EXPECT_EQ(o.params[1].values, (std::vector<std::string>{"0.1", "0.2", "0.3"}));
  EXPECT_TRUE(o.params[2].keyed);
  EXPECT_EQ(o.params[2].frame, 4.5);
  EXPECT_EQ(o.params[2].node, "up");
  ASSERT_EQ(o.clips.size(), 1u);
  EXPECT_EQ(o.clips[0].clip, "Source");
  EXPECT_EQ(o.clips[0].path, "plate.exr");
  EXPECT_EQ(o.renderScale, 0.5);
  EXPECT_EQ(o.tileSize, 64);
  EXPECT_EQ(o.threads, 4);
  EXPECT_EQ(o.depth, Depth::Short);
  EXPECT_EQ(o.components, Components::RGB);
  EXPECT_TRUE(o.forceDepth);
  EXPECT_EQ(o.hostName, "DaVinciResolve");
  EXPECT_EQ(o.hostLabel, "DaVinci Resolve");
  EXPECT_EQ(o.resolvePage, "Edit");
  EXPECT_EQ(o.pluginPaths, (std::vector<std::string>{"/a", "/b"}));
  EXPECT_EQ(o.context, "general");
  EXPECT_EQ(o.outputFormat, FileFormat::Half);
  EXPECT_TRUE(o.verbose);
}

TEST(Cli, DefaultsForAMinimalRender) {
  CliOptions o;
  std::string e;
  ASSERT_TRUE(parse({"render", "--node", "x.y", "--input", "a.png", "--output", "b.png"}, &o, &e)) << e;
  EXPECT_EQ(o.firstFrame, 0);
  EXPECT_EQ(o.lastFrame, 0);
  EXPECT_EQ(o.depth, Depth::Float);
  EXPECT_EQ(o.components, Components::RGBA);
  EXPECT_EQ(o.renderScale, 1.0);
  EXPECT_EQ(o.tileSize, 0);
  EXPECT_EQ(o.threads, 1);
  EXPECT_EQ(o.hostName, "io.enhance.ofxhost");
}

TEST(Cli, HalfDepthParsesForForcedRenders) {
  CliOptions o;
  std::string e;
  ASSERT_TRUE(parse({"render", "--node", "n", "--input", "a", "--output", "b", "--depth", "half", "--force-depth"}, &o, &e)) << e;
  EXPECT_EQ(o.depth, Depth::Half);
}

TEST(Cli, DescriptorTilesIsOffUnlessAsked) {
  CliOptions o;
  std::string e;
  ASSERT_TRUE(parse({"render", "--node", "n", "--input", "a", "--output", "b", "--tile", "16"}, &o, &e)) << e;
  EXPECT_FALSE(o.descriptorTiles);
  CliOptions d;
  ASSERT_TRUE(parse({"render", "--node", "n", "--input", "a", "--output", "b", "--tile", "16", "--descriptor-tiles"}, &d, &e)) << e;
  EXPECT_TRUE(d.descriptorTiles);
}

TEST(Cli, NegativeAndSingleFrames) {
  CliOptions o;
  std::string e;
  ASSERT_TRUE(parse({"render", "--node", "n", "--input", "a", "--output", "b.#.png", "--frames", "-2-3"}, &o, &e)) << e;
  EXPECT_EQ(o.firstFrame, -2);
  EXPECT_EQ(o.lastFrame, 3);
  ASSERT_TRUE(parse({"render", "--node", "n", "--input", "a", "--output", "b", "--frames", "12"}, &o, &e));
  EXPECT_EQ(o.firstFrame, 12);
  EXPECT_EQ(o.lastFrame, 12);
}

TEST(Cli, ListOptions) {
  CliOptions o;
  std::string e;
  ASSERT_TRUE(parse({"list", "--json", "--plugin-path", "/x", "--no-default-paths"}, &o, &e)) << e;
  EXPECT_EQ(o.command, "list");
  EXPECT_TRUE(o.noDefaultPaths);
  EXPECT_TRUE(o.json);
  EXPECT_FALSE(parse({"list", "--node", "x"}, &o, &e));
}

TEST(Cli, ErrorsNameTheProblem) {
  CliOptions o;
  std::string e;
  EXPECT_FALSE(parse({}, &o, &e));
  EXPECT_FALSE(parse({"paint"}, &o, &e));
  EXPECT_NE(e.find("unknown command"), std::string::npos);
  EXPECT_FALSE(parse({"render", "--input", "a", "--output", "b"}, &o, &e));
  EXPECT_NE(e.find("--node"), std::string::npos);
  EXPECT_FALSE(parse({"render", "--node", "n", "--output", "b"}, &o, &e));
  EXPECT_NE(e.find("--input"), std::string::npos);
  const std::vector<std::vector<std::string>> bad = {
      {"--depth", "double"},    {"--components", "RG"},   {"--render-scale", "2"},  {"--render-scale", "x"},
      {"--render-scale", "nan"}, {"--render-scale", "inf"}, {"--render-scale", "-0"},
      {"--tile", "0"},          {"--threads", "-1"},      {"--frames", "5-2"},      {"--param", "nodot=1"},
      {"--param", "n.p"},       {"--key", "n.p=1"},       {"--input-clip", "n.c"},  {"--resolve-page", "Deliver"},
      {"--context", "paint"},   {"--output-format", "u8"}, {"--bogus"},             {"--tile"},
      {"--pixel-aspect", "0"},  {"--pixel-aspect", "nan"}, {"--pixel-aspect", "20"}, {"--pixel-aspect"}};
  for (const auto &extra : bad) {
    std::vector<std::string> args{"render", "--node", "n", "--input", "a", "--output", "b"};
    args.insert(args.end(), extra.begin(), extra.end());
    EXPECT_FALSE(parse(args, &o, &e)) << extra[0];
    EXPECT_FALSE(e.empty());
  }
}

TEST(Cli, SplitNodeRefUsesTheLastDot) {
  std::string node, name;
  ASSERT_TRUE(splitNodeRef("io.enhance.Upscale.strength", &node, &name));
  EXPECT_EQ(node, "io.enhance.Upscale");
  EXPECT_EQ(name, "strength");
  EXPECT_FALSE(splitNodeRef("nodot", &node, &name));
  EXPECT_FALSE(splitNodeRef("trailing.", &node, &name));
}

TEST(Cli, GpuModeIsOpenClOrCuda) {
  CliOptions o;
  std::string e;
  ASSERT_TRUE(parse({"render", "--node", "a", "--input", "i", "--output", "o", "--gpu", "opencl"}, &o, &e)) << e;
  EXPECT_EQ(o.gpu, "opencl");
  CliOptions cuda;
  ASSERT_TRUE(parse({"render", "--node", "a", "--input", "i", "--output", "o", "--gpu", "cuda"}, &cuda, &e)) << e;
  EXPECT_EQ(cuda.gpu, "cuda");
  CliOptions metal;
  EXPECT_FALSE(parse({"render", "--node", "a", "--input", "i", "--output", "o", "--gpu", "metal"}, &metal, &e));
  EXPECT_NE(e.find("--gpu needs opencl or cuda, got 'metal'"), std::string::npos) << e;
}

TEST(Cli, PixelAspectDefaultsToSquarePixels) {
  CliOptions square, pal;
  std::string e;
  ASSERT_TRUE(parse({"render", "--node", "a", "--input", "i", "--output", "o"}, &square, &e)) << e;
  EXPECT_EQ(square.pixelAspect, 1.0);
  ASSERT_TRUE(parse({"render", "--node", "a", "--input", "i", "--output", "o", "--pixel-aspect", "1.0666667"}, &pal, &e)) << e;
  EXPECT_DOUBLE_EQ(pal.pixelAspect, 1.0666667);
}
