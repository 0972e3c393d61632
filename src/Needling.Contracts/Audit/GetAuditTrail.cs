using MediatR;

namespace Needling.Contracts.Audit;

/// <summary>
/// Asks one module for its part of a patient's audit trail: every write to and read of that patient's record that it
/// served, oldest first, optionally within [<paramref name="FromUtc"/>, <paramref name="ToUtc"/>). One concrete query
/// per module, so that each module answers from its own audit log.
/// </summary>
/// <param name="PatientId">Patient id.</param>
/// <param name="FromUtc">From this instant (UTC, inclusive), if given.</param>
/// <param name="ToUtc">Until this instant (UTC, exclusive), if given.</param>
public abstract record GetAuditTrail(Guid PatientId, DateTime? FromUtc, DateTime? ToUtc) : IRequest<IReadOnlyList<AuditTrailEntry>>;

/// <summary>The Patients module's part: the patient's details and screening.</summary>
/// <param name="PatientId">Patient id.</param><param name="FromUtc">From (UTC).</param><param name="ToUtc">Until (UTC).</param>
public sealed record GetPatientsAuditTrail(Guid PatientId, DateTime? FromUtc, DateTime? ToUtc) : GetAuditTrail(PatientId, FromUtc, ToUtc);

/// <summary>The Booking module's part: appointments.</summary>
/// <param name="PatientId">Patient id.</param><param name="FromUtc">From (UTC).</param><param name="ToUtc">Until (UTC).</param>
public sealed record GetBookingAuditTrail(Guid PatientId, DateTime? FromUtc, DateTime? ToUtc) : GetAuditTrail(PatientId, FromUtc, ToUtc);

/// <summary>The Consent module's part: consent requests and signed consents.</summary>
/// <param name="PatientId">Patient id.</param><param name="FromUtc">From (UTC).</param><param name="ToUtc">Until (UTC).</param>
public sealed record GetConsentAuditTrail(Guid PatientId, DateTime? FromUtc, DateTime? ToUtc) : GetAuditTrail(PatientId, FromUtc, ToUtc);

/// <summary>The Sessions module's part: treatment sessions.</summary>
/// <param name="PatientId">Patient id.</param><param name="FromUtc">From (UTC).</param><param name="ToUtc">Until (UTC).</param>
public sealed record GetSessionsAuditTrail(Guid PatientId, DateTime? FromUtc, DateTime? ToUtc) : GetAuditTrail(PatientId, FromUtc, ToUtc);

/// <summary>The Aftercare module's part: aftercare sheets, follow-ups and messages.</summary>
/// <param name="PatientId">Patient id.</param><param name="FromUtc">From (UTC).</param><param name="ToUtc">Until (UTC).</param>
public sealed record GetAftercareAuditTrail(Guid PatientId, DateTime? FromUtc, DateTime? ToUtc) : GetAuditTrail(PatientId, FromUtc, ToUtc);

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
