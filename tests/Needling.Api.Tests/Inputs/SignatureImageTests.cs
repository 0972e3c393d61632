using System.Net;
using System.Net.Http.Json;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Inputs;

/// <summary>
/// The drawn signature: every kind of PNG a browser or editor writes is taken and drawn into the signed PDF; a file
/// that is not a valid PNG, is too large or shows nothing is refused with a 422 that says why, on the clinic's tablet
/// and on the patient's anonymous link alike, and the request stays open to be signed properly.
/// </summary>
public abstract class SignatureImageTests(AppFixture app)
{
    private static byte[] Drawn(PngWriter.Kind kind)
    {
        var rgba = Png.Decode(DrawnSignature.Png()).Pixels;
        return PngWriter.Write(600, 200, rgba, kind);
    }

    private async Task<(HttpClient Desk, Guid Request)> OpenRequest(string family)
    {
        var desk = await app.As("Receptionist");
        var patient = await desk.RegisterPatient("Sig", BookingSetup.Unique(family));
        return (desk, (await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = "MN-PEN" })).Id());
    }

    private static string DataUrl(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    [Theory]
    [InlineData(PngWriter.Kind.Rgba8)]
    [InlineData(PngWriter.Kind.Rgba16)]
    [InlineData(PngWriter.Kind.Rgb16)]
    [InlineData(PngWriter.Kind.Rgba8Interlaced)]
    [InlineData(PngWriter.Kind.Grey16Interlaced)]
    [InlineData(PngWriter.Kind.Palette8)]
    [InlineData(PngWriter.Kind.Palette2)]
    [InlineData(PngWriter.Kind.Grey8)]
    [InlineData(PngWriter.Kind.GreyAlpha8)]
    [InlineData(PngWriter.Kind.Grey1)]
    public async Task Every_kind_of_PNG_is_accepted_and_the_signature_shows_in_the_PDF(PngWriter.Kind kind)
    {
        var (desk, request) = await OpenRequest("Kind");
        using var _ = desk;
        var signed = await desk.PostOk($"/consent/requests/{request}/sign", new { fullName = "Sig Kind", signaturePng = DataUrl(Drawn(kind)) });
        var pdf = await (await desk.GetAsync($"/consent/signed/{signed.Id()}/pdf")).Content.ReadAsByteArrayAsync();
        var images = await PdfImages.ExtractAsync(pdf);
        Assert.Contains(images, i => i.Image.Marks().Count > 300);
    }

    [Fact]
    public async Task A_16_bit_interlaced_signature_is_accepted_through_the_patients_link()
    {
        var (desk, request) = await OpenRequest("Link");
        using var _ = desk;
        var link = (await desk.PostOk($"/consent/requests/{request}/link", new { }, HttpStatusCode.OK)).GetProperty("url").GetString()!;
        using var phone = app.Anonymous();
        var png = Drawn(PngWriter.Kind.Grey16Interlaced);
        await (await phone.PostAsJsonAsync(link, new { fullName = "Sig Link", signaturePng = DataUrl(png) })).Json(HttpStatusCode.OK);
    }

    public static TheoryData<string, string> Refused()
    {
        var good = Drawn(PngWriter.Kind.Rgba8);
        return new TheoryData<string, string>
        {
            { "bm90IGEgcG5n", "not a PNG" },
            { "%%% not base64 %%%", "base64" },
            { Convert.ToBase64String([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1]), "not a PNG" },
            { Convert.ToBase64String(good[..(good.Length / 2)]), "truncated" },
            { Convert.ToBase64String(good[..^12]), "truncated" },
            { Convert.ToBase64String(PngWriter.WithBadCrc(good)), "CRC" },
            { Convert.ToBase64String(PngWriter.WithCorruptData(good)), "damaged" },
            { Convert.ToBase64String(PngWriter.Huge(100_000, 100_000)), "too large" },
            { Convert.ToBase64String(PngWriter.Huge(0x7FFFFFFF, 1)), "too large" },
            { Convert.ToBase64String(PngWriter.Huge(0xFFFFFFFF, 0xFFFFFFFF)), "too large" },
            { Convert.ToBase64String(PngWriter.Blank(600, 200)), "blank" },
            { Convert.ToBase64String(PngWriter.Blank(600, 200, 0xFFFFFFFF)), "blank" },
            { Convert.ToBase64String(PngWriter.Blank(600, 200, 0x000000FF)), "blank" },
        };
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_signature_that_is_not_a_valid_drawn_PNG_is_a_422_naming_the_problem_on_the_tablet(string signaturePng, string said)
    {
        var (desk, request) = await OpenRequest("Bad");
        using var _ = desk;
        var problem = await (await desk.PostAsJsonAsync($"/consent/requests/{request}/sign", new { fullName = "Sig Bad", signaturePng }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("signaturePng", problem.Detail());
        Assert.Contains(said, problem.Detail());
        // Nothing was stored: the same request can still be signed properly.
        await desk.PostOk($"/consent/requests/{request}/sign", new { fullName = "Sig Bad", signaturePng = PdfTools.SignaturePng() });
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_signature_that_is_not_a_valid_drawn_PNG_is_a_422_naming_the_problem_on_the_anonymous_link(string signaturePng, string said)
    {
        var (desk, request) = await OpenRequest("BadLink");
        using var _ = desk;
        var link = (await desk.PostOk($"/consent/requests/{request}/link", new { }, HttpStatusCode.OK)).GetProperty("url").GetString()!;
        using var phone = app.Anonymous();
        var problem = await (await phone.PostAsJsonAsync(link, new { fullName = "Sig Bad", signaturePng })).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(said, problem.Detail());
        await (await phone.PostAsJsonAsync(link, new { fullName = "Sig Bad", signaturePng = PdfTools.SignaturePng() })).Json(HttpStatusCode.OK);
    }
}

public sealed class SignatureImageTestsOnSqlite(SqliteApp app) : SignatureImageTests(app), IClassFixture<SqliteApp>;

public sealed class SignatureImageTestsOnPostgres(PostgresApp app) : SignatureImageTests(app), IClassFixture<PostgresApp>;
