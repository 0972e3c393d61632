namespace Needling.ClinicalRules;

public sealed record TreatmentFacts(string Code, bool RequiresRegulatoryClearance, bool HasRegulatoryClearance);

public sealed record SessionFact(DateTime StartUtc, string TreatmentCode, string? Indication, SessionKind Kind);

// Everything a decision depends on, "today" and the clinic's time zone included, so that a decision can be
// replayed for an audit. Times are UTC (Kind Utc or Unspecified). History must not contain the session being decided (a rescheduled booking would
// otherwise collide with itself). TreatedAreas null or empty = the whole treatment area is unknown, so
// every area-scoped finding counts.
public sealed record EligibilityInput(RuleSet Rules, TreatmentFacts Treatment, string Indication, DateTime ProposedStartUtc,
    TimeZoneInfo ClinicTimeZone, PatientFacts Patient, PractitionerFacts Practitioner, IReadOnlyList<SessionFact> History,
    IReadOnlyList<string>? TreatedAreas);
