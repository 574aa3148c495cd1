/*
 * gain_plugin.c — a tiny, self-contained OFX plug-in binary used by the host's tests.
 *
 * It proves ofxhost loads any conforming plug-in (nothing here is shared with the host), and
 * exercises what the tests check: keyframed "gain" read with paramGetValueAtTime at render
 * time, an RGB "tint" read with paramGetValue from multiThread workers, a "pad" that grows the
 * RoD, a "fail" switch that posts an error and fails the render, and all depths/components.
 * "mode" (Choice) and "operation" (StrChoice, OFX 1.5) both switch gain to invert.
 *
 * Two plug-ins live in the binary:
 * "shift" moves the picture right by N canonical pixels and asks for the matching region of
 * interest, so tiled renders are only right if the host fetches inputs by RoI.
 *
 *   io.enhance.test.Gain        tiles, FullySafe, byte/short/float, RGBA/RGB/Alpha
 *   io.enhance.test.GainNoTiles no tiles, Unsafe, float only, RGBA only
 */
#include "enhance/ofx_abi.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))

static OfxHost *gHost;
static const OfxPropertySuiteV1 *gProp;
static const OfxImageEffectSuiteV1 *gEffect;
static const OfxParameterSuiteV1 *gParam;
static const OfxMultiThreadSuiteV1 *gThread;
static const OfxMessageSuiteV2 *gMessage;

static void setHost(OfxHost *host) { gHost = host; }

static OfxStatus onLoad(void) {
  if (gHost == NULL) return kOfxStatErrMissingHostFeature;
  gProp = (const OfxPropertySuiteV1 *)gHost->fetchSuite(gHost->host, kOfxPropertySuite, 1);
  gEffect = (const OfxImageEffectSuiteV1 *)gHost->fetchSuite(gHost->host, kOfxImageEffectSuite, 1);
  gParam = (const OfxParameterSuiteV1 *)gHost->fetchSuite(gHost->host, kOfxParameterSuite, 1);
  gThread = (const OfxMultiThreadSuiteV1 *)gHost->fetchSuite(gHost->host, kOfxMultiThreadSuite, 1);
  gMessage = (const OfxMessageSuiteV2 *)gHost->fetchSuite(gHost->host, kOfxMessageSuite, 2);
  return (gProp && gEffect && gParam && gThread && gMessage) ? kOfxStatOK : kOfxStatErrMissingHostFeature;
}

static OfxStatus describe(OfxImageEffectHandle effect, int tiles) {
  OfxPropertySetHandle p;
  gEffect->getPropertySet(effect, &p);
  gProp->propSetString(p, kOfxPropLabel, 0, tiles ? "Test Gain" : "Test Gain (no tiles)");
  gProp->propSetString(p, kOfxImageEffectPluginPropGrouping, 0, "Enhance/Test");
  gProp->propSetString(p, kOfxImageEffectPropSupportedContexts, 0, kOfxImageEffectContextFilter);
  gProp->propSetString(p, kOfxImageEffectPropSupportedContexts, 1, kOfxImageEffectContextGeneral);
  gProp->propSetInt(p, kOfxImageEffectPropSupportsTiles, 0, tiles);
  gProp->propSetInt(p, kOfxImageEffectPropSupportsMultiResolution, 0, 1);
  gProp->propSetString(p, kOfxImageEffectPluginRenderThreadSafety, 0,
                       tiles ? kOfxImageEffectRenderFullySafe : kOfxImageEffectRenderUnsafe);
  if (tiles) {
    const char *depths[] = {kOfxBitDepthByte, kOfxBitDepthShort, kOfxBitDepthFloat};
    gProp->propSetStringN(p, kOfxImageEffectPropSupportedPixelDepths, 3, depths);
  } else {
    gProp->propSetString(p, kOfxImageEffectPropSupportedPixelDepths, 0, kOfxBitDepthFloat);
  }
  return kOfxStatOK;
}

