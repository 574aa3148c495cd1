using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.OfxBridge;

/// <summary>
/// The host's suites, fetched once when the host is set, plus the shim's typed wrappers for the
/// variadic functions. Required suites missing from the host make it unusable (an exception with a
/// sentence for the user); optional ones (message v2, progress, timeline, multithread) are null.
/// </summary>
public sealed unsafe class HostSuites
{
    public HostSuites(OfxHost* host, EnhanceShimApi* shim)
    {
        if (host == null) throw new ArgumentNullException(nameof(host));
        Host = host;
        Shim = shim;
        Property = (OfxPropertySuiteV1*)Fetch(OfxNames.PropertySuite, 1, required: true);
        ImageEffect = (OfxImageEffectSuiteV1*)Fetch(OfxNames.ImageEffectSuite, 1, required: true);
        Parameter = (OfxParameterSuiteV1*)Fetch(OfxNames.ParameterSuite, 1, required: true);
        Memory = (OfxMemorySuiteV1*)Fetch(OfxNames.MemorySuite, 1, required: false);
        MultiThread = (OfxMultiThreadSuiteV1*)Fetch(OfxNames.MultiThreadSuite, 1, required: false);
        MessageV2 = (OfxMessageSuiteV2*)Fetch(OfxNames.MessageSuite, 2, required: false);
        MessageV1 = MessageV2 != null ? (OfxMessageSuiteV1*)MessageV2 : (OfxMessageSuiteV1*)Fetch(OfxNames.MessageSuite, 1, required: false);
        ProgressV2 = (OfxProgressSuiteV2*)Fetch(OfxNames.ProgressSuite, 2, required: false);
        ProgressV1 = ProgressV2 == null ? (OfxProgressSuiteV1*)Fetch(OfxNames.ProgressSuite, 1, required: false) : null;
        TimeLine = (OfxTimeLineSuiteV1*)Fetch(OfxNames.TimeLineSuite, 1, required: false);
        HostProperties = new PropertySet(host->Host, this);
    }

    public OfxHost* Host { get; }
    public EnhanceShimApi* Shim { get; }
    public OfxPropertySuiteV1* Property { get; }
    public OfxImageEffectSuiteV1* ImageEffect { get; }
    public OfxParameterSuiteV1* Parameter { get; }
    public OfxMemorySuiteV1* Memory { get; }
    public OfxMultiThreadSuiteV1* MultiThread { get; }
    public OfxMessageSuiteV1* MessageV1 { get; }
    public OfxMessageSuiteV2* MessageV2 { get; }
    public OfxProgressSuiteV1* ProgressV1 { get; }
    public OfxProgressSuiteV2* ProgressV2 { get; }
    public OfxTimeLineSuiteV1* TimeLine { get; }

    /// <summary>The host's own description (name, capabilities).</summary>
    public PropertySet HostProperties { get; }

    internal EnhanceShimApi* RequireShim()
    {
        if (Shim == null)
            throw new OfxException(OfxStatus.ErrMissingHostFeature, "The native shim's wrappers are not available.");
        return Shim;
    }

    private void* Fetch(string name, int version, bool required)
    {
        void* suite = Host->FetchSuite == null ? null : Host->FetchSuite(Host->Host, Utf8Names.Get(name), version);
        if (suite == null && required)
            throw new OfxException(OfxStatus.ErrMissingHostFeature,
                $"The host does not provide {name} version {version}.",
                $"This host does not provide the OFX {name} (version {version}) that Enhance needs; use an OFX 1.4 or later host.");
        return suite;
    }
}
