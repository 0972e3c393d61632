using MediatR;

namespace Needling.Contracts.Protocols;

/// <summary>Asks which qualifications a treatment needs, per indication, under the rule set in force.</summary>
public sealed record GetTreatmentRequirements(string TreatmentCode) : IRequest<TreatmentRequirements>;

/// <summary>Qualification sets by indication: a practitioner holding every code of one set may do that indication.</summary>
/// <param name="TreatmentCode">Treatment code.</param>
/// <param name="QualificationsByIndication">Indication → every qualification code it needs.</param>
public sealed record TreatmentRequirements(string TreatmentCode, IReadOnlyDictionary<string, IReadOnlyList<string>> QualificationsByIndication);
