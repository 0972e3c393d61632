using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Contracts.Clinic;
using Needling.Contracts.Consent;
using Needling.Contracts.Demo;
using Needling.Sessions.Data;
using Needling.Sessions.Domain;
using Needling.Sessions.History;
using Needling.Sessions.Starting;

namespace Needling.Sessions.Seed;

/// <summary>
/// The demo clinic's session history: Emma Clarke's microneedling session three weeks ago, started on Dr Tanaka's
/// override of the keloid warning, signed, and amended a day later with a corrected depth.
/// </summary>
internal sealed class DemoHistory(SessionsDbContext db, IMediator mediator, TimeProvider clock)
{
    private const string Doctor = "demo: Dr Aiko Tanaka";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Sessions.AnyAsync(s => s.AppointmentId == DemoRecords.EmmaVisit, ct))
        {
            return;
        }
        var clinic = await mediator.Send(new GetClinicProfile(), ct);
        var start = DemoRecords.EmmaVisitStartUtc(clock.GetUtcNow().UtcDateTime, clinic.Zone);
        var consent = await mediator.Send(new GetConsentStatus(DemoRecords.PatientEmma, "MN-PEN", start), ct);
        var signedAt = start.AddMinutes(50);
        var session = new TreatmentSession
        {
            AppointmentId = DemoRecords.EmmaVisit, PatientId = DemoRecords.PatientEmma, PractitionerId = DemoRecords.DrTanaka, DeviceId = DemoRecords.Dermapen,
            TreatmentCode = "MN-PEN", Indication = "hyperpigmentation", AppointmentStartUtc = start, StartedAtUtc = start.AddMinutes(5), StartedBy = Doctor,
            PlannedAreasJson = """["cheeks","forehead"]""", RuleSetVersion = 1, EligibilityOutcome = "AllowedWithWarnings", ConsentId = consent.ConsentId ?? Guid.Empty,
            Status = SessionStatus.Signed, RecordJson = Json(Record(0.75m)), RecordRuleSetVersion = 1, RecordedAtUtc = signedAt.AddMinutes(-5),
            SignedAtUtc = signedAt, SignedBy = Doctor, NextEligibleOn = clinic.LocalDate(start).AddDays(14), Revision = 3,
        };
        db.Sessions.Add(session);
        db.Overrides.Add(new SessionOverride
        {
            SessionId = session.Id, Stage = "start", RuleId = "ci.keloid-history", RuleVersion = 1, RuleSetVersion = 1,
            Finding = "History of keloid scarring: needling may trigger a keloid.",
            Reason = "Single keloid on the chest after surgery in 2017; none on the face. Patient informed of the risk.", By = Doctor, AtUtc = session.StartedAtUtc,
        });
        db.Amendments.Add(new SessionAmendment
        {
            SessionId = session.Id, Number = 1, Reason = "Cheek depth was 0.6 mm, not 0.75 mm: I misread the dial when writing the record.",
            RecordJson = Json(Record(0.6m)), RuleSetVersion = 1, By = Doctor, AtUtc = start.AddDays(1),
        });
        db.Events.AddRange(
            Event(session, "started", session.StartedAtUtc, "rule set 1: AllowedWithWarnings; 1 override(s)"),
            Event(session, "recorded", session.RecordedAtUtc!.Value, "rule set 1; 0 override(s)"),
            Event(session, "signed", signedAt, null),
            Event(session, "amended", start.AddDays(1), "amendment 1"));
        await db.SaveChangesAsync(ct);
    }

    private static SessionEvent Event(TreatmentSession s, string action, DateTime at, string? detail) =>
        new() { AppointmentId = s.AppointmentId, SessionId = s.Id, Action = action, Actor = Doctor, AtUtc = at, Detail = detail };

    private static string Json(SessionRecord r) => JsonSerializer.Serialize(r, SessionReader.Json);

    private static SessionRecord Record(decimal cheeks) => new(
        [new TreatedArea("cheeks", cheeks, 3), new TreatedArea("forehead", 0.5m, 2)],
        SterileItem: new SterileItem("cartridge", "Dermapen 16-pin cartridge", "CT-DEMO-2291", new DateOnly(2028, 6, 30)),
        Needles: new NeedleConfiguration(16, cheeks, "33G"),
        SkinPreparation: "Cleansed; chlorhexidine 0.05%",
        Endpoint: "even-erythema",
        AdverseEvents: [new AdverseEvent("bruising", "mild", "Cold compress for 10 minutes")],
        PainScore: 3,
        HomeTopicals: [new HomeTopical("Hyaluronic acid serum", "1%", "twice a day", "5 days")],
        PhotosTaken: true,
        Note: "No topical anaesthetic: lidocaine allergy on record. Tolerated well.",
        Device: new DeviceUsed(DemoRecords.Dermapen, "Dermapen 4", "DP4-DEMO-0001"));
}
