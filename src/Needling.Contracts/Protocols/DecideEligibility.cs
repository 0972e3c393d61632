using MediatR;
using Needling.Contracts.Clinic;
using Needling.Contracts.Patients;

namespace Needling.Contracts.Protocols;

/// <summary>
/// May this patient have this treatment, for this indication, from this practitioner, at this time? The caller
/// gathers every fact once (from its own tables and from the modules that own them) and Protocols only applies the
/// rule set in force: Protocols never calls back into whoever asked. Booking passes its booked and completed
/// appointments; session recording passes its signed sessions.
/// </summary>
/// <param name="Screening">The patient's screening answers.</param>
/// <param name="Practitioner">Who would treat.</param>
/// <param name="Treatment">The treatment.</param>
/// <param name="Indication">Indication code, e.g. "hyperpigmentation".</param>
/// <param name="StartUtc">Proposed start, UTC.</param>
/// <param name="Clinic">The clinic: its time zone decides which day a session falls on.</param>
/// <param name="History">
/// The patient's sessions of any treatment (the rule set decides which count), never the session being decided:
/// an appointment being rescheduled is left out by whoever asks.
/// </param>
/// <param name="TreatedAreas">Areas to be treated; null or empty means all recorded areas count.</param>
/// <param name="Device">The device booked for the session (its maintenance due date is checked); null when none.</param>
/// <param name="ElectricalStimulation">Whether the session uses electrical stimulation; null when not known (a booking).</param>
public sealed record DecideEligibility(
    PatientScreening Screening, PractitionerInfo Practitioner, TreatmentInfo Treatment, string Indication, DateTime StartUtc,
    ClinicProfile Clinic, IReadOnlyList<TreatmentHistoryItem> History, IReadOnlyList<string>? TreatedAreas = null,
    DeviceInfo? Device = null, bool? ElectricalStimulation = null) : IRequest<EligibilityResult>;

/// <summary>One past session or booked appointment.</summary>
/// <param name="StartUtc">Start, UTC.</param>
/// <param name="TreatmentCode">Treatment code.</param>
/// <param name="Indication">Indication, if recorded.</param>
/// <param name="Completed">True for a completed session, false for a booking still to come.</param>
/// <param name="Areas">Body areas it treats (treats); null when not recorded, and then it counts against every area.</param>
public sealed record TreatmentHistoryItem(DateTime StartUtc, string TreatmentCode, string? Indication, bool Completed, IReadOnlyList<string>? Areas = null);
