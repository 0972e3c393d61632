using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Patients.Data;
using Needling.Patients.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Errors;

namespace Needling.Patients.Registration;

/// <summary>
/// Find patients by name, date of birth or phone. A POST, because names and birth dates are patient
/// data and must not appear in URLs, where proxies and access logs keep them.
/// </summary>
internal static class FindPatients
{
    internal sealed record Request(string? Name = null, DateOnly? DateOfBirth = null, string? Phone = null, int? Limit = null);

    public static void Map(RouteGroupBuilder desk) =>
        desk.MapPost("/patients/search", async (Request r, PatientsDbContext db, ReadAudit audit, CancellationToken ct) =>
        {
            var name = r.Name is null ? null : Patient.Normalise(r.Name);
            var digits = r.Phone is null ? null : new string(r.Phone.Where(char.IsAsciiDigit).ToArray());
            new Validator()
                .Require(!string.IsNullOrEmpty(name) || r.DateOfBirth is not null || !string.IsNullOrEmpty(digits), "name", "give a name, a date of birth or a phone number.")
                .Require(name is null || name.Length >= 2, "name", "must be at least 2 characters.")
                .Require(digits is null || digits.Length >= 4, "phone", "must have at least 4 digits.")
                .Require(r.Limit is null or (>= 1 and <= 200), "limit", "must be between 1 and 200.")
                .ThrowIfInvalid();
            var query = db.Patients.AsNoTracking();
            if (!string.IsNullOrEmpty(name))
            {
                query = query.Where(p => p.SearchName.Contains(name));
            }
            if (r.DateOfBirth is { } dob)
            {
                query = query.Where(p => p.DateOfBirth == dob);
            }
            if (!string.IsNullOrEmpty(digits))
            {
                query = query.Where(p => p.PhoneDigits != null && p.PhoneDigits.EndsWith(digits));
            }
            var found = await query.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).Take(r.Limit ?? 50).ToListAsync(ct);
            // Every patient in the answer had their name, birth date and phone shown: a read of each (ids only, not the criteria).
            await audit.RecordEachPatientAsync(db, "PatientSearch", found.Select(p => (p.Id, p.Id)), ct: ct);
            return TypedResults.Ok(found.Select(PatientDto.From).ToList());
        }).WithSummary("Find patients by name, date of birth and/or phone (criteria in the body, never the URL).");
}
