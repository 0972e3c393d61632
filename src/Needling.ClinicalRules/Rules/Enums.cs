namespace Needling.ClinicalRules;

// Warn = allowed only with a practitioner override and a written reason; Block = refused
// (clinical-defaults.md, "Contraindications").
public enum Severity { Warn, Block }

// A trial/systematic review, B expert/guideline text, C clinic/manufacturer practice, P clinic policy.
public enum EvidenceLevel { A, B, C, P }

// ScreeningIncomplete: nothing blocks on what is known, but a question that could block is unanswered (a missing
// answer is unknown, never "no"), or there is no screening at all. It is never "allowed".
public enum Outcome { Allowed, AllowedWithWarnings, Refused, ScreeningIncomplete }

// Answer: a screening question (screening-questions.json). Age: the patient's age on the session date.
// DeviceMaintenance: the device booked for the session is past its maintenance due date.
public enum FactKind { Condition, Medication, SkinFinding, Pregnancy, ProductNotCleared, Answer, Age, DeviceMaintenance }

public enum SessionKind { Completed, Booked }
