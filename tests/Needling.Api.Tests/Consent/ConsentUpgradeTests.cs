using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Needling.Api.Tests.Support;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.Consent.Seed;
using Needling.SharedKernel.Modules;

namespace Needling.Api.Tests.Consent;

/// <summary>
/// A clinic that started on the first shipped forms (version 1) upgrades: each form it still uses as shipped gets the new
/// edition as version 2, which requires consenting again; a form the clinic rewrote itself is left as it is.
/// Its own database, because it puts the template table back to how an edition-1 clinic has it.
/// </summary>
public abstract class ConsentUpgradeTests(AppFixture app)
{
    private const string EditionOneNote = "Shipped with Needling (src/Modules/Needling.Consent/Templates).";

    [Fact]
    public async Task A_patient_who_signed_version_1_is_asked_to_sign_again_after_the_upgrade_and_the_clinics_own_form_is_kept()
    {
        var published = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ConsentDbContext>();
            await db.Templates.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            foreach (var form in TemplateLibrary.Defaults())
            {
                // Edition 1 as a clinic has it: version 1, by "system", with the first note (the words stand in for the old text).
                db.Templates.Add(new ConsentTemplate
                {
                    TreatmentCode = form.TreatmentCode, Version = 1, Language = form.Language, Title = form.Title,
                    ContentJson = JsonSerializer.Serialize(form with { TreatmentName = null }, TemplateLibrary.Json),
                    PublishedAtUtc = published, PublishedBy = "system", Note = EditionOneNote,
                });
            }
            // The clinic rewrote its dry-needling form itself: version 2, its own words.
            db.Templates.Add(new ConsentTemplate
            {
                TreatmentCode = "DRY-NEEDLING", Version = 2, Language = "en", Title = "Our own dry needling form",
                ContentJson = JsonSerializer.Serialize(TemplateLibrary.Defaults().Single(t => t.TreatmentCode == "DRY-NEEDLING" && t.Language == "en") with { Title = "Our own dry needling form" }, TemplateLibrary.Json),
                PublishedAtUtc = published.AddDays(1), PublishedBy = "clinic-admin", Note = "Our wording.",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // A patient signs version 1 for the booked session.
        var r = await BookingSetup.Create(app, "SignedV1");
        using var desk = await app.As("Receptionist");
        var appointment = (await (await desk.Book(BookingSetup.Booking(r, BookingSetup.NextWeekday(10, weeksAhead: 6)))).Json(HttpStatusCode.Created)).GetProperty("appointment").Id();
        Guid firstRequest = default;
        Assert.True(await Sql.Eventually(async () =>
        {
            var open = (await desk.GetOk($"/patients/{r.Patient}/consents")).GetProperty("requests").EnumerateArray().ToList();
            firstRequest = open.Count == 1 ? open[0].Id() : default;
            return open.Count == 1;
        }));
        var signed = await desk.PostOk($"/consent/requests/{firstRequest}/sign", new { fullName = "Pat SignedV1", signaturePng = PdfTools.SignaturePng() });
        Assert.Equal(1, signed.GetProperty("templateVersion").GetInt32());
        Assert.Equal("valid", (await desk.GetOk($"/patients/{r.Patient}/consents/status/MN-PEN")).GetProperty("state").GetString());

        // The upgrade: the new release starts on that database.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var consent = scope.ServiceProvider.GetServices<IModuleInitializer>().Single(i => i is ConsentInitializer);
            await consent.SeedAsync(demo: false, TestContext.Current.CancellationToken);
            await consent.SeedAsync(demo: false, TestContext.Current.CancellationToken); // a second start changes nothing
        }

        var versions = (await desk.GetOk("/consent/templates")).EnumerateArray().ToList();
        var pen = versions.Where(v => v.GetProperty("treatmentCode").GetString() == "MN-PEN").Select(v => v.GetProperty("version").GetInt32()).Order().ToList();
        Assert.Equal([1, 2], pen);
        var dry = versions.Where(v => v.GetProperty("treatmentCode").GetString() == "DRY-NEEDLING").ToList();
        Assert.Equal(2, dry.Max(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("clinic-admin", dry.Single(v => v.GetProperty("version").GetInt32() == 2).GetProperty("publishedBy").GetString());

        Assert.Equal("superseded", (await desk.GetOk($"/patients/{r.Patient}/consents/status/MN-PEN")).GetProperty("state").GetString());
        var reopened = (await desk.GetOk($"/patients/{r.Patient}/consents")).GetProperty("requests").EnumerateArray().Single(x => x.GetProperty("status").GetString() == "open");
        Assert.Equal(appointment, reopened.GetProperty("appointmentId").GetGuid());

        var again = await desk.PostOk($"/consent/requests/{reopened.Id()}/sign", new { fullName = "Pat SignedV1", signaturePng = PdfTools.SignaturePng() });
        Assert.Equal(2, again.GetProperty("templateVersion").GetInt32());
        var pdf = await desk.GetByteArrayAsync($"/consent/signed/{again.Id()}/pdf");
        Assert.Contains("granulomas", await PdfTools.Text(pdf)); // a risk edition 2 added
        Assert.Equal("valid", (await desk.GetOk($"/patients/{r.Patient}/consents/status/MN-PEN")).GetProperty("state").GetString());
    }
}

public sealed class ConsentUpgradeTestsOnSqlite(SqliteApp app) : ConsentUpgradeTests(app), IClassFixture<SqliteApp>;

public sealed class ConsentUpgradeTestsOnPostgres(PostgresApp app) : ConsentUpgradeTests(app), IClassFixture<PostgresApp>;

public sealed class ConsentUpgradeTestsOnSqlServer(SqlServerApp app) : ConsentUpgradeTests(app), IClassFixture<SqlServerApp>;
