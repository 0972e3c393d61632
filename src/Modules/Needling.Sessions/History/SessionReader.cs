using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Needling.Sessions.Data;
using Needling.Sessions.Domain;
using Needling.SharedKernel.Errors;

namespace Needling.Sessions.History;

/// <summary>Loads sessions for the read side and for writes, and saves them with their concurrency check.</summary>
internal static class SessionReader
{
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static async Task<TreatmentSession> FindForWriteAsync(SessionsDbContext db, Guid id, CancellationToken ct) =>
        await db.Sessions.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Session", id);

    /// <summary>The record is the treating practitioner's to write and sign.</summary>
    public static void EnsureTreatingPractitioner(TreatmentSession session, ClaimsPrincipal user)
    {
        if (SessionActor.PractitionerId(user) != session.PractitionerId)
        {
            throw new RuleViolationException("session.not-treating-practitioner",
                "Only the practitioner who started the session writes and signs its record; others correct it by an amendment once it is signed.");
        }
    }

    public static async Task<SessionDto> LoadAsync(SessionsDbContext db, Guid id, CancellationToken ct) =>
        (await LoadManyAsync(db, db.Sessions.Where(s => s.Id == id), ct)).SingleOrDefault() ?? throw new NotFoundException("Session", id);

    public static async Task<IReadOnlyList<SessionDto>> LoadManyAsync(SessionsDbContext db, IQueryable<TreatmentSession> query, CancellationToken ct)
    {
        var sessions = await query.AsNoTracking().OrderByDescending(s => s.StartedAtUtc).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var overrides = (await db.Overrides.AsNoTracking().Where(o => ids.Contains(o.SessionId)).ToListAsync(ct)).ToLookup(o => o.SessionId);
        var amendments = (await db.Amendments.AsNoTracking().Where(a => ids.Contains(a.SessionId)).ToListAsync(ct)).ToLookup(a => a.SessionId);
        var course = await CourseNumbersAsync(db, sessions, ct);
        return sessions.Select(s => SessionDto.From(s, course.GetValueOrDefault(s.Id),
            overrides[s.Id].OrderBy(o => o.AtUtc).ToList(), amendments[s.Id].OrderBy(a => a.Number).ToList())).ToList();
    }

    /// <summary>
    /// Session n of the course: the place of each signed session among the patient's signed sessions of the same
    /// treatment and indication. Only signed sessions count (an unsigned one has no number).
    /// </summary>
    private static async Task<Dictionary<Guid, int>> CourseNumbersAsync(SessionsDbContext db, List<TreatmentSession> sessions, CancellationToken ct)
    {
        var patients = sessions.Where(s => s.Status == SessionStatus.Signed).Select(s => s.PatientId).Distinct().ToList();
        if (patients.Count == 0)
        {
            return [];
        }
        var signed = await db.Sessions.AsNoTracking()
            .Where(s => patients.Contains(s.PatientId) && s.Status == SessionStatus.Signed)
            .Select(s => new { s.Id, s.PatientId, s.TreatmentCode, s.Indication, s.StartedAtUtc }).ToListAsync(ct);
        return signed.GroupBy(s => (s.PatientId, s.TreatmentCode, s.Indication))
            .SelectMany(g => g.OrderBy(s => s.StartedAtUtc).Select((s, i) => (s.Id, Number: i + 1)))
            .ToDictionary(x => x.Id, x => x.Number);
    }

    public static SessionRecord? Record(string? json) => json is null ? null : JsonSerializer.Deserialize<SessionRecord>(json, Json);
}
