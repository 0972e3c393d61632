namespace Needling.ClinicalRules;

public sealed record TreatmentFacts(string Code, bool RequiresRegulatoryClearance, bool HasRegulatoryClearance);

// Areas: where the session treats (null or empty = unknown, so it counts against every area).
public sealed record SessionFact(DateTime StartUtc, string TreatmentCode, string? Indication, SessionKind Kind,
    IReadOnlyList<string>? Areas = null);

// The device booked for the session. MaintenanceDueOn is the last day it may be used before its maintenance.
public sealed record DeviceFacts(string Serial, DateOnly? MaintenanceDueOn);

// Everything a decision depends on, "today" and the clinic's time zone included, so that a decision can be
// replayed for an audit. Times are UTC (Kind Utc or Unspecified). History must not contain the session being decided (a rescheduled booking would
// otherwise collide with itself). TreatedAreas null or empty = the whole treatment area is unknown, so
// every area-scoped finding counts. ElectricalStimulation null = not known yet (a booking), read cautiously.
public sealed record EligibilityInput(RuleSet Rules, TreatmentFacts Treatment, string Indication, DateTime ProposedStartUtc,
    TimeZoneInfo ClinicTimeZone, PatientFacts Patient, PractitionerFacts Practitioner, IReadOnlyList<SessionFact> History,
    IReadOnlyList<string>? TreatedAreas, DeviceFacts? Device = null, bool? ElectricalStimulation = null);
