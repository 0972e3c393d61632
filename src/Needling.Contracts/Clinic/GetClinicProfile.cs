using MediatR;

namespace Needling.Contracts.Clinic;

/// <summary>Asks for the clinic's name and time zone (answered by the Clinic module).</summary>
public sealed record GetClinicProfile : IRequest<ClinicProfile>;

/// <summary>The clinic as other modules need it.</summary>
/// <param name="Name">Display name.</param>
/// <param name="TimeZoneId">IANA time zone id; all clinical dates are counted in this zone.</param>
public sealed record ClinicProfile(string Name, string TimeZoneId);
