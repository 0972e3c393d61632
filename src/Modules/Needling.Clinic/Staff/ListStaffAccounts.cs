using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Data;

namespace Needling.Clinic.Staff;

internal static class ListStaffAccounts
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/staff", async (ClinicDbContext db, CancellationToken ct) =>
        {
            var accounts = await db.StaffAccounts.AsNoTracking().OrderBy(a => a.Username).ToListAsync(ct);
            return TypedResults.Ok(accounts.Select(StaffAccountDto.From).ToList());
        }).WithSummary("List staff accounts (Admin).");
}
