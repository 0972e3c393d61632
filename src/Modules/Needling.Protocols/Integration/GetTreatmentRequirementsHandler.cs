using MediatR;
using Needling.Contracts.Protocols;
using Needling.Protocols.RuleSets;

namespace Needling.Protocols.Integration;

internal sealed class GetTreatmentRequirementsHandler(RuleSetStore store) : IRequestHandler<GetTreatmentRequirements, TreatmentRequirements>
{
    public async Task<TreatmentRequirements> Handle(GetTreatmentRequirements request, CancellationToken cancellationToken)
    {
        var rules = await store.CurrentAsync(cancellationToken);
        return new TreatmentRequirements(request.TreatmentCode, rules.Protocols
            .Where(p => p.TreatmentCode == request.TreatmentCode)
            .ToDictionary(p => p.Indication, p => p.RequiredQualifications));
    }
}
