using Needling.SharedKernel.Audit;

namespace Needling.Clinic.Domain;

/// <summary>A staff sign-in. Roles are Admin, Receptionist, Practitioner; a practitioner account links to its practitioner.</summary>
internal sealed class StaffAccount : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Username { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    /// <summary>Comma-separated role names; kept as text so every provider stores it the same way.</summary>
    public string Roles { get; set; } = "";
    public Guid? PractitionerId { get; set; }
    public bool Active { get; set; } = true;

    public IReadOnlyList<string> RoleList() => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
