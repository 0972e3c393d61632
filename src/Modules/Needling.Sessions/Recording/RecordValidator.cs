using Needling.ClinicalRules;
using Needling.Sessions.Domain;
using Needling.SharedKernel.Errors;

namespace Needling.Sessions.Recording;

/// <summary>
/// The record's shape (400 naming each field at fault), then what is incomplete for signing (422
/// session.record-incomplete naming each missing field). Protocol checks (depth, passes) are the rules engine's.
/// </summary>
internal static class RecordValidator
{
    // The bounds below catch typing errors (a depth of 50 mm, 300 passes), not clinical limits: those are the
    // protocol's, checked by the rules engine against the rule set in force (CheckSessionRecord).
    public static void ValidateShape(SessionRecord r)
    {
        var v = new Validator();
        v.Require(r.Areas is not null && r.Areas.Count <= 30, "areas", "at most 30 areas.");
        for (var i = 0; i < (r.Areas?.Count ?? 0); i++)
        {
            var a = r.Areas![i];
            v.Require(a.Area is not null && BodyAreas.IsKnown(a.Area), $"areas[{i}].area", "must be a body-area code (GET /body-areas).")
             .Require(a.DepthMm is null or (> 0 and <= 5), $"areas[{i}].depthMm", "must be more than 0 and at most 5 mm.")
             .Require(a.DepthMm is null || a.Scar || a.Area is null || !BodyAreas.IsKnown(a.Area) || BodyAreas.DepthZone(a.Area) is not null,
                 $"areas[{i}].depthMm", $"record depth per part of the {a.Area} (for example cheeks, forehead), where the depth chart applies.")
             .Require(a.Passes is null or (>= 1 and <= 20), $"areas[{i}].passes", "must be 1 to 20.");
        }
        if (r.SterileItem is { } s)
        {
            v.OneOf(s.Kind, RecordVocabulary.SterileKinds, "sterileItem.kind").NotBlank(s.Product, "sterileItem.product").NotBlank(s.Lot, "sterileItem.lot", 64);
        }
        if (r.Needles is { } n)
        {
            v.Require(n.Pins is null or (>= 1 and <= 100), "needles.pins", "must be 1 to 100.")
             .Require(n.LengthMm is null or (> 0 and <= 100), "needles.lengthMm", "must be more than 0 and at most 100 mm.")
             .MaxLength(n.Gauge, "needles.gauge", 32);
        }
        v.MaxLength(r.SkinPreparation, "skinPreparation", 500);
        if (r.Anaesthetic is { } t)
        {
            v.NotBlank(t.Product, "anaesthetic.product").NotBlank(t.Strength, "anaesthetic.strength", 64)
             .Require(t.MinutesOnSkin is >= 0 and <= 180, "anaesthetic.minutesOnSkin", "must be 0 to 180.");
        }
        for (var i = 0; i < (r.Products?.Count ?? 0); i++)
        {
            var p = r.Products![i];
            v.NotBlank(p.Product, $"products[{i}].product").NotBlank(p.Lot, $"products[{i}].lot", 64)
             .Require(p.VolumeMl is null or (> 0 and <= 100), $"products[{i}].volumeMl", "must be more than 0 and at most 100 ml.")
             .MaxLength(p.ApprovalReference, $"products[{i}].approvalReference", 200);
        }
        v.Require(r.Endpoint is null || RecordVocabulary.Endpoints.Contains(r.Endpoint), "endpoint", $"must be one of: {string.Join(", ", RecordVocabulary.Endpoints.Order())}.");
        for (var i = 0; i < (r.AdverseEvents?.Count ?? 0); i++)
        {
            var e = r.AdverseEvents![i];
            v.OneOf(e.Type, RecordVocabulary.AdverseEventTypes, $"adverseEvents[{i}].type")
             .OneOf(e.Severity, RecordVocabulary.Severities, $"adverseEvents[{i}].severity")
             .NotBlank(e.ActionTaken, $"adverseEvents[{i}].actionTaken", 500)
             .MaxLength(e.Detail, $"adverseEvents[{i}].detail", 500)
             .Require(e.Type != "other" || !string.IsNullOrWhiteSpace(e.Detail), $"adverseEvents[{i}].detail", "describe an adverse event of type other.");
        }
        v.Require(r.PainScore is null or (>= 0 and <= 10), "painScore", "must be 0 to 10.");
        for (var i = 0; i < (r.HomeTopicals?.Count ?? 0); i++)
        {
            var h = r.HomeTopicals![i];
            v.NotBlank(h.Product, $"homeTopicals[{i}].product").NotBlank(h.Strength, $"homeTopicals[{i}].strength", 64)
             .NotBlank(h.Frequency, $"homeTopicals[{i}].frequency", 100).NotBlank(h.Duration, $"homeTopicals[{i}].duration", 100);
        }
        v.MaxLength(r.Note, "note", 4000);
        for (var i = 0; i < (r.DryNeedling?.Points.Count ?? 0); i++)
        {
            var p = r.DryNeedling!.Points[i];
            v.NotBlank(p.Muscle, $"dryNeedling.points[{i}].muscle", 100)
             .OneOf(p.Side, RecordVocabulary.Sides, $"dryNeedling.points[{i}].side")
             .Require(p.NeedleLengthMm is > 0 and <= 150, $"dryNeedling.points[{i}].needleLengthMm", "must be more than 0 and at most 150 mm.")
             .NotBlank(p.Gauge, $"dryNeedling.points[{i}].gauge", 32)
             .Require(p.Needles is >= 1 and <= 50, $"dryNeedling.points[{i}].needles", "must be 1 to 50.");
        }
        v.ThrowIfInvalid();
    }

    /// <summary>What a signed record of this treatment must hold (clinical-defaults.md, the session record).</summary>
    public static void EnsureComplete(SessionRecord r, string treatmentCode)
    {
        var missing = new List<string>();
        void Need(bool present, string field)
        {
            if (!present)
            {
                missing.Add(field);
            }
        }
        Need(r.Areas.Count > 0, "areas");
        Need(r.PainScore is not null, "painScore");
        switch (treatmentCode)
        {
            case Codes.MnPen or Codes.MnRoller:
                Need(r.Areas.All(a => a.DepthMm is not null), "areas[].depthMm");
                Need(r.Areas.All(a => a.Passes is not null), "areas[].passes");
                Need(r.SterileItem?.Kind == (treatmentCode == Codes.MnPen ? "cartridge" : "roller"),
                    treatmentCode == Codes.MnPen ? "sterileItem (a cartridge)" : "sterileItem (a roller)");
                Need(r.Needles is not null, "needles");
                Need(r.Endpoint is not null, "endpoint");
                break;
            case Codes.DryNeedling:
                Need(r.DryNeedling is { Points.Count: > 0 }, "dryNeedling.points");
                break;
            case Codes.UcMsc:
                Need(r.Products is { Count: > 0 }, "products");
                Need(r.Products?.All(p => p.VolumeMl is not null) ?? false, "products[].volumeMl");
                Need(r.Products?.All(p => !string.IsNullOrWhiteSpace(p.ApprovalReference)) ?? false, "products[].approvalReference");
                break;
        }
        if (missing.Count > 0)
        {
            throw new RuleViolationException("session.record-incomplete",
                $"The record cannot be signed yet; it needs: {string.Join(", ", missing)}.", new { missing });
        }
    }
}
