using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.ClinicalRules;

namespace Needling.Protocols.BodyAreas;

/// <summary>
/// GET /body-areas: the codes screening answers, bookings and sessions take, with their hierarchy, depth zone
/// and names, so that a screen can offer a list instead of a free-text box.
/// </summary>
internal static class ReadBodyAreas
{
    internal sealed record BodyAreaDto(string Code, string? Parent, string? DepthZone, IReadOnlyDictionary<string, string> Names);

    // The vocabulary is fixed for the life of the process (an embedded resource): one list, built once.
    private static readonly Lazy<List<BodyAreaDto>> Areas = new(() =>
        BodyAreaVocabulary.Default.All.Select(a => new BodyAreaDto(a.Code, a.Parent, a.DepthZone, a.Names)).ToList());

    public static void Map(RouteGroupBuilder staff) =>
        staff.MapGet("/body-areas", () => TypedResults.Ok(Areas.Value))
            .WithTags("Body areas")
            .WithSummary("The body-area vocabulary: code, parent area, depth-chart zone and names in en, ja and th. A finding on an area applies to every area inside it.");
}
