using Needling.Booking.Eligibility;
using Needling.Booking.Schedules;
using Needling.Contracts.Clinic;

namespace Needling.Booking.Availability;

/// <summary>
/// For an availability search for one patient: the (local date, practitioner) pairs on which the eligibility rules
/// allow her the treatment. The facts (screening, clinic, her appointments) are gathered once; the rule set is then
/// asked once per date and practitioner, at noon clinic time (every rule counts in whole local days, so any time of
/// the day gets the same answer). A refusal leaves the pair out; a warning keeps it (booking will show it).
/// </summary>
internal static class PatientDays
{
    public static async Task<Func<IReadOnlyList<PractitionerInfo>, ClinicHours, Task<Func<DateOnly, Guid, bool>>>> ForAsync(
        EligibilityQuestion question, Guid patientId, TreatmentInfo treatment, string indication, IReadOnlyList<string>? areas,
        DateOnly from, DateOnly to, DateTime nowUtc, CancellationToken ct)
    {
        // Unknown patient: 404 now, before any slot is searched.
        var (screening, clinic, history) = await question.FactsAsync(patientId, Guid.Empty, ct);
        return async (practitioners, hours) =>
        {
            var allowed = new HashSet<(DateOnly, Guid)>();
            for (var date = Max(from, hours.LocalDate(nowUtc)); date <= to; date = date.AddDays(1))
            {
                var noon = hours.ToUtc(date, new TimeOnly(12, 0));
                foreach (var practitioner in practitioners)
                {
                    var answer = await question.DecideAsync(screening, clinic, history, practitioner, treatment, indication, noon, areas, ct);
                    if (answer.Outcome != "Refused")
                    {
                        allowed.Add((date, practitioner.Id));
                    }
                }
            }
            return (date, practitionerId) => allowed.Contains((date, practitionerId));
        };
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
