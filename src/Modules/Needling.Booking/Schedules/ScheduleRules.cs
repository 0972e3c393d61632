using MediatR;
using Needling.Contracts.Clinic;
using Needling.SharedKernel.Errors;

namespace Needling.Booking.Schedules;

internal static class ScheduleRules
{
    /// <summary>The practitioner as the Clinic module knows them; 404 when the id is unknown.</summary>
    public static async Task<PractitionerInfo> PractitionerAsync(this IMediator mediator, Guid id, CancellationToken ct) =>
        await mediator.Send(new GetPractitioner(id), ct) ?? throw new NotFoundException("Practitioner", id);

    /// <summary>Each period must start before it ends, and periods on the same day must not overlap.</summary>
    public static Validator Periods<T>(this Validator v, IReadOnlyList<T> periods, Func<T, (object Day, TimeOnly Start, TimeOnly End)> read)
    {
        if (periods is null || periods.Any(p => p is null))
        {
            // JSON may say "periods": null or [null]; neither is a period to check (400, like any other malformed body).
            throw new ValidationException(new Dictionary<string, string[]> { ["periods"] = ["must be a list of periods, none of them null."] });
        }
        var parsed = periods.Select(read).ToList();
        for (var i = 0; i < parsed.Count; i++)
        {
            v.Require(parsed[i].Start < parsed[i].End, $"periods[{i}]", "must start before it ends.");
        }
        var overlap = parsed.GroupBy(p => p.Day).Any(day =>
        {
            var sorted = day.OrderBy(p => p.Start).ToList();
            return sorted.Zip(sorted.Skip(1)).Any(p => p.Second.Start < p.First.End);
        });
        return v.Require(!overlap, "periods", "two periods on the same day overlap.");
    }

    public static DateOnly Today(this TimeProvider clock, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)));
}
