using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Hosting;

namespace Needling.Clinic.Staff;

internal static class CreateStaffAccount
{
    internal sealed record Request(string Username, string DisplayName, string Password, IReadOnlyList<string> Roles, Guid? PractitionerId = null);

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPost("/staff", async (Request r, ClinicDbContext db, IPasswordHasher<StaffAccount> hasher, TimeProvider clock, CancellationToken ct) =>
        {
            var account = await StaffAccounts.CreateAsync(db, hasher, r.Username, r.DisplayName, r.Password, r.Roles, r.PractitionerId, ct);
            return TypedResults.Created($"/staff/{account.Id}", StaffAccountDto.From(account, clock));
        }).WithSummary("Create a staff account (Admin).")
            .AnswersETag(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
