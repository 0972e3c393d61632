namespace Needling.ClinicalRules;

// Does a change to a rule take away protection that refuses a treatment today? Such a change (retiring or weakening a
// rule with severity Block) needs a second person with the clinical-lead permission (issue 12, item 6): a single admin
// must not be able to switch off what keeps a patient from harm. Each answer is a plain reason; none = no approval needed.
// Changes to a rule's match (codes, window, area scope) are counted as weakening whichever way they go: whether a
// new match catches less than the old one is a clinical judgement, not something to decide in code.
public static class RuleChangeReview
{
    public static IReadOnlyList<string> Weakening(ContraindicationRule? old, ContraindicationRule? next)
    {
        if (old is null || !Blocks(old))
        {
            return [];
        }
        if (next is null)
        {
            return [$"retires '{old.Title}', which refuses {Blocked(old)}"];
        }
        var reasons = new List<string>();
        foreach (var (treatment, severity) in old.SeverityByTreatment.Where(s => s.Value == Severity.Block))
        {
            if (!next.SeverityByTreatment.TryGetValue(treatment, out var now))
            {
                reasons.Add($"no longer applies to {treatment}, which it refused");
            }
            else if (now != severity)
            {
                reasons.Add($"lowers {treatment} from Block to {now}");
            }
        }
        if (!SameMatch(old.Match, next.Match))
        {
            reasons.Add("changes which patients the rule matches");
        }
        return reasons;
    }

    // A protocol rule blocks through its minimum interval, always, and through depth, passes and qualifications.
    public static IReadOnlyList<string> Weakening(ProtocolRule? old, ProtocolRule? next)
    {
        if (old is null)
        {
            return [];
        }
        if (next is null)
        {
            return [$"retires the {old.TreatmentCode} / {old.Indication} protocol and its {old.MinIntervalDays}-day interval"];
        }
        var reasons = new List<string>();
        if (next.MinIntervalDays < old.MinIntervalDays)
        {
            reasons.Add($"shortens the minimum interval from {old.MinIntervalDays} to {next.MinIntervalDays} days");
        }
        var dropped = old.IntervalCountsTreatments.Except(next.IntervalCountsTreatments).ToList();
        if (dropped.Count > 0)
        {
            reasons.Add($"stops counting {string.Join(", ", dropped)} sessions in the interval");
        }
        if (old.OutOfRangeSeverity == Severity.Block && next.OutOfRangeSeverity != Severity.Block)
        {
            reasons.Add("lets depths and passes outside the range through with a warning");
        }
        foreach (var depth in old.Depths)
        {
            var now = next.Depths.SingleOrDefault(d => d.Zone == depth.Zone);
            if (now is null || now.MaxMm > depth.MaxMm || now.MinMm < depth.MinMm)
            {
                reasons.Add($"widens the depth allowed on {depth.Zone}");
            }
        }
        if (Looser(old.PassesMax, next.PassesMax, higherIsLooser: true) || Looser(old.PassesMin, next.PassesMin, higherIsLooser: false))
        {
            reasons.Add("widens the number of passes allowed");
        }
        if (Looser(old.CourseMaxSessions, next.CourseMaxSessions, higherIsLooser: true))
        {
            reasons.Add("allows more sessions in a course");
        }
        var qualifications = old.RequiredQualifications.Except(next.RequiredQualifications).ToList();
        if (qualifications.Count > 0)
        {
            reasons.Add($"no longer requires {string.Join(", ", qualifications)}");
        }
        return reasons;
    }

    private static bool Blocks(ContraindicationRule rule) => rule.SeverityByTreatment.Values.Any(s => s == Severity.Block);

    private static string Blocked(ContraindicationRule rule) =>
        string.Join(", ", rule.SeverityByTreatment.Where(s => s.Value == Severity.Block).Select(s => s.Key).Order(StringComparer.Ordinal));

    private static bool SameMatch(FindingMatch a, FindingMatch b) =>
        a.Kind == b.Kind && a.Codes.Order(StringComparer.Ordinal).SequenceEqual(b.Codes.Order(StringComparer.Ordinal))
        && a.WithinMonths == b.WithinMonths && a.AreaScoped == b.AreaScoped
        && a.PregnancyTrimester == b.PregnancyTrimester && a.MinimumSeverity == b.MinimumSeverity;

    // A limit removed (null) is looser than any limit.
    private static bool Looser(int? old, int? next, bool higherIsLooser) =>
        old is { } o && (next is not { } n || (higherIsLooser ? n > o : n < o));
}
