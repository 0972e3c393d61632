using System.Net;
using Microsoft.AspNetCore.Hosting;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Privacy;

/// <summary>In Production the API description and Swagger UI are not served unless Api:OpenApi turns them on.</summary>
public sealed class OpenApiInProductionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task In_production_the_document_and_swagger_ui_are_not_found_even_for_an_admin()
    {
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var admin = await app.As("Admin", production);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/swagger/index.html")).StatusCode);
        using var anonymous = production.CreateClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/swagger/index.html")).StatusCode);
    }

    [Fact]
    public async Task In_production_with_api_openapi_on_both_are_served()
    {
        await using var production = app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Api:OpenApi", "true");
        });
        using var anonymous = production.CreateClient();
        var document = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("\"openapi\": \"3.0", await document.Content.ReadAsStringAsync());
        var ui = await anonymous.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Equal("text/html", ui.Content.Headers.ContentType?.MediaType);
    }
}