static OfxStatus describeInContext(OfxImageEffectHandle effect, int tiles) {
  const char *names[] = {kOfxImageEffectSimpleSourceClipName, kOfxImageEffectOutputClipName};
  for (int i = 0; i < 2; ++i) {
    OfxPropertySetHandle c;
    gEffect->clipDefine(effect, names[i], &c);
    gProp->propSetString(c, kOfxImageEffectPropSupportedComponents, 0, kOfxImageComponentRGBA);
    if (tiles) {
      gProp->propSetString(c, kOfxImageEffectPropSupportedComponents, 1, kOfxImageComponentRGB);
      gProp->propSetString(c, kOfxImageEffectPropSupportedComponents, 2, kOfxImageComponentAlpha);
    }
    gProp->propSetInt(c, kOfxImageEffectPropSupportsTiles, 0, tiles);
  }
  OfxParamSetHandle ps;
  OfxPropertySetHandle pp;
  gEffect->getParamSet(effect, &ps);
  gParam->paramDefine(ps, kOfxParamTypeDouble, "gain", &pp);
  gProp->propSetDouble(pp, kOfxParamPropDefault, 0, 1.0);
  gProp->propSetString(pp, kOfxPropLabel, 0, "Gain");
  gParam->paramDefine(ps, kOfxParamTypeRGB, "tint", &pp);
  gProp->propSetDouble(pp, kOfxParamPropDefault, 0, 1.0);
  gProp->propSetDouble(pp, kOfxParamPropDefault, 1, 1.0);
  gProp->propSetDouble(pp, kOfxParamPropDefault, 2, 1.0);
  gParam->paramDefine(ps, kOfxParamTypeInteger, "pad", &pp);
  gProp->propSetInt(pp, kOfxParamPropDefault, 0, 0);
  gParam->paramDefine(ps, kOfxParamTypeInteger, "shift", &pp);
  gParam->paramDefine(ps, kOfxParamTypeBoolean, "fail", &pp);
  gProp->propSetInt(pp, kOfxParamPropAnimates, 0, 0);
  gParam->paramDefine(ps, kOfxParamTypeChoice, "mode", &pp);
  gProp->propSetString(pp, kOfxParamPropChoiceOption, 0, "multiply");
  gProp->propSetString(pp, kOfxParamPropChoiceOption, 1, "invert");
  /* The same choice as an OFX 1.5 string-valued choice: the value read is the enum string. */
  gParam->paramDefine(ps, kOfxParamTypeStrChoice, "operation", &pp);
  gProp->propSetString(pp, kOfxParamPropChoiceOption, 0, "Multiply colour");
  gProp->propSetString(pp, kOfxParamPropChoiceOption, 1, "Invert colour");
  gProp->propSetString(pp, kOfxParamPropChoiceEnum, 0, "multiply");
  gProp->propSetString(pp, kOfxParamPropChoiceEnum, 1, "invert");
  /* Fetch images on a thread the plug-in starts itself (as a managed runtime's pool would). */
  gParam->paramDefine(ps, kOfxParamTypeBoolean, "foreignThread", &pp);
  gParam->paramDefine(ps, kOfxParamTypeString, "note", &pp);
  gProp->propSetString(pp, kOfxParamPropDefault, 0, "hello");
  return kOfxStatOK;
}

static OfxParamHandle param(OfxImageEffectHandle effect, const char *name) {
  OfxParamSetHandle ps;
  OfxParamHandle h = NULL;
  gEffect->getParamSet(effect, &ps);
  gParam->paramGetHandle(ps, name, &h, NULL);
  return h;
}

static OfxStatus createInstance(OfxImageEffectHandle effect, OfxPropertySetHandle inArgs) {
  char *page = NULL;
  if (inArgs != NULL && gProp->propGetString(inArgs, kOfxImageEffectPropResolvePage, 0, &page) == kOfxStatOK)
    gMessage->message(effect, kOfxMessageLog, NULL, "resolve page %s", page);
  return kOfxStatOK;
}

