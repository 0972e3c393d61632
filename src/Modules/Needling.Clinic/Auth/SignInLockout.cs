using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Needling.Clinic.Data;

namespace Needling.Clinic.Auth;

/// <summary>
/// Locks an account after repeated failed sign-ins, beside the per-address rate limit: that one slows a guesser
/// at one address, this one a guesser spread over many. Kept in the account's row, so every instance sees it.
/// </summary>
internal sealed record SignInLockout(int MaxFailedSignIns, TimeSpan Duration)
{
    /// <summary>Auth:LockoutAfterFailedSignIns (default 5; 0 switches lockout off) and Auth:LockoutMinutes (default 15).</summary>
    public static SignInLockout From(IConfiguration config)
    {
        var failures = config.GetValue<int?>("Auth:LockoutAfterFailedSignIns") ?? 5;
        var minutes = config.GetValue<int?>("Auth:LockoutMinutes") ?? 15;
        if (failures < 0 || minutes < 1)
        {
            throw new InvalidOperationException("Auth:LockoutAfterFailedSignIns must be 0 or more and Auth:LockoutMinutes 1 or more.");
        }
        return new SignInLockout(failures, TimeSpan.FromMinutes(minutes));
    }

    public bool Enabled => MaxFailedSignIns > 0;

    /// <summary>
    /// Counts a failure, and locks the account when it is the last one allowed. One UPDATE, so failures arriving
    /// at once on several instances are all counted. Written past the change tracker on purpose: the stamp cache
    /// need not be cleared for a failed sign-in (it would be, on every instance, by a tracked save).
    /// </summary>
    public async Task<bool> RecordFailureAsync(ClinicDbContext db, Guid accountId, int failedSoFar, DateTime nowUtc)
    {
        if (!Enabled)
        {
            return false;
        }
        DateTime? until = nowUtc + Duration;
        var max = MaxFailedSignIns;
        // Not cancellable: a guesser who hangs up must still be counted.
        await db.StaffAccounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.LockedUntilUtc, a => a.FailedSignIns + 1 >= max ? until : a.LockedUntilUtc)
            .SetProperty(a => a.FailedSignIns, a => a.FailedSignIns + 1 >= max ? 0 : a.FailedSignIns + 1), CancellationToken.None);
        return failedSoFar + 1 >= max;
    }

    public static Task ResetAsync(ClinicDbContext db, Guid accountId, CancellationToken ct) =>
        db.StaffAccounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedSignIns, 0), ct);
}
