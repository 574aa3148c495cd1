namespace Enhance.Plugin.OfxBridge;

/// <summary>Message severities of the OFX message suite.</summary>
public enum MessageKind { Error, Warning, Message, Log, Fatal }

/// <summary>
/// Messages to the user through the host's message suite (through the shim's "%s" wrappers: the
/// suite's functions are C-variadic, and text must never be used as a format string).
/// </summary>
public static unsafe class HostMessages
{
    public static bool Post(HostSuites suites, nint handle, MessageKind kind, string text)
    {
        if (suites.MessageV1 == null || suites.Shim == null) return false;
        using var t = new Utf8Value(text);
        return suites.Shim->Message(suites.MessageV1, (void*)handle, Utf8Names.Get(TypeName(kind)), null, t.Pointer) == OfxStatus.OK;
    }

    /// <summary>A message that stays on the node (message suite v2) until cleared. False when the host lacks v2.</summary>
    public static bool SetPersistent(HostSuites suites, nint handle, MessageKind kind, string text)
    {
        if (suites.MessageV2 == null || suites.Shim == null) return false;
        using var t = new Utf8Value(text);
        return suites.Shim->SetPersistentMessage(suites.MessageV2, (void*)handle, Utf8Names.Get(TypeName(kind)), null, t.Pointer) == OfxStatus.OK;
    }

    public static void ClearPersistent(HostSuites suites, nint handle)
    {
        if (suites.MessageV2 != null && suites.MessageV2->ClearPersistentMessage != null)
            suites.MessageV2->ClearPersistentMessage((void*)handle);
    }

    private static string TypeName(MessageKind kind) => kind switch
    {
        MessageKind.Error => OfxNames.MessageError,
        MessageKind.Warning => OfxNames.MessageWarning,
        MessageKind.Log => OfxNames.MessageLog,
        MessageKind.Fatal => OfxNames.MessageFatal,
        _ => OfxNames.MessageMessage,
    };
}
