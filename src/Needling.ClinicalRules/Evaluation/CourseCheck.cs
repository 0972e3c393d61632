using System.Globalization;

namespace Needling.ClinicalRules;

// A course past its planned number of sessions is a prompt to review, not a contraindication: Warn.
internal static class CourseCheck
{
    public static void AddTo(List<Finding> findings, ProtocolRule protocol, DateOnly date,
        IReadOnlyList<SessionFact> history, DateOnly[] sessionDates)
    {
        if (protocol.CourseMaxSessions is not int max)
            return;

        var completed = 0;
        for (var i = 0; i < history.Count; i++)
        {
            var session = history[i];
            // Only sessions on or before the date: a replayed decision must not see later sessions.
            if (session.Kind == SessionKind.Completed && sessionDates[i] <= date
                && string.Equals(session.TreatmentCode, protocol.TreatmentCode, StringComparison.Ordinal)
                && string.Equals(session.Indication, protocol.Indication, StringComparison.Ordinal))
                completed++;
        }

        if (completed < max)
            return;
        var planned = protocol.CourseMinSessions is int min ? $"{min}-{max}" : $"up to {max}";
        findings.Add(new Finding(protocol.Id + ".course", protocol.Version, Severity.Warn,
            string.Create(CultureInfo.InvariantCulture,
                $"{completed} sessions of this course are already done; the planned course is {planned} sessions. Review the course before another session."),
            protocol.Source));
    }
}
