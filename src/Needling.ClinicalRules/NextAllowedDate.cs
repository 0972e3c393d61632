namespace Needling.ClinicalRules;

// The first day a new session of the input's treatment and indication may take place, counted as the engine's
// EarliestAllowedOn is (from the last counted session on or before the proposed day, plus the minimum interval) but
// also: at least the minimum interval away from every LATER counted session or booking too (IntervalCheck refuses
// in both directions, so a date counted only from the earlier session could be refused when booked), and on or
// after notBefore (the clinic's today: a date in the past is no answer to "when can she come?").
// Null without a protocol or without any counted session. Pure, like the engine: notBefore comes from the caller.
public static class NextAllowedDate
{
    public static DateOnly? Find(EligibilityInput input, DateOnly notBefore)
    {
        ArgumentNullException.ThrowIfNull(input);
        var protocol = RuleIndex.For(input.Rules).FindProtocol(input.Treatment.Code, input.Indication);
        if (protocol is null)
            return null;
        var dates = ClinicCalendar.LocalDates(input.History, input.ClinicTimeZone);
        var proposed = ClinicCalendar.LocalDate(input.ProposedStartUtc, input.ClinicTimeZone);
        var counted = new List<DateOnly>();
        for (var i = 0; i < input.History.Count; i++)
        {
            if (protocol.IntervalCountsTreatments.Contains(input.History[i].TreatmentCode))
                counted.Add(dates[i]);
        }
        if (counted.Count == 0)
            return null;
        counted.Sort();
        var lastOnOrBefore = counted.LastOrDefault(d => d <= proposed, DateOnly.MinValue);
        if (lastOnOrBefore != DateOnly.MinValue && lastOnOrBefore.AddDays(protocol.MinIntervalDays) > notBefore)
            notBefore = lastOnOrBefore.AddDays(protocol.MinIntervalDays);
        // One pass, earliest first: the candidate only moves later, to just past a session it is too close to, so
        // every session already passed stays far enough behind it.
        var candidate = notBefore;
        foreach (var session in counted)
        {
            if (Math.Abs(candidate.DayNumber - session.DayNumber) < protocol.MinIntervalDays)
                candidate = session.AddDays(protocol.MinIntervalDays);
        }
        return candidate;
    }
}
