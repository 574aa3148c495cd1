using System.Diagnostics;
using System.Reflection;
using Xunit;
using Xunit.Sdk;

namespace Enhance.GpuCheck;

/// <summary>
/// Runs the [Fact]/[Theory] methods of named xunit test classes the way xunit does for these
/// classes: a new instance per case, disposed after it, skips honoured (CudaFact says why, and so
/// does a data attribute's Skip: BackendRows' CUDA rows without CUDA), theory rows from
/// InlineData/MemberData/BackendRows. Rows holding one of <see cref="SkippedRowValues"/> (e.g. "OpenCL"
/// on a machine without an OpenCL runtime) and methods named in --skip-method are reported as
/// skipped, never as passed.
/// </summary>
public sealed class TestClassRunner(IReadOnlyList<Assembly> assemblies, IReadOnlyCollection<string> skippedRowValues,
                                    IReadOnlyCollection<string> skippedMethods)
{
    public IReadOnlyCollection<string> SkippedRowValues { get; } = skippedRowValues;

    public int Passed { get; private set; }
    public int Failed { get; private set; }
    public int Skipped { get; private set; }

    public void RunClass(string name)
    {
        var type = assemblies.SelectMany(a => a.GetTypes()).FirstOrDefault(t => t.Name == name || t.FullName == name);
        if (type is null)
        {
            Console.WriteLine($"MISSING {name}: no such test class in this build (not counted)");
            return;
        }
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var fact = method.GetCustomAttribute<FactAttribute>();
            if (fact is null) continue;
            string label = $"{type.Name}.{method.Name}";
            if (skippedMethods.Contains(method.Name))
            {
                Report("SKIP", label, "left out by --skip-method");
                continue;
            }
            if (fact.Skip is { Length: > 0 } reason)
            {
                Report("SKIP", label, reason);
                continue;
            }
            if (fact is TheoryAttribute)
            {
                foreach (var data in method.GetCustomAttributes<DataAttribute>())
                    foreach (var row in data.GetData(method))
                    {
                        string rowLabel = $"{label}({string.Join(", ", row)})";
                        if (data.Skip is { Length: > 0 } rowsSkipped) Report("SKIP", rowLabel, rowsSkipped);   // e.g. BackendRows' CUDA rows without CUDA
                        else RunCase(type, method, row, rowLabel);
                    }
            }
            else
            {
                RunCase(type, method, [], label);
            }
        }
    }

    private void RunCase(Type type, MethodInfo method, object?[] row, string label)
    {
        if (row.FirstOrDefault(v => v is string s && SkippedRowValues.Contains(s)) is string backend)
        {
            Report("SKIP", label, $"{backend} is not checked on this machine");
            return;
        }
        var clock = Stopwatch.StartNew();
        try
        {
            object instance = Activator.CreateInstance(type)!;
            try
            {
                object? result = method.Invoke(instance, row);
                if (result is Task task) task.GetAwaiter().GetResult();
            }
            finally
            {
                (instance as IDisposable)?.Dispose();
            }
            Report("PASS", label, $"{clock.ElapsedMilliseconds} ms");
        }
        catch (Exception e)
        {
            var inner = e is TargetInvocationException { InnerException: { } ie } ? ie : e;
            Report("FAIL", label, $"{clock.ElapsedMilliseconds} ms\n{inner}");
        }
    }

    private void Report(string outcome, string label, string detail)
    {
        switch (outcome)
        {
            case "PASS": Passed++; break;
            case "FAIL": Failed++; break;
            default: Skipped++; break;
        }
        Console.WriteLine($"{outcome} {label}: {detail}");
    }
}
