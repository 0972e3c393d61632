namespace Needling.ClinicalRules;

// Every rule carries its source, because the literature is thin and clinics disagree.
public sealed record RuleSource(string Citation, EvidenceLevel Evidence);

// A versioned set of clinical rules: data that a clinic administrator can change, never constants in code.
public sealed record RuleSet(int Version, IReadOnlyList<ProtocolRule> Protocols, IReadOnlyList<ContraindicationRule> Contraindications);
