namespace Needling.Sessions.Domain;

/// <summary>
/// What was done in one session, as structured data (issue: "structured, not free text"). Stored as JSON on the
/// session (the original) and on each amendment (the corrected whole); the API takes and returns the same shape.
/// </summary>
internal sealed record SessionRecord(
    IReadOnlyList<TreatedArea> Areas,
    SterileItem? SterileItem = null,
    NeedleConfiguration? Needles = null,
    string? SkinPreparation = null,
    TopicalAnaesthetic? Anaesthetic = null,
    IReadOnlyList<ProductApplied>? Products = null,
    string? Endpoint = null,
    IReadOnlyList<AdverseEvent>? AdverseEvents = null,
    int? PainScore = null,
    IReadOnlyList<HomeTopical>? HomeTopicals = null,
    bool PhotosTaken = false,
    string? Note = null,
    DryNeedlingRecord? DryNeedling = null,
    DeviceUsed? Device = null);

/// <summary>A body area (vocabulary code) with needle depth and passes; Scar when the area treated is a scar.</summary>
internal sealed record TreatedArea(string Area, decimal? DepthMm = null, int? Passes = null, bool Scar = false);

/// <summary>The single-use sterile item: a pen cartridge or a roller, with its lot and expiry.</summary>
internal sealed record SterileItem(string Kind, string Product, string Lot, DateOnly ExpiresOn);

internal sealed record NeedleConfiguration(int? Pins = null, decimal? LengthMm = null, string? Gauge = null);

internal sealed record TopicalAnaesthetic(string Product, string Strength, int MinutesOnSkin);

/// <summary>
/// A product applied in the session. For UC-MSC: volume and the regulatory approval reference for the clinic's
/// jurisdiction are required.
/// </summary>
internal sealed record ProductApplied(string Product, string Lot, DateOnly? ExpiresOn = null, decimal? VolumeMl = null, string? ApprovalReference = null);

internal sealed record AdverseEvent(string Type, string Severity, string ActionTaken, string? Detail = null);

internal sealed record HomeTopical(string Product, string Strength, string Frequency, string Duration);

/// <summary>Thorax needled: aftercare carries the pneumothorax warning. Electrical stimulation: recorded for the pacemaker rule.</summary>
internal sealed record DryNeedlingRecord(IReadOnlyList<NeedlingPoint> Points, bool ThoraxNeedled, bool ElectricalStimulation = false);

/// <summary>One muscle or point: side, needle length and gauge, number of needles.</summary>
internal sealed record NeedlingPoint(string Muscle, string Side, decimal NeedleLengthMm, string Gauge, int Needles);

/// <summary>The device booked for the appointment, filled in by the service: name and serial for traceability.</summary>
internal sealed record DeviceUsed(Guid Id, string Name, string Serial);
