using Hl7.Fhir.Model;
using Needling.Contracts.Clinic;

namespace Needling.Fhir.Mapping;

/// <summary>The practitioners the record refers to, so that $everything's references resolve inside the bundle.</summary>
internal static class PractitionerMap
{
    public static Practitioner From(PractitionerInfo p) => new()
    {
        Id = Elements.Id(p.Id),
        Active = p.Active,
        Name = [new HumanName { Text = p.DisplayName }],
    };

    public static ResourceReference Ref(Guid id, IReadOnlyDictionary<Guid, PractitionerInfo> known) =>
        Elements.Ref("Practitioner", id, known.GetValueOrDefault(id)?.DisplayName);
}
