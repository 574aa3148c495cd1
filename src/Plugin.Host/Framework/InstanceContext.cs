using Enhance.Plugin.OfxBridge.Effects;

namespace Enhance.Plugin.Host.Framework;

/// <summary>What an instance is given at creation: its handle, the host, the context it was created in, Resolve's page.</summary>
public sealed record InstanceContext(ImageEffectHandle Effect, HostInfo Host, string Context, ResolvePage ResolvePage);
