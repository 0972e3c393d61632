namespace Needling.ClinicalRules;

// Warn = allowed only with a practitioner override and a written reason; Block = refused
// (clinical-defaults.md, "Contraindications").
public enum Severity { Warn, Block }

// A trial/systematic review, B expert/guideline text, C clinic/manufacturer practice, P clinic policy.
public enum EvidenceLevel { A, B, C, P }

public enum Outcome { Allowed, AllowedWithWarnings, Refused }

public enum FactKind { Condition, Medication, SkinFinding, Pregnancy, ProductNotCleared }

public enum SessionKind { Completed, Booked }
