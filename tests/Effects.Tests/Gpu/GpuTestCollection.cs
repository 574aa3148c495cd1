using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// GPU test classes run one after another: the program/module caches are process-wide, and a test
/// that purges them must not pull a program from under another class's running test.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GpuTestCollection
{
    public const string Name = "GPU (shared caches)";
}
