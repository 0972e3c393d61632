using Needling.Clinic.Domain;
using Needling.SharedKernel.Concurrency;

namespace Needling.Clinic.Staff;

/// <summary>
/// An account as an Admin sees it; <c>LockedUntilUtc</c> only while a lockout after failed sign-ins lasts; <c>Auditor</c>:
/// the Admin may read patients' audit trails.
/// </summary>
internal sealed record StaffAccountDto(Guid Id, string Username, string DisplayName, IReadOnlyList<string> Roles, Guid? PractitionerId, bool Active, DateTime? LockedUntilUtc, bool Auditor, int Version) : IVersionedResource
{
    public static StaffAccountDto From(StaffAccount a, TimeProvider clock) =>
        new(a.Id, a.Username, a.DisplayName, a.RoleList(), a.PractitionerId, a.Active, a.IsLockedAt(clock.GetUtcNow().UtcDateTime) ? a.LockedUntilUtc : null, a.Auditor, a.Version);
}
