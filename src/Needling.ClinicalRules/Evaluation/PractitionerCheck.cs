namespace Needling.ClinicalRules;

// Who may perform a treatment: clinical-defaults.md, Treatments, "performed by" (evidence P).
// Expiry dates are the last valid day, checked against the session's local date (a booking months ahead
// must not outlive the practitioner's certificate).
internal static class PractitionerCheck
{
    public static void AddQualificationFindingTo(List<Finding> findings, ProtocolRule protocol, PractitionerFacts practitioner, DateOnly date)
    {
        List<string>? problems = null;
        foreach (var required in protocol.RequiredQualifications)
        {
            var (held, valid, lastExpiry) = Status(practitioner.Qualifications, required, date);
            if (!held)
                (problems ??= []).Add($"lacks {required}");
            else if (!valid)
                (problems ??= []).Add($"{required} expired on {ClinicCalendar.Iso(lastExpiry!.Value)}");
        }

        if (problems is not null)
            findings.Add(new Finding(BuiltInRuleIds.PractitionerQualification, BuiltInRules.Version, Severity.Block,
                $"The practitioner {string.Join("; ", problems)}. {protocol.TreatmentCode} for {protocol.Indication} needs {string.Join(", ", protocol.RequiredQualifications)}.",
                BuiltInRules.PerformedBySource));
    }

    // A practitioner may hold the same qualification more than once (renewals): one valid record is enough.
    private static (bool Held, bool Valid, DateOnly? LastExpiry) Status(IReadOnlyList<QualificationFact> held, string code, DateOnly date)
    {
        var (found, valid, lastExpiry) = (false, false, (DateOnly?)null);
        foreach (var qualification in held)
        {
            if (!string.Equals(qualification.Code, code, StringComparison.Ordinal))
                continue;
            found = true;
            valid |= qualification.ExpiresOn is null || qualification.ExpiresOn >= date;
            if (qualification.ExpiresOn is DateOnly expiry && (lastExpiry is null || expiry > lastExpiry))
                lastExpiry = expiry;
        }
        return (found, valid, lastExpiry);
    }

    public static void AddLicenceFindingTo(List<Finding> findings, PractitionerFacts practitioner, DateOnly date)
    {
        if (practitioner.LicenceExpiresOn is DateOnly expires && expires < date)
            findings.Add(new Finding(BuiltInRuleIds.PractitionerLicence, BuiltInRules.Version, Severity.Block,
                $"The practitioner's licence expired on {ClinicCalendar.Iso(expires)}.",
                BuiltInRules.PerformedBySource));
    }
}
