using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Security;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Hosting;

namespace Needling.Clinic.Staff;

/// <summary>Change a staff member's name, roles, active flag or auditor permission, or reset the password. Accounts are disabled, never deleted, so the audit trail keeps its actors.</summary>
internal static class UpdateStaffAccount
{
    internal sealed record Request(string DisplayName, IReadOnlyList<string> Roles, bool Active = true, string? NewPassword = null, bool Auditor = false);

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPut("/staff/{id:guid}", async (Guid id, Request r, HttpContext http, ClinicDbContext db, IPasswordHasher<StaffAccount> hasher, TimeProvider clock, CancellationToken ct) =>
        {
            var account = await db.StaffAccounts.FindAsync([id], ct) ?? throw new NotFoundException("Staff account", id);
            http.EnsureMatches(db, account, "staff account");
            var v = new Validator().NotBlank(r.DisplayName, "displayName", 200).Require(r.Roles.Count > 0, "roles", "at least one role is required.");
            foreach (var role in r.Roles)
            {
                v.OneOf(role, Roles.All, "roles");
            }
            v.Require(!r.Auditor || r.Roles.Contains(Roles.Admin), "auditor", "only an Admin account may be given the auditor permission.");
            v.Require(r.NewPassword is null || r.NewPassword.Length >= StaffAccounts.MinimumPasswordLength,
                "newPassword", $"must be at least {StaffAccounts.MinimumPasswordLength} characters.");
            v.ThrowIfUnprocessable();
            // Tokens already issued carry the old roles or permission, or belong to a leaver or to whoever knew the old password: end them.
            if (r.Active != account.Active || r.Auditor != account.Auditor || r.NewPassword is not null || !account.RoleList().ToHashSet().SetEquals(r.Roles))
            {
                account.RevokeTokens();
            }
            account.DisplayName = r.DisplayName.Trim();
            account.Roles = string.Join(',', r.Roles.Distinct());
            account.Active = r.Active;
            account.Auditor = r.Auditor;
            if (r.NewPassword is not null)
            {
                account.PasswordHash = hasher.HashPassword(account, r.NewPassword);
            }
            // An Admin who saves the account has seen it: a lockout after failed sign-ins ends here.
            account.FailedSignIns = 0;
            account.LockedUntilUtc = null;
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(StaffAccountDto.From(account, clock));
        }).WithSummary("Update a staff account: name, roles, active, auditor permission (Admin accounts only), password reset (Admin). A change of roles, active or auditor, or a new password, ends the account's tokens; any update releases a lockout. If-Match: the account's ETag (its version in the list).")
            .RequiresIfMatch()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
