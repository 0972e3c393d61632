using Hl7.Fhir.Model;
using Needling.SharedKernel.Hosting;

namespace Needling.Fhir.Http;

/// <summary>
/// A searchset Bundle, as FHIR servers answer a search and Patient/$everything. Full URLs are RESTful
/// ({Mail:PublicBaseUrl}/fhir/{type}/{id}), so that the resources' relative references resolve inside the bundle.
/// </summary>
internal static class Searchset
{
    /// <param name="matches">The resources asked for.</param>
    /// <param name="includes">Resources they refer to, added so that the references resolve (search mode "include").</param>
    public static Bundle Of(IEnumerable<Resource> matches, IEnumerable<Resource> includes, string selfPath, PublicAddress address, DateTimeOffset now)
    {
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString("D"),
            Type = Bundle.BundleType.Searchset,
            Timestamp = now,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = address.Absolute(selfPath) }],
        };
        Add(bundle, matches, Bundle.SearchEntryMode.Match, address);
        // total counts the matches only, as the specification says for a searchset.
        bundle.Total = bundle.Entry.Count;
        Add(bundle, includes, Bundle.SearchEntryMode.Include, address);
        return bundle;
    }

    private static void Add(Bundle bundle, IEnumerable<Resource> resources, Bundle.SearchEntryMode mode, PublicAddress address)
    {
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = address.Absolute($"/fhir/{resource.TypeName}/{resource.Id}"),
                Resource = resource,
                Search = new Bundle.SearchComponent { Mode = mode },
            });
        }
    }
}
