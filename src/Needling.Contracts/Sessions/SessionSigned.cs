using MediatR;

namespace Needling.Contracts.Sessions;

/// <summary>
/// A practitioner signed a treatment session's record. Published through the outbox (at least once: handlers
/// must be idempotent) with what aftercare needs, so that no consumer has to ask back.
/// </summary>
/// <param name="SessionId">Session id.</param>
/// <param name="AppointmentId">The appointment the session took place in.</param>
/// <param name="PatientId">Patient id.</param>
/// <param name="PractitionerId">The practitioner who treated and signed.</param>
/// <param name="TreatmentCode">Treatment code, e.g. "MN-PEN".</param>
/// <param name="Indication">Indication code.</param>
/// <param name="PerformedAtUtc">When the session started, UTC.</param>
/// <param name="SignedAtUtc">When it was signed, UTC.</param>
/// <param name="Areas">Treated body-area codes.</param>
/// <param name="AdverseEvents">Adverse events recorded during the session.</param>
/// <param name="HomeTopicals">Topicals prescribed for use at home.</param>
/// <param name="Products">Products applied during the session (for UC-MSC: product and lot).</param>
/// <param name="ThoraxNeedled">Dry needling over the thorax: aftercare must carry the pneumothorax warning.</param>
/// <param name="NextEligibleOn">Earliest local date of the next session under the protocol's interval, if it has one.</param>
/// <param name="PatientLanguage">The patient's preferred language (en, ja, th).</param>
[EventName("sessions.session-signed")]
public sealed record SessionSigned(
    Guid SessionId, Guid AppointmentId, Guid PatientId, Guid PractitionerId, string TreatmentCode, string Indication,
    DateTime PerformedAtUtc, DateTime SignedAtUtc, IReadOnlyList<string> Areas, IReadOnlyList<SignedAdverseEvent> AdverseEvents,
    IReadOnlyList<SignedHomeTopical> HomeTopicals, IReadOnlyList<SignedProduct> Products, bool ThoraxNeedled,
    DateOnly? NextEligibleOn, string PatientLanguage) : INotification;

/// <summary>An adverse event.</summary>
/// <param name="Type">bruising, bleeding-beyond-endpoint, pain, vasovagal, burn, infection-signs, allergic-reaction, pneumothorax-symptoms or other.</param>
/// <param name="Severity">mild, moderate or severe.</param>
/// <param name="ActionTaken">What the practitioner did.</param>
public sealed record SignedAdverseEvent(string Type, string Severity, string ActionTaken);

/// <summary>A topical prescribed for home.</summary>
/// <param name="Product">Product name.</param>
/// <param name="Strength">Strength, e.g. "1%".</param>
/// <param name="Frequency">How often, e.g. "twice a day".</param>
/// <param name="Duration">How long, e.g. "5 days".</param>
public sealed record SignedHomeTopical(string Product, string Strength, string Frequency, string Duration);

/// <summary>A product applied during the session.</summary>
/// <param name="Product">Product name.</param>
/// <param name="Lot">Lot number.</param>
public sealed record SignedProduct(string Product, string Lot);
