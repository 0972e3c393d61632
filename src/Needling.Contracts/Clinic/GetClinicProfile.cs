using MediatR;

namespace Needling.Contracts.Clinic;

/// <summary>Asks for the clinic's name and time zone (answered by the Clinic module).</summary>
public sealed record GetClinicProfile : IRequest<ClinicProfile>;

/// <summary>The clinic as other modules need it.</summary>
/// <param name="Name">Display name.</param>
/// <param name="TimeZoneId">IANA time zone id; all clinical dates are counted in this zone.</param>
/// <param name="Phone">The number patients call, printed on what they take home; null when not recorded.</param>
public sealed record ClinicProfile(string Name, string TimeZoneId, string? Phone = null)
{
    /// <summary>The clinic's time zone: clinical dates are counted in it.</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The clinic's calendar day of a UTC moment (what staff and patients call "the day of the session").</summary>
    /// <param name="utc">A UTC time.</param>
    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(LocalTime(utc));

    /// <summary>The clinic's wall-clock time of a UTC moment.</summary>
    /// <param name="utc">A UTC time.</param>
    public DateTime LocalTime(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
