using MediatR;

namespace Needling.Contracts.Clinic;

/// <summary>Asks for every active practitioner, room and device (for availability search and booking checks).</summary>
public sealed record GetResources : IRequest<ClinicResources>;

/// <summary>The clinic's active bookable resources.</summary>
/// <param name="Practitioners">Active practitioners with qualifications.</param>
/// <param name="Rooms">Active rooms.</param>
/// <param name="Devices">Active devices.</param>
public sealed record ClinicResources(IReadOnlyList<PractitionerInfo> Practitioners, IReadOnlyList<RoomInfo> Rooms, IReadOnlyList<DeviceInfo> Devices);

/// <summary>A treatment room.</summary>
/// <param name="Id">Room id.</param><param name="Name">Room name.</param>
public sealed record RoomInfo(Guid Id, string Name);

/// <summary>A device.</summary>
/// <param name="Id">Device id.</param><param name="Name">Name.</param><param name="Kind">Device kind, matching a treatment's DeviceKind.</param><param name="Serial">Serial number.</param>
/// <param name="MaintenanceDueOn">The last day it may be used before its maintenance; null when it has no schedule.</param>
public sealed record DeviceInfo(Guid Id, string Name, string Kind, string Serial, DateOnly? MaintenanceDueOn = null);
