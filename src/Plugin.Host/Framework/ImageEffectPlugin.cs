namespace Enhance.Plugin.Host.Framework;

/// <summary>
/// One node of the suite as the host sees it: identity, description, and a factory of instances.
/// Subclasses hold no per-instance state; everything per instance lives in the
/// <see cref="ImageEffectInstance"/> they create.
/// </summary>
public abstract class ImageEffectPlugin
{
    public abstract string Identifier { get; }
    public virtual uint VersionMajor => 1;
    public virtual uint VersionMinor => 0;

    /// <summary>kOfxActionDescribe: labels, contexts, depths, capabilities.</summary>
    public abstract void Describe(EffectDescriptor descriptor);

    /// <summary>kOfxImageEffectActionDescribeInContext: clips and parameters.</summary>
    public abstract void DescribeInContext(EffectDescriptor descriptor, string context);

    /// <summary>kOfxActionCreateInstance.</summary>
    public abstract ImageEffectInstance CreateInstance(InstanceContext context);

    /// <summary>kOfxActionPurgeCaches: drop process-wide caches (models...). Instances get their own call.</summary>
    public virtual void PurgeCaches() { }
}
