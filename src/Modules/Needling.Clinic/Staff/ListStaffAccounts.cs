using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Data;

namespace Needling.Clinic.Staff;

internal static class ListStaffAccounts
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/staff", async (ClinicDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var accounts = await db.StaffAccounts.AsNoTracking().OrderBy(a => a.Username).ToListAsync(ct);
            return TypedResults.Ok(accounts.Select(a => StaffAccountDto.From(a, clock)).ToList());
        }).WithSummary("List staff accounts (Admin).");
}
