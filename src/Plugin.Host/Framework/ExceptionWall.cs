using Enhance.Plugin.OfxBridge;

namespace Enhance.Plugin.Host.Framework;

/// <summary>
/// The wall between managed code and the host: every action runs inside it, and no exception ever
/// crosses into native code (an exception unwinding through an [UnmanagedCallersOnly] frame
/// terminates the host). A failure becomes an OFX status plus one sentence for the user, posted
/// through the host's message suite and written to stderr for logs.
/// </summary>
public static class ExceptionWall
{
    /// <summary>Runs <paramref name="action"/>; on failure reports it and returns the matching status.</summary>
    public static int Run(Func<int> action, HostSuites? suites, nint messageHandle, string pluginId, string actionName)
    {
        try
        {
            return action();
        }
        catch (Exception e)
        {
            var (status, sentence) = Classify(e, pluginId, actionName);
            Report(suites, messageHandle, pluginId, actionName, sentence, e);
            return status;
        }
    }

    /// <summary>The status and user-facing sentence for an exception.</summary>
    public static (int Status, string Sentence) Classify(Exception e, string pluginId, string actionName)
    {
        string node = NodeName(pluginId);
        return e switch
        {
            OfxException ofx => (ofx.Status, ofx.UserMessage ?? $"{node}: {ofx.Message}"),
            OutOfMemoryException or InsufficientExecutionStackException =>
                (OfxStatus.ErrMemory, $"{node} ran out of memory while rendering; lower its memory budget or render at a smaller size, and close other applications."),
            _ => (OfxStatus.Failed, $"{node} failed during {ShortAction(actionName)}: {e.Message} Please report this with the log."),
        };
    }

    private static void Report(HostSuites? suites, nint handle, string pluginId, string actionName, string sentence, Exception e)
    {
        try
        {
            Console.Error.WriteLine($"[Enhance] {pluginId} {actionName}: {sentence}");
            if (e is not OfxException { UserMessage: not null })
                Console.Error.WriteLine(e.ToString());
            // A GPU render we cannot serve is not the user's problem: the host renders it again on the CPU.
            if (suites is not null && e is not OfxException { Status: OfxStatus.GPURenderFailed })
                HostMessages.Post(suites, handle, MessageKind.Error, sentence);
        }
        catch
        {
            // Reporting must never become the failure that crosses the wall.
        }
    }

    private static string NodeName(string pluginId)
    {
        int dot = pluginId.LastIndexOf('.');
        return "Enhance " + (dot >= 0 ? pluginId[(dot + 1)..] : pluginId);
    }

    private static string ShortAction(string action) =>
        action.StartsWith("OfxImageEffectAction", StringComparison.Ordinal) ? action["OfxImageEffectAction".Length..]
        : action.StartsWith("OfxAction", StringComparison.Ordinal) ? action["OfxAction".Length..]
        : action;
}
