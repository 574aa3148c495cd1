namespace Enhance.Plugin.OfxBridge;

/// <summary>OFX status codes (ofxCore.h, ofxImageEffect.h, ofxGPURender.h); names are the C macros minus "kOfxStat".</summary>
public static class OfxStatus
{
    public const int OK = 0;
    public const int Failed = 1;
    public const int ErrFatal = 2;
    public const int ErrUnknown = 3;
    public const int ErrMissingHostFeature = 4;
    public const int ErrUnsupported = 5;
    public const int ErrExists = 6;
    public const int ErrFormat = 7;
    public const int ErrMemory = 8;
    public const int ErrBadHandle = 9;
    public const int ErrBadIndex = 10;
    public const int ErrValue = 11;
    public const int ReplyYes = 12;
    public const int ReplyNo = 13;
    public const int ReplyDefault = 14;
    public const int Unlicensed = 15;
    public const int ErrImageFormat = 1000;
    public const int GPUOutOfMemory = 1001;
    public const int GPURenderFailed = 1002;
}
