using Microsoft.EntityFrameworkCore;
using Needling.Contracts.Patients;
using Needling.Patients.Data;
using Needling.Patients.Domain;
using Needling.SharedKernel.Data;

namespace Needling.Patients.Integration;

/// <summary>
/// A booking asks for the same patient twice in one request: the summary (Booking, for the initials) and,
/// a moment later, the screening (Protocols, for eligibility). The summary query brings the current
/// screening entries along, and the screening question takes them once, so a booking reads the patient
/// in one round trip instead of two (docs/benchmarks.md, booking throughput). Scoped to the request, and
/// handed out only once, so nothing read here outlives the question it was read for.
/// </summary>
internal sealed class PatientReads(PatientsDbContext db)
{
    internal sealed record Loaded(PatientSummary Summary, List<ScreeningEntry> Entries);

    // Compiled once: every booking asks.
    private static readonly CompiledQuery<Func<PatientsDbContext, Guid, CancellationToken, Task<Loaded?>>> WithScreening = new(() =>
        EF.CompileAsyncQuery((PatientsDbContext db, Guid id, CancellationToken ct) => db.Patients.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new Loaded(
                new PatientSummary(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.PreferredLanguage, p.Email),
                db.ScreeningEntries.Where(e => e.PatientId == p.Id && e.SupersededAtUtc == null && !e.Removed).ToList()))
            .SingleOrDefault()));

    private Loaded? _pending;

    public async Task<PatientSummary?> SummaryAsync(Guid id, CancellationToken ct)
    {
        _pending = await WithScreening.For(db)(db, id, ct);
        return _pending?.Summary;
    }

    /// <summary>The current entries, or null for an unknown patient; from the summary's read when it was this patient's.</summary>
    public async Task<List<ScreeningEntry>?> CurrentEntriesAsync(Guid id, CancellationToken ct)
    {
        var pending = _pending;
        _pending = null;
        if (pending is not null && pending.Summary.Id == id)
        {
            return pending.Entries;
        }
        return (await WithScreening.For(db)(db, id, ct))?.Entries;
    }
}
