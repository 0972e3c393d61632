namespace Needling.ClinicalRules;

// Shown beside a finding whose rule rests on weak evidence (levels C and P), so that staff weigh it knowingly.
public static class EvidenceNotes
{
    public static string? For(EvidenceLevel level) => level switch
    {
        EvidenceLevel.C => "Weak evidence: this rule comes from clinic or manufacturer practice, not from trials or guidelines.",
        EvidenceLevel.P => "No clinical source: this rule is clinic policy, set by the clinic and open to review.",
        _ => null,
    };
}
