using MediatR;

namespace Needling.Contracts.Protocols;

/// <summary>
/// Checks what was done in a session against the protocol in force: needle depth per area and passes. The
/// answer lists every finding; a Block refuses the record, a Warn needs the practitioner's written override.
/// </summary>
/// <param name="TreatmentCode">Treatment code.</param>
/// <param name="Indication">Indication code.</param>
/// <param name="Areas">Each treated area with its depth and passes.</param>
public sealed record CheckSessionRecord(string TreatmentCode, string Indication, IReadOnlyList<TreatedAreaDepth> Areas)
    : IRequest<SessionRecordCheck>;

/// <summary>One treated area.</summary>
/// <param name="Area">Body-area code.</param>
/// <param name="Scar">True when the area treated is a scar (the scar depth range applies).</param>
/// <param name="DepthMm">Needle depth, mm; null where depth does not apply.</param>
/// <param name="Passes">Passes over the area; null where not recorded.</param>
public sealed record TreatedAreaDepth(string Area, bool Scar, decimal? DepthMm, int? Passes);

/// <summary>The answer.</summary>
/// <param name="RuleSetVersion">The rule-set version that decided.</param>
/// <param name="Findings">Every rule that fired, blocks first.</param>
/// <param name="MinIntervalDays">The protocol's minimum interval before the next session, if it has a protocol.</param>
public sealed record SessionRecordCheck(int RuleSetVersion, IReadOnlyList<EligibilityFinding> Findings, int? MinIntervalDays);