static OfxStatus regionOfDefinition(OfxImageEffectHandle effect, OfxPropertySetHandle in, OfxPropertySetHandle out) {
  double time = 0;
  int pad = 0;
  OfxRectD rod;
  OfxImageClipHandle src;
  gProp->propGetDouble(in, kOfxPropTime, 0, &time);
  gParam->paramGetValueAtTime(param(effect, "pad"), time, &pad);
  if (pad == 0) return kOfxStatReplyDefault;
  gEffect->clipGetHandle(effect, kOfxImageEffectSimpleSourceClipName, &src, NULL);
  gEffect->clipGetRegionOfDefinition(src, time, &rod);
  rod.x1 -= pad, rod.y1 -= pad, rod.x2 += pad, rod.y2 += pad;
  gProp->propSetDoubleN(out, kOfxImageEffectPropRegionOfDefinition, 4, &rod.x1);
  return kOfxStatOK;
}

/* Output pixel x comes from source pixel x - shift: the RoI is the window moved left. */
static OfxStatus regionsOfInterest(OfxImageEffectHandle effect, OfxPropertySetHandle in, OfxPropertySetHandle out) {
  double time = 0;
  int shift = 0;
  OfxRectD roi;
  gProp->propGetDouble(in, kOfxPropTime, 0, &time);
  gParam->paramGetValueAtTime(param(effect, "shift"), time, &shift);
  gProp->propGetDoubleN(in, kOfxImageEffectPropRegionOfInterest, 4, &roi.x1);
  roi.x1 -= shift, roi.x2 -= shift;
  gProp->propSetDoubleN(out, "OfxImageClipPropRoI_Source", 4, &roi.x1);
  return kOfxStatOK;
}

typedef struct RenderJob {
  OfxImageEffectHandle effect;
  OfxRectI window, srcBounds, dstBounds;
  const char *srcData;
  char *dstData;
  int srcRowBytes, dstRowBytes, components, bytes;
  double gain;
  int invert, shift;
} RenderJob;

static double load(const RenderJob *j, const char *row, int i) {
  if (j->bytes == 1) return ((const uint8_t *)row)[i] / 255.0;
  if (j->bytes == 2) return ((const uint16_t *)row)[i] / 65535.0;
  return ((const float *)row)[i];
}

static void store(const RenderJob *j, char *row, int i, double v) {
  if (j->bytes == 4) {
    ((float *)row)[i] = (float)v;
    return;
  }
  const double maxv = j->bytes == 1 ? 255.0 : 65535.0;
  v = v < 0 ? 0 : v > 1 ? 1 : v;
  if (j->bytes == 1) ((uint8_t *)row)[i] = (uint8_t)lrint(v * maxv);
  else ((uint16_t *)row)[i] = (uint16_t)lrint(v * maxv);
}

/* One band of rows per thread; tint is read here with paramGetValue, which must see the
 * render's time on a spawned thread too. */
static void renderBand(unsigned int index, unsigned int count, void *arg) {
  const RenderJob *j = (const RenderJob *)arg;
  double tint[3] = {1, 1, 1};
  gParam->paramGetValue(param(j->effect, "tint"), &tint[0], &tint[1], &tint[2]);
  const int h = j->window.y2 - j->window.y1;
  const int y0 = j->window.y1 + (int)((long)h * index / count), y1 = j->window.y1 + (int)((long)h * (index + 1) / count);
  for (int y = y0; y < y1; ++y) {
    char *drow = j->dstData + (long)(y - j->dstBounds.y1) * j->dstRowBytes;
    const int srcRowInside = y >= j->srcBounds.y1 && y < j->srcBounds.y2;
    const char *srow = srcRowInside ? j->srcData + (long)(y - j->srcBounds.y1) * j->srcRowBytes : NULL;
    for (int x = j->window.x1; x < j->window.x2; ++x) {
      const int sx = x - j->shift;
      const int inside = srow != NULL && sx >= j->srcBounds.x1 && sx < j->srcBounds.x2;
      const int di = (x - j->dstBounds.x1) * j->components, si = (sx - j->srcBounds.x1) * j->components;
      /* premultiplied invert: colour -> alpha - colour (RGB images have alpha 1) */
      const double alpha = !inside ? 0.0 : j->components == 4 ? load(j, srow, si + 3) : 1.0;
      for (int k = 0; k < j->components; ++k) {
        double v = inside ? load(j, srow, si + k) : 0.0;
        if (j->components == 1) {
          v *= j->gain;
        } else if (k < 3) {
          if (j->invert) v = alpha - v;
          v *= j->gain * tint[k];
        }
        store(j, drow, di + k, v);
      }
    }
  }
}

