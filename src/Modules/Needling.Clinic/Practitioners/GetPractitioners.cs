using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Data;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;

namespace Needling.Clinic.Practitioners;

internal static class GetPractitioners
{
    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/practitioners", async (ClinicDbContext db, CancellationToken ct) =>
        {
            var all = await db.Practitioners.AsNoTracking().Include(p => p.Qualifications).OrderBy(p => p.DisplayName).ToListAsync(ct);
            return TypedResults.Ok(all.Select(PractitionerDto.From).ToList());
        }).WithSummary("List practitioners.");

        staff.MapGet("/practitioners/{id:guid}", async (Guid id, ClinicDbContext db, CancellationToken ct) =>
        {
            var p = await db.Practitioners.AsNoTracking().Include(x => x.Qualifications).SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException("Practitioner", id);
            return TypedResults.Ok(PractitionerDto.From(p));
        }).WithSummary("One practitioner; the ETag is what a change sends as If-Match.")
            .AnswersETag();
    }
}
