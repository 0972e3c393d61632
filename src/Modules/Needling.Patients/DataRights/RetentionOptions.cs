namespace Needling.Patients.DataRights;

/// <summary>
/// How long clinical records are kept after the last treatment, whatever the patient asks: set per jurisdiction
/// (e.g. 8 years for adults in England under the NHS Records Management Code; check the local rule). Default 5.
/// </summary>
internal sealed class RetentionOptions
{
    public const string Section = "Retention";

    public int ClinicalRecordYears { get; set; } = 5;
}
