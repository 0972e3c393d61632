using MediatR;

namespace Needling.Contracts.Clinic;

/// <summary>Asks for the clinic's name and time zone (answered by the Clinic module).</summary>
public sealed record GetClinicProfile : IRequest<ClinicProfile>;

/// <summary>The clinic as other modules need it.</summary>
/// <param name="Name">Display name.</param>
/// <param name="TimeZoneId">IANA time zone id; all clinical dates are counted in this zone.</param>
/// <param name="Phone">The number patients call, printed on what they take home; null when not recorded.</param>
public sealed record ClinicProfile(string Name, string TimeZoneId, string? Phone = null);
