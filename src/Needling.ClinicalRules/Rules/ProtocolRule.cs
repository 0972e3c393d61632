namespace Needling.ClinicalRules;

// Allowed needle depth for one zone, inclusive at both ends.
public sealed record DepthRange(string Zone, decimal MinMm, decimal MaxMm);

// The protocol for one treatment + indication. IntervalCountsTreatments lists the treatment codes whose
// sessions (completed or booked, before or after) must be at least MinIntervalDays local calendar days away.
// OutOfRangeSeverity: what a depth or a number of passes outside the protocol's range is at the session. Block
// by default: depth errors cause pigmentation and scarring (seed 002); a clinic may lower it to Warn, which then
// needs the practitioner's written override.
public sealed record ProtocolRule(string Id, int Version, string TreatmentCode, string Indication,
    int MinIntervalDays, IReadOnlyList<string> IntervalCountsTreatments, int? CourseMinSessions, int? CourseMaxSessions,
    IReadOnlyList<DepthRange> Depths, int? PassesMin, int? PassesMax, IReadOnlyList<string> RequiredQualifications,
    RuleSource Source, string? Note, Severity OutOfRangeSeverity = Severity.Block);
