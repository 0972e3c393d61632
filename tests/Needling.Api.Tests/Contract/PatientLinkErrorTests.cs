using System.Net;
using System.Net.Http.Headers;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Contract;

/// <summary>A bad patient link: the patient's browser gets a readable page, any other client problem+json.</summary>
public sealed class PatientLinkErrorTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/consent/sign/not-a-token")]
    [InlineData("/aftercare/not-a-token")]
    [InlineData("/aftercare/not-a-token/pdf")]
    [InlineData("/aftercare/follow-up/not-a-token")]
    public async Task A_browser_gets_a_page_and_a_program_gets_problem_json(string path)
    {
        using var client = app.Anonymous();
        var browser = new HttpRequestMessage(HttpMethod.Get, path);
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var page = await client.SendAsync(browser);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var program = new HttpRequestMessage(HttpMethod.Get, path);
        program.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var problem = await client.SendAsync(program);
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await problem.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
