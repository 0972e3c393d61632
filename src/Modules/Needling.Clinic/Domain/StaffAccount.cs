using Needling.Clinic.Auth;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Caching;
using Needling.SharedKernel.Concurrency;

namespace Needling.Clinic.Domain;

/// <summary>A staff sign-in. Roles are Admin, Receptionist, Practitioner; a practitioner account links to its practitioner.</summary>
/// <remarks>
/// Cached as <see cref="SecurityStamps.Region"/>: any save of an account clears the cached stamps on every instance.
/// The sign-in counters are written with ExecuteUpdate, which the cache does not see, so failed sign-ins do not.
/// </remarks>
[CachedAs(SecurityStamps.Region)]
internal sealed class StaffAccount : IAudited, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Version { get; set; }
    public string Username { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    /// <summary>Comma-separated role names; kept as text so every provider stores it the same way.</summary>
    public string Roles { get; set; } = "";
    public Guid? PractitionerId { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>An Admin who may read the audit trail of a patient (GET /audit): ids and times, never the record itself.</summary>
    public bool Auditor { get; set; }

    /// <summary>
    /// Copied into every token issued for the account; a token whose stamp is no longer this one is refused.
    /// Not a secret (tokens are signed): it only has to change when the tokens must end.
    /// </summary>
    public Guid SecurityStamp { get; private set; } = Guid.NewGuid();

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntilUtc { get; set; }

    public IReadOnlyList<string> RoleList() => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Ends every token issued so far: after a disable, a role change or a password reset.</summary>
    public void RevokeTokens() => SecurityStamp = Guid.NewGuid();

    public bool IsLockedAt(DateTime nowUtc) => LockedUntilUtc > nowUtc;
}
