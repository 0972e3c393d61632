namespace Needling.ClinicalRules;

// ExpiresOn / LicenceExpiresOn are the last valid day; null = does not expire (or not recorded).
public sealed record QualificationFact(string Code, DateOnly? ExpiresOn);

public sealed record PractitionerFacts(Guid Id, IReadOnlyList<QualificationFact> Qualifications, DateOnly? LicenceExpiresOn);
