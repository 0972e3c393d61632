using MediatR;

namespace Needling.Contracts.Protocols;

/// <summary>
/// May this patient have this treatment, for this indication, from this practitioner, at this time?
/// Booking and session recording ask the same question. Unknown ids are refused with a problem, not answered.
/// </summary>
/// <param name="PatientId">Patient id.</param>
/// <param name="TreatmentCode">Treatment code, e.g. "MN-PEN".</param>
/// <param name="Indication">Indication code, e.g. "hyperpigmentation".</param>
/// <param name="PractitionerId">Practitioner id.</param>
/// <param name="StartUtc">Proposed start, UTC.</param>
/// <param name="TreatedAreas">Areas to be treated; null or empty means all recorded areas count.</param>
/// <param name="ExcludeAppointmentId">An appointment being rescheduled, which must not clash with itself.</param>
/// <param name="History">
/// The sessions that count, given by the caller: session recording passes the signed sessions it holds (never
/// future bookings). When null, booking history is asked for (completed and booked appointments).
/// </param>
public sealed record CheckEligibility(
    Guid PatientId, string TreatmentCode, string Indication, Guid PractitionerId, DateTime StartUtc,
    IReadOnlyList<string>? TreatedAreas = null, Guid? ExcludeAppointmentId = null,
    IReadOnlyList<Booking.TreatmentHistoryItem>? History = null) : IRequest<EligibilityResult>;

/// <summary>The answer: Allowed, AllowedWithWarnings or Refused, with every finding.</summary>
/// <param name="Outcome">Allowed, AllowedWithWarnings or Refused.</param>
/// <param name="RuleSetVersion">The rule-set version that decided; stored with every decision.</param>
/// <param name="Findings">Every rule that fired, blocks first.</param>
/// <param name="EarliestAllowedOn">First local date the minimum interval allows, when there is a previous session.</param>
public sealed record EligibilityResult(
    string Outcome, int RuleSetVersion, IReadOnlyList<EligibilityFinding> Findings, DateOnly? EarliestAllowedOn);

/// <summary>One rule that fired.</summary>
/// <param name="RuleId">Rule id, e.g. "ci.active-infection".</param>
/// <param name="RuleVersion">Version of that rule.</param>
/// <param name="Severity">Block or Warn.</param>
/// <param name="Message">Plain message for staff.</param>
/// <param name="Source">Citation of the rule's source.</param>
/// <param name="Evidence">Evidence level: A trial/review, B guideline, C practice, P clinic policy.</param>
public sealed record EligibilityFinding(string RuleId, int RuleVersion, string Severity, string Message, string Source, string Evidence);
