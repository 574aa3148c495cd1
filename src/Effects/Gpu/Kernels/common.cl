// Shared by every Enhance OpenCL kernel. OpenCL C 1.1/1.2, no extensions: Resolve may hand us any
// vendor's queue. Images are packed rows of floats (width x channels floats per row), addressed by
// canvas coordinates relative to the buffer's bounds (x1, y1).

// Keep a*b+c as two roundings, like the C# reference, so CPU and GPU agree to the last bits they can.
#pragma OPENCL FP_CONTRACT OFF

// FiniteSamples.Of: what a node accepts from the host as a sample. The CPU nodes convert the host's image
// through it; on the GPU the host's memory is read in place, so every kernel that reads the host's source
// reads it through this: NaN as 0, beyond +-65504 (half-float's largest value) as +-65504. Our own
// intermediates are finite and in range, so for them it changes nothing.
float finite_sample(float v)
{
    return v >= -65504.0f ? (v <= 65504.0f ? v : 65504.0f) : (v < -65504.0f ? -65504.0f : 0.0f);
}
