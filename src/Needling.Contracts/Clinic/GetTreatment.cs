using MediatR;

namespace Needling.Contracts.Clinic;

/// <summary>Asks for a treatment by its code; the answer is null when the code is unknown.</summary>
public sealed record GetTreatment(string Code) : IRequest<TreatmentInfo?>;

/// <summary>A treatment the clinic offers.</summary>
/// <param name="Code">Treatment code, e.g. "MN-PEN".</param>
/// <param name="Name">Display name.</param>
/// <param name="DurationMinutes">Length of one appointment.</param>
/// <param name="DeviceKind">Kind of device it needs, or null when none.</param>
/// <param name="RequiresRegulatoryClearance">True for products that need a regulator's clearance (UC-MSC).</param>
/// <param name="HasRegulatoryClearance">True when the product is "approved" in the clinic's jurisdiction.</param>
/// <param name="Active">False when the clinic no longer offers it.</param>
/// <param name="Jurisdiction">The clinic's jurisdiction (ISO country code), null when not recorded.</param>
/// <param name="RegulatoryStatus">The product's status there: approved, trial-only or not-approved; null when none is recorded.</param>
/// <param name="RegulatoryReference">The regulator's reference for that status.</param>
public sealed record TreatmentInfo(
    string Code, string Name, int DurationMinutes, string? DeviceKind,
    bool RequiresRegulatoryClearance, bool HasRegulatoryClearance, bool Active,
    string? Jurisdiction = null, string? RegulatoryStatus = null, string? RegulatoryReference = null);
