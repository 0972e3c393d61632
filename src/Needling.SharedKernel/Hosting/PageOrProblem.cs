using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Needling.SharedKernel.Hosting;

/// <summary>
/// An error on a page a patient opens from a link: a browser (it asks for text/html) gets the friendly page in the
/// patient's language; any other client — a script, an integration, a scanner — gets problem+json, as from every
/// other endpoint, so one error format holds for everything that is not a person reading a page.
/// </summary>
public sealed class PageOrProblem(IResult page, int status, string detail) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;

    public Task ExecuteAsync(HttpContext http) =>
        status < 400 || WantsHtml(http.Request) ? page.ExecuteAsync(http) : TypedResults.Problem(detail: detail, statusCode: status).ExecuteAsync(http);

    public static bool WantsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
