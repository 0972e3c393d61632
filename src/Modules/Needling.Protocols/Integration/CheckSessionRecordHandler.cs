using MediatR;
using Needling.ClinicalRules;
using Needling.Contracts.Protocols;
using Needling.Protocols.RuleSets;

namespace Needling.Protocols.Integration;

/// <summary>Depth and passes of a session record against the protocol in force, decided by the pure engine.</summary>
internal sealed class CheckSessionRecordHandler(RuleSetStore store) : IRequestHandler<CheckSessionRecord, SessionRecordCheck>
{
    public async Task<SessionRecordCheck> Handle(CheckSessionRecord q, CancellationToken ct)
    {
        var rules = await store.CurrentAsync(ct);
        var areas = q.Areas.Select(a => new AreaTreatment(a.Area, ZoneOf(a), a.DepthMm, a.Passes)).ToList();
        var decision = SessionRecordEngine.Evaluate(rules, q.TreatmentCode, q.Indication, areas);
        return new SessionRecordCheck(decision.RuleSetVersion, decision.Findings.Select(FindingMapper.ToContract).ToList(), decision.MinIntervalDays);
    }

    // A scar has its own depth range wherever it sits; otherwise the area's zone in the vocabulary: the facial zones
    // of the manufacturer charts, and "body" for the trunk and limbs (clinical-defaults.md, depth by zone). An area
    // without a zone of its own keeps its code, which no protocol lists: the engine then warns (depth.zone-unknown).
    private static string ZoneOf(TreatedAreaDepth a) =>
        a.Scar ? Codes.Scar : BodyAreaVocabulary.Default.DepthZone(a.Area) ?? a.Area;
}
