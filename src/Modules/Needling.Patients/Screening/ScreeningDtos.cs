using Needling.Patients.Domain;
using Needling.SharedKernel.Concurrency;

namespace Needling.Patients.Screening;

/// <summary>A screening answer as staff enter it. Dates are local calendar dates, as a clinician records them.</summary>
internal sealed record ScreeningAnswer(
    string Kind, string Code, string? Name = null, string? Area = null, string? Severity = null,
    DateOnly? StartedOn = null, DateOnly? EndedOn = null, string? Notes = null);

internal sealed record ScreeningEntryDto(
    Guid EntryKey, int Revision, string Kind, string Code, string? Name, string? Area, string? Severity,
    DateOnly? StartedOn, DateOnly? EndedOn, string? Notes, bool Removed, string RecordedBy, DateTime RecordedAtUtc, DateTime? SupersededAtUtc) : IVersionedResource
{
    // An answer's ETag is its revision: each change makes the next one.
    int IVersionedResource.Version => Revision;

    public static ScreeningEntryDto From(ScreeningEntry e) => new(
        e.EntryKey, e.Revision, e.Kind, e.Code, e.Name, e.Area, e.Severity, e.StartedOn, e.EndedOn, e.Notes,
        e.Removed, e.RecordedBy, e.RecordedAtUtc, e.SupersededAtUtc);
}
