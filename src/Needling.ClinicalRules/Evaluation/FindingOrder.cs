namespace Needling.ClinicalRules;

// Block first (the reasons a session cannot happen), then by rule id, so that staff and audit logs see a
// stable order.
internal static class FindingOrder
{
    public static int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var bySeverity = (y.Severity == Severity.Block).CompareTo(x.Severity == Severity.Block);
        if (bySeverity != 0) return bySeverity;
        var byId = string.CompareOrdinal(x.RuleId, y.RuleId);
        return byId != 0 ? byId : string.CompareOrdinal(x.Message, y.Message);
    }
}
