using System.Text.Json;
using Needling.Sessions.Domain;
using Needling.SharedKernel.Concurrency;

namespace Needling.Sessions.History;

internal sealed record OverrideDto(Guid Id, string Stage, int? AmendmentNumber, string RuleId, int RuleVersion, int RuleSetVersion, string Finding, string Reason, string By, DateTime AtUtc);

internal sealed record AmendmentDto(int Number, string Reason, SessionRecord Record, int RuleSetVersion, string By, DateTime AtUtc);

/// <summary>
/// A session as practitioners read it: the record as it stands (the latest amendment, or the original), the
/// original as signed, every amendment and every override, each with who and when. CourseSessionNumber: session n of
/// the patient's course of this treatment and indication, counting signed sessions only (null until signed).
/// Version (the ETag): raised by every write, sign and amendment; writing the record, signing and amending name it in If-Match.
/// </summary>
internal sealed record SessionDto(
    Guid Id, Guid AppointmentId, Guid PatientId, Guid PractitionerId, string TreatmentCode, string Indication, string Status,
    DateTime StartedAtUtc, string StartedBy, IReadOnlyList<string> PlannedAreas, int RuleSetVersion, string EligibilityOutcome, Guid ConsentId,
    SessionRecord? Record, SessionRecord? OriginalRecord, DateTime? SignedAtUtc, string? SignedBy, DateOnly? NextEligibleOn, int? CourseSessionNumber,
    IReadOnlyList<OverrideDto> Overrides, IReadOnlyList<AmendmentDto> Amendments, int Version) : IVersionedResource
{
    public static SessionDto From(TreatmentSession s, int courseNumber, IReadOnlyList<SessionOverride> overrides, IReadOnlyList<SessionAmendment> amendments)
    {
        var original = SessionReader.Record(s.RecordJson);
        var corrected = amendments.Select(a => new AmendmentDto(a.Number, a.Reason, SessionReader.Record(a.RecordJson)!, a.RuleSetVersion, a.By, a.AtUtc)).ToList();
        return new SessionDto(
            s.Id, s.AppointmentId, s.PatientId, s.PractitionerId, s.TreatmentCode, s.Indication, s.Status, s.StartedAtUtc, s.StartedBy,
            JsonSerializer.Deserialize<List<string>>(s.PlannedAreasJson) ?? [], s.RuleSetVersion, s.EligibilityOutcome, s.ConsentId,
            corrected.Count > 0 ? corrected[^1].Record : original, original, s.SignedAtUtc, s.SignedBy, s.NextEligibleOn, courseNumber > 0 ? courseNumber : null,
            overrides.Select(o => new OverrideDto(o.Id, o.Stage, amendments.FirstOrDefault(a => a.Id == o.AmendmentId)?.Number, o.RuleId, o.RuleVersion,
                o.RuleSetVersion, o.Finding, o.Reason, o.By, o.AtUtc)).ToList(),
            corrected, s.Revision);
    }
}
