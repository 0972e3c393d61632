using System.Reflection;

namespace Needling.Architecture.Tests;

/// <summary>The solution's own assemblies, found by name so a new module is checked without editing this file.</summary>
internal static class Assemblies
{
    public static readonly Assembly Api = typeof(Program).Assembly;
    public static readonly Assembly SharedKernel = typeof(Needling.SharedKernel.Security.Roles).Assembly;
    public static readonly Assembly Contracts = typeof(Needling.Contracts.Protocols.DecideEligibility).Assembly;
    public static readonly Assembly ClinicalRules = typeof(Needling.ClinicalRules.EligibilityEngine).Assembly;

    /// <summary>Every module assembly the host references: Needling.X where X is not one of the shared parts.</summary>
    public static IReadOnlyList<Assembly> Modules { get; } = Api.GetReferencedAssemblies()
        .Where(n => n.Name!.StartsWith("Needling.", StringComparison.Ordinal))
        .Select(Assembly.Load)
        .Where(a => a != SharedKernel && a != Contracts && a != ClinicalRules && a.GetName().Name != "Needling.Documents"
            && !a.GetName().Name!.StartsWith("Needling.Migrations", StringComparison.Ordinal))
        .ToList();

    public static IEnumerable<string> NeedlingReferences(this Assembly a) =>
        a.GetReferencedAssemblies().Select(n => n.Name!).Where(n => n.StartsWith("Needling.", StringComparison.Ordinal));

    public static IEnumerable<string> AllReferences(this Assembly a) => a.GetReferencedAssemblies().Select(n => n.Name!);
}
