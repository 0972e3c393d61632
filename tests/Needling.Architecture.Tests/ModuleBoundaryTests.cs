using System.Reflection;

namespace Needling.Architecture.Tests;

public sealed class ModuleBoundaryTests
{
    [Fact]
    public void There_are_modules_to_check()
    {
        Assert.Contains(Assemblies.Modules, m => m.GetName().Name == "Needling.Patients");
        Assert.True(Assemblies.Modules.Count >= 3);
    }

    [Fact]
    public void Modules_reference_only_the_contracts_the_shared_kernel_the_rules_engine_and_the_document_layer()
    {
        var allowed = new[] { "Needling.Contracts", "Needling.SharedKernel", "Needling.ClinicalRules", "Needling.Documents" };
        foreach (var module in Assemblies.Modules)
        {
            var other = module.NeedlingReferences().Except(allowed).ToList();
            Assert.True(other.Count == 0, $"{module.GetName().Name} references {string.Join(", ", other)}");
        }
    }

    [Fact]
    public void The_rules_engine_references_neither_EF_Core_nor_MediatR_nor_any_other_project()
    {
        var refs = Assemblies.ClinicalRules.AllReferences().ToList();
        Assert.DoesNotContain(refs, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(refs, r => r.StartsWith("MediatR", StringComparison.Ordinal));
        Assert.DoesNotContain(refs, r => r.StartsWith("Needling.", StringComparison.Ordinal));
        Assert.DoesNotContain(refs, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_contracts_depend_on_MediatR_alone()
    {
        var refs = Assemblies.Contracts.AllReferences().Where(r => r != "System.Runtime" && !r.StartsWith("System.", StringComparison.Ordinal) && r != "netstandard").ToList();
        Assert.Equal(["MediatR"], refs);
    }

    [Fact]
    public void A_module_shows_only_its_entry_point_to_the_rest_of_the_system()
    {
        foreach (var module in Assemblies.Modules)
        {
            var name = module.GetName().Name!;
            var expected = name.Replace("Needling.", "", StringComparison.Ordinal) + "Module";
            var exported = module.GetExportedTypes().Select(t => t.Name).ToList();
            Assert.True(exported.SequenceEqual([expected]), $"{name} exports {string.Join(", ", exported)}; only {expected} should be public.");
        }
    }

    [Fact]
    public void Classes_in_modules_are_sealed_unless_abstract()
    {
        foreach (var type in Assemblies.Modules.SelectMany(m => m.GetTypes()).Where(IsOwnClass))
        {
            Assert.True(type.IsSealed || type.IsAbstract, $"{type.FullName} should be sealed.");
        }
    }

    [Fact]
    public void Each_module_has_its_own_DbContext_and_no_module_maps_another_modules_entities()
    {
        foreach (var module in Assemblies.Modules.Where(m => !OwnsNoTables.Contains(m.GetName().Name!)))
        {
            var contexts = module.GetTypes().Where(t => t.BaseType?.FullName == "Microsoft.EntityFrameworkCore.DbContext").ToList();
            Assert.Single(contexts);
            var foreign = contexts[0].GetProperties()
                .Where(p => p.PropertyType.IsGenericType && p.PropertyType.Name.StartsWith("DbSet", StringComparison.Ordinal))
                .Select(p => p.PropertyType.GetGenericArguments()[0])
                .Where(e => e.Assembly != module && e.Assembly != Assemblies.SharedKernel)
                .ToList();
            Assert.Empty(foreign);
        }
    }

    /// <summary>Modules that only gather through other modules' contracts (the FHIR export): no tables, no EF Core at all.</summary>
    private static readonly HashSet<string> OwnsNoTables = ["Needling.Fhir"];

    [Fact]
    public void The_FHIR_export_owns_no_tables_and_reads_none()
    {
        var fhir = Assert.Single(Assemblies.Modules, m => OwnsNoTables.Contains(m.GetName().Name!));
        Assert.DoesNotContain(fhir.GetTypes(), t => t.BaseType?.FullName == "Microsoft.EntityFrameworkCore.DbContext");
        Assert.DoesNotContain(fhir.AllReferences(), r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Contracts_are_records_that_other_modules_cannot_change()
    {
        foreach (var type in Assemblies.Contracts.GetExportedTypes())
        {
            Assert.True(type.IsSealed, $"{type.FullName} should be sealed.");
            var setters = type.GetProperties().Where(p => p.SetMethod is { IsPublic: true } s && !s.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"));
            Assert.Empty(setters);
        }
    }

    private static bool IsOwnClass(Type t) =>
        t.IsClass && !t.IsNested && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null
        && !t.Name.StartsWith('<') && t.Namespace?.StartsWith("Needling.", StringComparison.Ordinal) == true && !t.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute));
}
