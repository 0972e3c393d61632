using Hl7.Fhir.Model;
using Needling.SharedKernel.Hosting;

namespace Needling.Fhir.Http;

/// <summary>
/// A searchset Bundle, as FHIR servers answer a search and Patient/$everything. Full URLs are RESTful
/// ({Mail:PublicBaseUrl}/fhir/{type}/{id}), so that the resources' relative references resolve inside the bundle.
/// </summary>
internal static class Searchset
{
    public static Bundle Of(IEnumerable<Resource> matches, string selfPath, PublicAddress address, DateTimeOffset now)
    {
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString("D"),
            Type = Bundle.BundleType.Searchset,
            Timestamp = now,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = address.Absolute(selfPath) }],
        };
        foreach (var resource in matches)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = address.Absolute($"/fhir/{resource.TypeName}/{resource.Id}"),
                Resource = resource,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }
        bundle.Total = bundle.Entry.Count;
        return bundle;
    }
}