static int bytesOf(const char *depth) {
  if (strcmp(depth, kOfxBitDepthByte) == 0) return 1;
  if (strcmp(depth, kOfxBitDepthShort) == 0) return 2;
  if (strcmp(depth, kOfxBitDepthFloat) == 0) return 4;
  return 0;
}

static int componentsOf(const char *c) {
  if (strcmp(c, kOfxImageComponentRGBA) == 0) return 4;
  if (strcmp(c, kOfxImageComponentRGB) == 0) return 3;
  if (strcmp(c, kOfxImageComponentAlpha) == 0) return 1;
  return 0;
}

typedef struct Fetch {
  OfxImageClipHandle srcClip, dstClip;
  double time;
  OfxPropertySetHandle src, dst;
  OfxStatus srcStatus, dstStatus;
} Fetch;

static void *fetchImages(void *arg) {
  Fetch *f = (Fetch *)arg;
  f->dstStatus = gEffect->clipGetImage(f->dstClip, f->time, NULL, &f->dst);
  f->srcStatus = gEffect->clipGetImage(f->srcClip, f->time, NULL, &f->src);
  return NULL;
}

static OfxStatus render(OfxImageEffectHandle effect, OfxPropertySetHandle in, int tiles) {
  double time = 0;
  int fail = 0, mode = 0;
  RenderJob j;
  memset(&j, 0, sizeof j);
  j.effect = effect;
  gProp->propGetDouble(in, kOfxPropTime, 0, &time);
  gProp->propGetIntN(in, kOfxImageEffectPropRenderWindow, 4, &j.window.x1);
  gParam->paramGetValueAtTime(param(effect, "fail"), time, &fail);
  if (fail) {
    gMessage->message(effect, kOfxMessageError, NULL, "asked to fail at frame %g", time);
    return kOfxStatFailed;
  }
  gParam->paramGetValueAtTime(param(effect, "gain"), time, &j.gain);
  gParam->paramGetValueAtTime(param(effect, "mode"), time, &mode);
  const char *operation = NULL;
  gParam->paramGetValueAtTime(param(effect, "operation"), time, &operation);
  j.invert = mode == 1 || (operation != NULL && strcmp(operation, "invert") == 0);
  double scale[2] = {1, 1};
  gProp->propGetDoubleN(in, kOfxImageEffectPropRenderScale, 2, scale);
  gParam->paramGetValueAtTime(param(effect, "shift"), time, &j.shift);
  j.shift = (int)lrint(j.shift * scale[0]);

  OfxImageClipHandle srcClip, dstClip;
  OfxPropertySetHandle src = NULL, dst = NULL;
  gEffect->clipGetHandle(effect, kOfxImageEffectSimpleSourceClipName, &srcClip, NULL);
  gEffect->clipGetHandle(effect, kOfxImageEffectOutputClipName, &dstClip, NULL);
  int foreign = 0;
  gParam->paramGetValueAtTime(param(effect, "foreignThread"), time, &foreign);
  Fetch f = {srcClip, dstClip, time, NULL, NULL, kOfxStatFailed, kOfxStatFailed};
  if (foreign) {
    pthread_t t;
    if (pthread_create(&t, NULL, fetchImages, &f) != 0) return kOfxStatErrMemory;
    pthread_join(t, NULL);
  } else {
    fetchImages(&f);
  }
  src = f.src;
  dst = f.dst;
  if (f.srcStatus != kOfxStatOK || f.dstStatus != kOfxStatOK) {
    if (f.srcStatus == kOfxStatOK) gEffect->clipReleaseImage(src);
    if (f.dstStatus == kOfxStatOK) gEffect->clipReleaseImage(dst);
    gMessage->message(effect, kOfxMessageError, NULL, "clipGetImage failed (%d, %d)", f.srcStatus, f.dstStatus);
    return kOfxStatFailed;
  }
  char *srcDepth, *dstDepth, *srcComps, *dstComps;
  void *sp, *dp;
  gProp->propGetString(src, kOfxImageEffectPropPixelDepth, 0, &srcDepth);
  gProp->propGetString(dst, kOfxImageEffectPropPixelDepth, 0, &dstDepth);
  gProp->propGetString(src, kOfxImageEffectPropComponents, 0, &srcComps);
  gProp->propGetString(dst, kOfxImageEffectPropComponents, 0, &dstComps);
  OfxStatus status = kOfxStatOK;
  j.bytes = bytesOf(dstDepth);
  j.components = componentsOf(dstComps);
  /* the no-tiles plug-in declared float only: a host that forces another depth gets an error */
  if (j.bytes == 0 || j.components == 0 || (!tiles && j.bytes != 4) || strcmp(srcDepth, dstDepth) != 0 || strcmp(srcComps, dstComps) != 0) {
    gMessage->message(effect, kOfxMessageError, NULL, "unsupported pixel format %s %s", dstDepth, dstComps);
    status = kOfxStatErrImageFormat;
  } else {
    gProp->propGetPointer(src, kOfxImagePropData, 0, &sp);
    gProp->propGetPointer(dst, kOfxImagePropData, 0, &dp);
    gProp->propGetInt(src, kOfxImagePropRowBytes, 0, &j.srcRowBytes);
    gProp->propGetInt(dst, kOfxImagePropRowBytes, 0, &j.dstRowBytes);
    gProp->propGetIntN(src, kOfxImagePropBounds, 4, &j.srcBounds.x1);
    gProp->propGetIntN(dst, kOfxImagePropBounds, 4, &j.dstBounds.x1);
    j.srcData = (const char *)sp;
    j.dstData = (char *)dp;
    gThread->multiThread(renderBand, 3, &j);
  }
  gEffect->clipReleaseImage(src);
  gEffect->clipReleaseImage(dst);
  return status;
}

