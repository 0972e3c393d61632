using MediatR;

namespace Needling.Contracts.Consent;

/// <summary>A consent request was opened: the patient is asked to read and sign the form (published through the outbox).</summary>
/// <param name="RequestId">Consent request id.</param>
/// <param name="PatientId">Patient id.</param>
/// <param name="TreatmentCode">The treatment the form is for.</param>
/// <param name="AppointmentId">The appointment that needs it, if any.</param>
[EventName("consent.consent-requested")]
public sealed record ConsentRequested(Guid RequestId, Guid PatientId, string TreatmentCode, Guid? AppointmentId) : INotification;
