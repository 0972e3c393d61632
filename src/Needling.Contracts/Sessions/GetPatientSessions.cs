using MediatR;

namespace Needling.Contracts.Sessions;

/// <summary>
/// Asks for every treatment session of one patient, oldest first (empty for an unknown patient). Clinical notes:
/// only for a caller that may read them (a practitioner).
/// </summary>
/// <param name="PatientId">Patient id.</param>
public sealed record GetPatientSessions(Guid PatientId) : IRequest<IReadOnlyList<PatientSession>>;

/// <summary>One session as GET /sessions/{id} shows it: the record as it stands (after the latest amendment, if any).</summary>
/// <param name="Id">Session id.</param>
/// <param name="AppointmentId">The appointment it took place in.</param>
/// <param name="PractitionerId">The treating practitioner.</param>
/// <param name="TreatmentCode">Treatment code.</param>
/// <param name="Indication">Indication code.</param>
/// <param name="Status">in-progress or signed.</param>
/// <param name="StartedAtUtc">When it started (UTC).</param>
/// <param name="SignedAtUtc">When it was signed, if it was.</param>
/// <param name="ConsentId">The signed consent it went ahead on.</param>
/// <param name="Areas">Treated body-area codes with depth and passes; the areas planned at the start while nothing is recorded.</param>
/// <param name="Device">The device used (the booked one), if any.</param>
/// <param name="SterileItem">The single-use cartridge or roller, e.g. "12-pin cartridge, lot CT-2291", if recorded.</param>
/// <param name="AdverseEvents">Adverse events recorded (type and severity).</param>
/// <param name="Amendments">How many amendments corrected the record after signing.</param>
/// <param name="Overrides">Warnings the practitioner overrode, each with the written reason.</param>
public sealed record PatientSession(
    Guid Id, Guid AppointmentId, Guid PractitionerId, string TreatmentCode, string Indication, string Status, DateTime StartedAtUtc,
    DateTime? SignedAtUtc, Guid ConsentId, IReadOnlyList<SessionArea> Areas, SessionDevice? Device, string? SterileItem,
    IReadOnlyList<SignedAdverseEvent> AdverseEvents, int Amendments, IReadOnlyList<SessionOverrideRecord> Overrides);

/// <summary>A treated body area.</summary>
/// <param name="Area">Body-area code (GET /body-areas).</param>
/// <param name="DepthMm">Needle depth in mm, if recorded.</param>
/// <param name="Passes">Passes, if recorded.</param>
public sealed record SessionArea(string Area, decimal? DepthMm, int? Passes);

/// <summary>The device used.</summary>
/// <param name="Id">Device id.</param><param name="Name">Name.</param><param name="Serial">Serial number.</param>
public sealed record SessionDevice(Guid Id, string Name, string Serial);

/// <summary>A warning overridden with a written reason.</summary>
/// <param name="Id">Override id.</param>
/// <param name="Stage">start, record or amendment.</param>
/// <param name="RuleId">The rule that warned.</param>
/// <param name="RuleVersion">The rule's version.</param>
/// <param name="Finding">The warning as the practitioner saw it.</param>
/// <param name="Reason">The practitioner's written reason for going ahead.</param>
/// <param name="AtUtc">When (UTC).</param>
public sealed record SessionOverrideRecord(Guid Id, string Stage, string RuleId, int RuleVersion, string Finding, string Reason, DateTime AtUtc);
