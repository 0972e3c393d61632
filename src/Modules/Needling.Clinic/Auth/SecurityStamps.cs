using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Needling.Clinic.Data;
using Needling.SharedKernel.Caching;
using Needling.SharedKernel.Security;

namespace Needling.Clinic.Auth;

/// <summary>
/// Every authenticated request asks whether its token's stamp is still its account's. The answer comes from
/// the <see cref="ReferenceCache"/>: one dictionary lookup per request, a query only when the account was not
/// asked about recently or something about staff accounts changed. Saving a <see cref="Domain.StaffAccount"/>
/// clears the region here at once and, on PostgreSQL, on the other instances through the cache's channel.
/// </summary>
internal sealed class SecurityStamps(ReferenceCache cache, IServiceScopeFactory scopes) : ISecurityStamps
{
    public const string Region = "clinic.staff";

    /// <summary>
    /// Shorter than other reference data's backstop: should a notification to another instance be lost (the
    /// write commits, the NOTIFY fails), a revoked token still works there for at most this long.
    /// </summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    public async ValueTask<bool> IsCurrentAsync(Guid accountId, Guid stamp, CancellationToken ct) =>
        await cache.GetAsync(Region, accountId, c => CurrentStampAsync(accountId, c), MaxAge, ct) == stamp;

    /// <summary>The account's stamp, or null for an account that is disabled or does not exist: no stamp matches then.</summary>
    private async Task<Guid?> CurrentStampAsync(Guid accountId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return await db.StaffAccounts.AsNoTracking()
            .Where(a => a.Id == accountId && a.Active)
            .Select(a => (Guid?)a.SecurityStamp)
            .SingleOrDefaultAsync(ct);
    }
}
