using Needling.ClinicalRules;
using Needling.Contracts.Protocols;

namespace Needling.Protocols.Integration;

internal static class FindingMapper
{
    public static EligibilityFinding ToContract(Finding f) =>
        new(f.RuleId, f.RuleVersion, f.Severity.ToString(), f.Message, f.Source.Citation, f.Source.Evidence.ToString(), f.EvidenceNote);
}
