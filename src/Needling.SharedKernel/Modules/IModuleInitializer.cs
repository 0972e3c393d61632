namespace Needling.SharedKernel.Modules;

/// <summary>
/// What the host runs for each module before it serves requests (or in the `migrate` command):
/// apply the module's migrations, then load its seed data (and the demo data when asked).
/// </summary>
public interface IModuleInitializer
{
    /// <summary>Modules that others depend on for seed data go first.</summary>
    int Order { get; }

    Task MigrateAsync(CancellationToken ct);

    Task<bool> HasPendingMigrationsAsync(CancellationToken ct);

    Task SeedAsync(bool demo, CancellationToken ct);
}
