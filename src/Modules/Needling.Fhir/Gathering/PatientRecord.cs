using Needling.Contracts.Aftercare;
using Needling.Contracts.Booking;
using Needling.Contracts.Clinic;
using Needling.Contracts.Consent;
using Needling.Contracts.Patients;
using Needling.Contracts.Sessions;

namespace Needling.Fhir.Gathering;

/// <summary>What the owning modules answered about one patient; a part that was not asked for is empty.</summary>
internal sealed record PatientRecord(
    PatientDemographics Patient,
    IReadOnlyList<PatientAppointment> Appointments,
    IReadOnlyList<SignedConsentRecord> Consents,
    IReadOnlyList<PatientSession> Sessions,
    IReadOnlyList<AftercareSheetRecord> Sheets,
    IReadOnlyDictionary<Guid, PractitionerInfo> Practitioners,
    IReadOnlyDictionary<string, string> TreatmentNames,
    ClinicResources? Resources);

/// <summary>Which parts of the record a request needs.</summary>
[Flags]
internal enum Parts
{
    None = 0,
    Appointments = 1,
    Consents = 2,
    Sessions = 4,
    Sheets = 8,
    All = Appointments | Consents | Sessions | Sheets,
}
