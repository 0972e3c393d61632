using System.Text.Json;
using MediatR;
using Needling.ClinicalRules;
using Needling.Contracts.Clinic;
using Needling.Contracts.Protocols;
using Needling.Sessions.Domain;
using Needling.Sessions.Overrides;
using Needling.Sessions.Starting;
using Needling.SharedKernel.Errors;

namespace Needling.Sessions.Recording;

/// <summary>
/// What a record (first write or amendment) must pass: its shape, the areas screened at the start, sterile items
/// and products in date, a UC-MSC product approved in the clinic's jurisdiction, and the protocol (depth and passes,
/// asked of the rules engine once). Warnings need the practitioner's written override.
/// </summary>
internal sealed class RecordChecks(IMediator mediator)
{
    internal sealed record Checked(SessionRecord Record, int RuleSetVersion, IReadOnlyList<(EligibilityFinding Finding, string Reason)> Overrides);

    public async Task<Checked> RunAsync(TreatmentSession session, SessionRecord record, IReadOnlyList<OverrideInput>? overrides, DateTime now, CancellationToken ct)
    {
        RecordValidator.ValidateShape(record);
        var planned = JsonSerializer.Deserialize<List<string>>(session.PlannedAreasJson) ?? [];
        var unscreened = record.Areas.Select(a => a.Area).Where(a => !BodyAreas.IsScreened(planned, a)).Distinct().ToList();
        if (unscreened.Count > 0)
        {
            throw new RuleViolationException("session.area-not-screened",
                $"{string.Join(", ", unscreened)} {(unscreened.Count == 1 ? "was" : "were")} not among the areas checked when the session started ({string.Join(", ", planned)}).");
        }
        var clinic = await mediator.Send(new GetClinicProfile(), ct);
        var today = clinic.LocalDate(now);
        EnsureSterileItem(session.TreatmentCode, record.SterileItem, today);
        var expired = (record.Products ?? []).Where(p => p.ExpiresOn < today).ToList();
        if (expired.Count > 0)
        {
            throw new RuleViolationException("session.product-expired",
                $"Expired product: {string.Join(", ", expired.Select(p => $"{p.Product} lot {p.Lot} (expired {p.ExpiresOn:yyyy-MM-dd})"))}. Use an in-date lot.");
        }
        var treatment = await mediator.Send(new GetTreatment(session.TreatmentCode), ct) ?? throw new NotFoundException("Treatment", session.TreatmentCode);
        if ((record.Products?.Count ?? 0) > 0 && treatment.RequiresRegulatoryClearance && !treatment.HasRegulatoryClearance)
        {
            throw new RuleViolationException("session.product-not-approved",
                $"{treatment.Name} products are not marked approved in the clinic's jurisdiction; none can be applied.");
        }
        var check = await mediator.Send(new CheckSessionRecord(session.TreatmentCode, session.Indication,
            record.Areas.Select(a => new TreatedAreaDepth(a.Area, a.Scar, a.DepthMm, a.Passes)).ToList()), ct);
        var accepted = OverrideCheck.Apply("The record is refused", check.RuleSetVersion, check.Findings, overrides);
        return new Checked(record with { Device = await DeviceAsync(session.DeviceId, ct) }, check.RuleSetVersion, accepted);
    }

    // Pen cartridges and rollers are single-use sterile items in a clinic (professional practice; issue 12 item 7):
    // an expired lot is no longer guaranteed sterile.
    private static void EnsureSterileItem(string treatmentCode, SterileItem? item, DateOnly today)
    {
        if (item is null)
        {
            return;
        }
        var expected = treatmentCode switch { Codes.MnPen => "cartridge", Codes.MnRoller => "roller", _ => null };
        if (expected is not null && item.Kind != expected)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["sterileItem.kind"] = [$"{treatmentCode} uses a {expected}."] });
        }
        if (item.ExpiresOn < today)
        {
            throw new RuleViolationException("session.sterile-item-expired",
                $"The {item.Kind} lot {item.Lot} expired on {item.ExpiresOn:yyyy-MM-dd}; it is no longer guaranteed sterile. Use an in-date one.");
        }
    }

    private async Task<DeviceUsed?> DeviceAsync(Guid? deviceId, CancellationToken ct)
    {
        if (deviceId is null)
        {
            return null;
        }
        var device = (await mediator.Send(new GetResources(), ct)).Devices.FirstOrDefault(d => d.Id == deviceId);
        return device is null ? null : new DeviceUsed(device.Id, device.Name, device.Serial);
    }
}
