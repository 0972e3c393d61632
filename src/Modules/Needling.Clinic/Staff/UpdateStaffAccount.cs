using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Security;

namespace Needling.Clinic.Staff;

/// <summary>Change a staff member's name, roles or active flag, or reset the password. Accounts are disabled, never deleted, so the audit trail keeps its actors.</summary>
internal static class UpdateStaffAccount
{
    internal sealed record Request(string DisplayName, IReadOnlyList<string> Roles, bool Active = true, string? NewPassword = null);

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPut("/staff/{id:guid}", async (Guid id, Request r, ClinicDbContext db, IPasswordHasher<StaffAccount> hasher, CancellationToken ct) =>
        {
            var account = await db.StaffAccounts.FindAsync([id], ct) ?? throw new NotFoundException("Staff account", id);
            var v = new Validator().NotBlank(r.DisplayName, "displayName", 200).Require(r.Roles.Count > 0, "roles", "at least one role is required.");
            foreach (var role in r.Roles)
            {
                v.OneOf(role, Roles.All, "roles");
            }
            v.Require(r.NewPassword is null || r.NewPassword.Length >= StaffAccounts.MinimumPasswordLength,
                "newPassword", $"must be at least {StaffAccounts.MinimumPasswordLength} characters.");
            v.ThrowIfInvalid();
            account.DisplayName = r.DisplayName.Trim();
            account.Roles = string.Join(',', r.Roles.Distinct());
            account.Active = r.Active;
            if (r.NewPassword is not null)
            {
                account.PasswordHash = hasher.HashPassword(account, r.NewPassword);
            }
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(StaffAccountDto.From(account));
        }).WithSummary("Update a staff account: name, roles, active, password reset (Admin).");
}
