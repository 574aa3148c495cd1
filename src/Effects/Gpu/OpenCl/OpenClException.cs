namespace Enhance.Effects.Gpu.OpenCl;

/// <summary>An OpenCL call failed; carries the CL error code and what we were doing.</summary>
public sealed class OpenClException : Exception
{
    public OpenClException(string operation, int errorCode, string? detail = null)
        : base($"OpenCL {operation} failed with {Name(errorCode)} ({errorCode}).{(detail is null ? "" : " " + detail)}")
    {
        ErrorCode = errorCode;
    }

    public OpenClException(string message) : base(message) { }

    public int ErrorCode { get; }

    /// <summary>Throws unless <paramref name="errorCode"/> is CL_SUCCESS.</summary>
    internal static void Check(int errorCode, string operation)
    {
        if (errorCode != 0) throw new OpenClException(operation, errorCode);
    }

    // The codes a render can realistically meet; the rest print as numbers.
    private static string Name(int code) => code switch
    {
        -1 => "CL_DEVICE_NOT_FOUND",
        -4 => "CL_MEM_OBJECT_ALLOCATION_FAILURE",
        -5 => "CL_OUT_OF_RESOURCES",
        -6 => "CL_OUT_OF_HOST_MEMORY",
        -11 => "CL_BUILD_PROGRAM_FAILURE",
        -30 => "CL_INVALID_VALUE",
        -33 => "CL_INVALID_DEVICE",
        -34 => "CL_INVALID_CONTEXT",
        -36 => "CL_INVALID_COMMAND_QUEUE",
        -38 => "CL_INVALID_MEM_OBJECT",
        -44 => "CL_INVALID_PROGRAM",
        -46 => "CL_INVALID_KERNEL_NAME",
        -48 => "CL_INVALID_KERNEL",
        -49 => "CL_INVALID_ARG_INDEX",
        -50 => "CL_INVALID_ARG_VALUE",
        -51 => "CL_INVALID_ARG_SIZE",
        -52 => "CL_INVALID_KERNEL_ARGS",
        -54 => "CL_INVALID_WORK_GROUP_SIZE",
        -61 => "CL_INVALID_BUFFER_SIZE",
        _ => "CL error",
    };
}
