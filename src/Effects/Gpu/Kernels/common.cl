// Shared by every Enhance OpenCL kernel. OpenCL C 1.1/1.2, no extensions: Resolve may hand us any
// vendor's queue. Images are packed rows of floats (width x channels floats per row), addressed by
// canvas coordinates relative to the buffer's bounds (x1, y1).

// Keep a*b+c as two roundings, like the C# reference, so CPU and GPU agree to the last bits they can.
#pragma OPENCL FP_CONTRACT OFF
