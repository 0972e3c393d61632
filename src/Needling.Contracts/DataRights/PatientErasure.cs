using MediatR;

namespace Needling.Contracts.DataRights;

/// <summary>
/// Asks Booking to erase what it may of one patient. Idempotent: a second request erases nothing more and answers
/// the same, so an erasure that failed part-way is completed by asking again.
/// </summary>
/// <param name="PatientId">Patient id.</param>
/// <param name="Retention">The clinical-record retention that applies; null when nothing need be kept (never treated, or kept long enough).</param>
public sealed record EraseBookingData(Guid PatientId, ClinicalRetention? Retention) : IRequest<ModuleErasure>;

/// <summary>Asks Consent to erase what it may of one patient (idempotent; see <see cref="EraseBookingData"/>).</summary>
/// <param name="PatientId">Patient id.</param>
/// <param name="Retention">The retention that applies, or null.</param>
public sealed record EraseConsentData(Guid PatientId, ClinicalRetention? Retention) : IRequest<ModuleErasure>;

/// <summary>Asks Sessions to erase what it may of one patient (idempotent; see <see cref="EraseBookingData"/>).</summary>
/// <param name="PatientId">Patient id.</param>
/// <param name="Retention">The retention that applies, or null.</param>
/// <param name="AppointmentIds">The patient's appointments (from Booking): a start refused by a rule is noted by appointment only.</param>
public sealed record EraseSessionsData(Guid PatientId, ClinicalRetention? Retention, IReadOnlyList<Guid> AppointmentIds) : IRequest<ModuleErasure>;

/// <summary>Asks Aftercare to erase what it may of one patient and to cancel every message still to be sent (idempotent).</summary>
/// <param name="PatientId">Patient id.</param>
/// <param name="Retention">The retention that applies, or null.</param>
public sealed record EraseAftercareData(Guid PatientId, ClinicalRetention? Retention) : IRequest<ModuleErasure>;

/// <summary>Clinical records must be kept until <paramref name="KeepUntilUtc"/>, for <paramref name="Reason"/>.</summary>
/// <param name="KeepUntilUtc">The last treatment plus Retention:ClinicalRecordYears.</param>
/// <param name="Reason">Why, in words staff can repeat to the patient.</param>
public sealed record ClinicalRetention(DateTime KeepUntilUtc, string Reason);

/// <summary>What one module erased and what it kept.</summary>
/// <param name="Module">The module's name.</param>
/// <param name="Erased">What was erased (or was already).</param>
/// <param name="Kept">What was kept, each with its reason and date.</param>
public sealed record ModuleErasure(string Module, IReadOnlyList<ErasedPart> Erased, IReadOnlyList<KeptPart> Kept);

/// <summary>A kind of data erased.</summary>
/// <param name="What">e.g. "contact details (phone, e-mail)".</param>
/// <param name="Count">How many records were erased by this request (0 when a previous attempt had erased them).</param>
public sealed record ErasedPart(string What, int Count);

/// <summary>A kind of data kept.</summary>
/// <param name="What">e.g. "signed session records".</param>
/// <param name="Count">How many records are kept.</param>
/// <param name="Reason">Why they are kept.</param>
/// <param name="KeptUntilUtc">Until when; they may be erased after that date.</param>
public sealed record KeptPart(string What, int Count, string Reason, DateTime KeptUntilUtc);
