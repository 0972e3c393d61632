namespace Needling.SharedKernel.Caching;

/// <summary>
/// Marks an entity whose rows feed a <see cref="ReferenceCache"/> region: saving, changing or deleting one
/// invalidates that region on every instance.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CachedAsAttribute(string region) : Attribute
{
    public string Region { get; } = region;
}
