using Needling.Clinic.Domain;

namespace Needling.Clinic.Staff;

internal sealed record StaffAccountDto(Guid Id, string Username, string DisplayName, IReadOnlyList<string> Roles, Guid? PractitionerId, bool Active)
{
    public static StaffAccountDto From(StaffAccount a) => new(a.Id, a.Username, a.DisplayName, a.RoleList(), a.PractitionerId, a.Active);
}
