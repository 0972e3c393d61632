using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Security;

namespace Needling.Clinic.Staff;

/// <summary>Creating an account is shared by the admin endpoint, the create-admin command and the demo seed.</summary>
internal static class StaffAccounts
{
    /// <summary>NIST SP 800-63B asks for at least 8 characters; we ask for 12 because these accounts see health data.</summary>
    public const int MinimumPasswordLength = 12;

    public static async Task<StaffAccount> CreateAsync(
        ClinicDbContext db, IPasswordHasher<StaffAccount> hasher, string username, string displayName, string password,
        IReadOnlyList<string> roles, Guid? practitionerId, CancellationToken ct)
    {
        var v = new Validator()
            .NotBlank(username, "username", 100)
            .NotBlank(displayName, "displayName", 200)
            .Require(password.Length >= MinimumPasswordLength, "password", $"must be at least {MinimumPasswordLength} characters.")
            .Require(roles.Count > 0, "roles", "at least one role is required.");
        foreach (var role in roles)
        {
            v.OneOf(role, Roles.All, "roles");
        }
        v.Require(practitionerId is null || roles.Contains(Roles.Practitioner), "practitionerId", "only a Practitioner account links to a practitioner.");
        v.ThrowIfUnprocessable();
        var name = username.Trim();
        if (await db.StaffAccounts.AnyAsync(a => a.Username == name, ct))
        {
            throw new ConflictException($"The username '{name}' is taken.");
        }
        if (practitionerId is { } pid && !await db.Practitioners.AnyAsync(p => p.Id == pid, ct))
        {
            throw new NotFoundException("Practitioner", pid);
        }
        var account = new StaffAccount
        {
            Username = name,
            DisplayName = displayName.Trim(),
            Roles = string.Join(',', roles.Distinct()),
            PractitionerId = practitionerId,
        };
        account.PasswordHash = hasher.HashPassword(account, password);
        db.StaffAccounts.Add(account);
        await db.SaveChangesAsync(ct);
        return account;
    }
}
