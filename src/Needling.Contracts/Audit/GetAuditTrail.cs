using MediatR;

namespace Needling.Contracts.Audit;

/// <summary>
/// Which part of a patient's audit trail to read: every write to and read of that patient's record, oldest first,
/// optionally within [<paramref name="FromUtc"/>, <paramref name="ToUtc"/>). Sent to each module in its own request
/// type below, so that each module answers from its own audit log.
/// </summary>
/// <param name="PatientId">Patient id.</param>
/// <param name="FromUtc">From this instant (UTC, inclusive), if given.</param>
/// <param name="ToUtc">Until this instant (UTC, exclusive), if given.</param>
public sealed record AuditTrailQuery(Guid PatientId, DateTime? FromUtc, DateTime? ToUtc);

/// <summary>The Patients module's part: the patient's details and screening.</summary>
/// <param name="Query">Which patient, and when.</param>
public sealed record GetPatientsAuditTrail(AuditTrailQuery Query) : IRequest<IReadOnlyList<AuditTrailEntry>>;

/// <summary>The Booking module's part: appointments.</summary>
/// <param name="Query">Which patient, and when.</param>
public sealed record GetBookingAuditTrail(AuditTrailQuery Query) : IRequest<IReadOnlyList<AuditTrailEntry>>;

/// <summary>The Consent module's part: consent requests and signed consents.</summary>
/// <param name="Query">Which patient, and when.</param>
public sealed record GetConsentAuditTrail(AuditTrailQuery Query) : IRequest<IReadOnlyList<AuditTrailEntry>>;

/// <summary>The Sessions module's part: treatment sessions.</summary>
/// <param name="Query">Which patient, and when.</param>
public sealed record GetSessionsAuditTrail(AuditTrailQuery Query) : IRequest<IReadOnlyList<AuditTrailEntry>>;

/// <summary>The Aftercare module's part: aftercare sheets, follow-ups and messages.</summary>
/// <param name="Query">Which patient, and when.</param>
public sealed record GetAftercareAuditTrail(AuditTrailQuery Query) : IRequest<IReadOnlyList<AuditTrailEntry>>;

/// <summary>One audit row: ids only, never the record's values.</summary>
/// <param name="Id">Audit row id.</param>
/// <param name="AtUtc">When (UTC).</param>
/// <param name="Module">The module whose log holds it, e.g. "patients".</param>
/// <param name="Actor">Staff account id, "system", or "patient-link".</param>
/// <param name="Action">created, updated, deleted or read.</param>
/// <param name="EntityType">What kind of record, e.g. "Appointment", or what was read, e.g. "PatientSessions".</param>
/// <param name="EntityId">The record's id.</param>
/// <param name="Fields">A write: the fields that changed; a read: the ids of the records read, if several.</param>
public sealed record AuditTrailEntry(Guid Id, DateTime AtUtc, string Module, string Actor, string Action, string EntityType, string EntityId, string? Fields);
