using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.SharedKernel.Modules;

namespace Needling.Consent.Seed;

/// <summary>A new clinic starts with version 1 of each shipped consent form, in every language shipped.</summary>
internal sealed class ConsentInitializer(ConsentDbContext db, TimeProvider clock, DemoConsent demoConsent) : ModuleInitializer<ConsentDbContext>(db)
{
    public override int Order => 30;

    public override async Task SeedAsync(bool demo, CancellationToken ct)
    {
        if (!await Db.Templates.AnyAsync(ct))
        {
            await SeedTemplatesAsync(ct);
        }
        if (demo)
        {
            await demoConsent.SeedAsync(ct);
        }
    }

    private async Task SeedTemplatesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var content in TemplateLibrary.Defaults())
        {
            Db.Templates.Add(new ConsentTemplate
            {
                TreatmentCode = content.TreatmentCode,
                Version = 1,
                Language = content.Language,
                Title = content.Title,
                ContentJson = JsonSerializer.Serialize(content, TemplateLibrary.Json),
                PublishedAtUtc = now,
                PublishedBy = "system",
                Note = "Shipped with Needling (src/Modules/Needling.Consent/Templates).",
            });
        }
        await Db.SaveChangesAsync(ct);
    }
}
