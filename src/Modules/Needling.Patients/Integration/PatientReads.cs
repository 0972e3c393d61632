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
    /// <summary>The patient, the current answers, the latest confirmation and when the answers were last reviewed.</summary>
    internal sealed record Loaded(PatientSummary Summary, List<ScreeningEntry> Entries, ScreeningConfirmationInfo? LastConfirmation, DateTime? LastReviewAtUtc,
        List<ScreeningAnswerRecord> Answers)
    {
        public bool IsReviewDue(DateTime nowUtc, int reviewDays) => ScreeningReviewPolicy.IsReviewDue(
            nowUtc, Entries.Count == 0 ? null : Entries.Min(e => e.RecordedAtUtc), LastReviewAtUtc, reviewDays);
    }

    // Compiled once: every booking asks. The confirmation and the review are two subqueries of the same statement
    // on the (PatientId, ConfirmedAtUtc) index, so the screening question still costs one round trip.
    private static readonly CompiledQuery<Func<PatientsDbContext, Guid, CancellationToken, Task<Loaded?>>> WithScreening = new(() =>
        EF.CompileAsyncQuery((PatientsDbContext db, Guid id, CancellationToken ct) => db.Patients.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new Loaded(
                new PatientSummary(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.PreferredLanguage, p.Email),
                db.ScreeningEntries.Where(e => e.PatientId == p.Id && e.SupersededAtUtc == null && !e.Removed).ToList(),
                db.ScreeningConfirmations.Where(c => c.PatientId == p.Id).OrderByDescending(c => c.ConfirmedAtUtc)
                    .Select(c => new ScreeningConfirmationInfo(c.ConfirmedAtUtc, c.ConfirmedBy, c.Actor, c.Reviewed)).FirstOrDefault(),
                db.ScreeningConfirmations.Where(c => c.PatientId == p.Id && c.Reviewed).Max(c => (DateTime?)c.ConfirmedAtUtc),
                db.ScreeningAnswers.Where(a => a.PatientId == p.Id && a.SupersededAtUtc == null).ToList()))
            .SingleOrDefault()));

    private Loaded? _pending;

    public async Task<PatientSummary?> SummaryAsync(Guid id, CancellationToken ct)
    {
        _pending = await WithScreening.For(db)(db, id, ct);
        return _pending?.Summary;
    }

    /// <summary>The current entries and confirmations, or null for an unknown patient; from the summary's read when it was this patient's.</summary>
    public async Task<Loaded?> ScreeningAsync(Guid id, CancellationToken ct)
    {
        var pending = _pending;
        _pending = null;
        if (pending is not null && pending.Summary.Id == id)
        {
            return pending;
        }
        return await WithScreening.For(db)(db, id, ct);
    }
}
