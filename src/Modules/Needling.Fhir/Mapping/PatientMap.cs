using Hl7.Fhir.Model;
using Needling.Contracts.Patients;
using Needling.Fhir.Terminology;

namespace Needling.Fhir.Mapping;

internal static class PatientMap
{
    public static Patient From(PatientDemographics p)
    {
        var patient = new Patient
        {
            Id = Elements.Id(p.Id),
            Identifier = [new Identifier(CodeSystems.Uri, $"urn:uuid:{Elements.Id(p.Id)}")],
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = p.FamilyName, Given = [p.GivenName] }],
            BirthDate = p.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Communication =
            [
                new Patient.CommunicationComponent { Language = Elements.Local(CodeSystems.Bcp47, p.PreferredLanguage), Preferred = true },
            ],
        };
        if (p.Phone is { Length: > 0 } phone)
        {
            patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, phone));
        }
        if (p.Email is { Length: > 0 } email)
        {
            patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, email));
        }
        return patient;
    }
}
