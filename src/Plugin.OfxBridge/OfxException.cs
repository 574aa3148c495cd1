namespace Enhance.Plugin.OfxBridge;

/// <summary>
/// A failure to report to the host as an OFX status. <see cref="UserMessage"/>, when present, is a
/// sentence for the user (what happened and what to do) that the exception wall posts through the
/// host's message suite.
/// </summary>
public class OfxException : Exception
{
    public OfxException(int status, string message, string? userMessage = null, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
        UserMessage = userMessage;
    }

    public int Status { get; }
    public string? UserMessage { get; }

    /// <summary>Throws when a suite call did not return kOfxStatOK.</summary>
    public static void ThrowIfFailed(int status, string what)
    {
        if (status != OfxStatus.OK)
            throw new OfxException(status, $"{what} failed with OFX status {OfxStatusNames.Describe(status)}.");
    }
}

/// <summary>Readable names for status codes, for logs and messages.</summary>
public static class OfxStatusNames
{
    public static string Describe(int status) => status switch
    {
        OfxStatus.OK => "kOfxStatOK",
        OfxStatus.Failed => "kOfxStatFailed",
        OfxStatus.ErrFatal => "kOfxStatErrFatal",
        OfxStatus.ErrUnknown => "kOfxStatErrUnknown",
        OfxStatus.ErrMissingHostFeature => "kOfxStatErrMissingHostFeature",
        OfxStatus.ErrUnsupported => "kOfxStatErrUnsupported",
        OfxStatus.ErrExists => "kOfxStatErrExists",
        OfxStatus.ErrFormat => "kOfxStatErrFormat",
        OfxStatus.ErrMemory => "kOfxStatErrMemory",
        OfxStatus.ErrBadHandle => "kOfxStatErrBadHandle",
        OfxStatus.ErrBadIndex => "kOfxStatErrBadIndex",
        OfxStatus.ErrValue => "kOfxStatErrValue",
        OfxStatus.ReplyYes => "kOfxStatReplyYes",
        OfxStatus.ReplyNo => "kOfxStatReplyNo",
        OfxStatus.ReplyDefault => "kOfxStatReplyDefault",
        OfxStatus.Unlicensed => "kOfxStatUnlicensed",
        OfxStatus.ErrImageFormat => "kOfxStatErrImageFormat",
        OfxStatus.GPUOutOfMemory => "kOfxStatGPUOutOfMemory",
        OfxStatus.GPURenderFailed => "kOfxStatGPURenderFailed",
        _ => $"status {status}",
    };
}