static OfxStatus mainEntry(const char *action, const void *handle, OfxPropertySetHandle in, OfxPropertySetHandle out,
                           int tiles) {
  OfxImageEffectHandle effect = (OfxImageEffectHandle)handle;
  if (strcmp(action, kOfxActionLoad) == 0) return onLoad();
  if (strcmp(action, kOfxActionDescribe) == 0) return describe(effect, tiles);
  if (strcmp(action, kOfxImageEffectActionDescribeInContext) == 0) return describeInContext(effect, tiles);
  if (strcmp(action, kOfxActionCreateInstance) == 0) return createInstance(effect, in);
  if (strcmp(action, kOfxImageEffectActionGetRegionOfDefinition) == 0) return regionOfDefinition(effect, in, out);
  if (strcmp(action, kOfxImageEffectActionGetRegionsOfInterest) == 0) return regionsOfInterest(effect, in, out);
  if (strcmp(action, kOfxImageEffectActionRender) == 0) return render(effect, in, tiles);
  return kOfxStatReplyDefault;
}

static OfxStatus mainTiles(const char *a, const void *h, OfxPropertySetHandle i, OfxPropertySetHandle o) {
  return mainEntry(a, h, i, o, 1);
}
static OfxStatus mainNoTiles(const char *a, const void *h, OfxPropertySetHandle i, OfxPropertySetHandle o) {
  return mainEntry(a, h, i, o, 0);
}

static OfxPlugin gPlugins[2] = {
    {kOfxImageEffectPluginApi, 1, "io.enhance.test.Gain", 1, 2, setHost, mainTiles},
    {kOfxImageEffectPluginApi, 1, "io.enhance.test.GainNoTiles", 1, 0, setHost, mainNoTiles},
};

EXPORT int OfxGetNumberOfPlugins(void) { return 2; }
EXPORT OfxPlugin *OfxGetPlugin(int nth) { return (nth >= 0 && nth < 2) ? &gPlugins[nth] : NULL; }
