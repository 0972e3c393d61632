using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.Consent.Requests;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Modules;

namespace Needling.Consent.Seed;

/// <summary>
/// A new clinic starts with the shipped edition of each consent form, in every language shipped. A clinic
/// already running gets a newer shipped edition as a new version of each form it still uses as shipped;
/// a form whose newest version the clinic published itself is left alone (its own words stay in force).
/// </summary>
internal sealed class ConsentInitializer(ConsentDbContext db, TimeProvider clock, DemoConsent demoConsent) : ModuleInitializer<ConsentDbContext>(db)
{
    public override int Order => 30;

    public override async Task SeedAsync(bool demo, CancellationToken ct)
    {
        await UpgradeShippedTemplatesAsync(ct);
        if (demo)
        {
            await demoConsent.SeedAsync(ct);
        }
    }

    private async Task UpgradeShippedTemplatesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await Db.Templates.AsNoTracking().Select(t => new { t.TreatmentCode, t.Version, t.PublishedBy, t.Note }).ToListAsync(ct);
        var published = new List<(string TreatmentCode, int Version)>();
        foreach (var treatment in TemplateLibrary.Defaults().GroupBy(c => c.TreatmentCode))
        {
            var rows = existing.Where(t => t.TreatmentCode == treatment.Key).ToList();
            if (rows.Any(t => TemplateLibrary.IsEdition(t.Note, TemplateLibrary.Edition)))
            {
                continue;
            }
            var newest = rows.Count == 0 ? 0 : rows.Max(t => t.Version);
            if (rows.Any(t => t.Version == newest && t.PublishedBy != "system"))
            {
                continue; // the clinic's own version is in force: never replaced by shipped text
            }
            // A new clinic numbers the shipped edition as its version, so "v2" means the same words everywhere it can.
            var version = newest == 0 ? TemplateLibrary.Edition : newest + 1;
            foreach (var content in treatment)
            {
                Db.Templates.Add(new ConsentTemplate
                {
                    TreatmentCode = content.TreatmentCode,
                    Version = version,
                    Language = content.Language,
                    Title = content.Title,
                    ContentJson = JsonSerializer.Serialize(content, TemplateLibrary.Json),
                    // Nobody signed on a version that did not exist yet: only an upgrade asks patients to sign again.
                    RequiresReconsent = newest > 0 && TemplateLibrary.EditionRequiresReconsent,
                    PublishedAtUtc = now,
                    PublishedBy = "system",
                    Note = TemplateLibrary.NoteFor(TemplateLibrary.Edition),
                });
            }
            if (newest > 0 && TemplateLibrary.EditionRequiresReconsent)
            {
                published.Add((treatment.Key, version));
            }
        }
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return; // another instance upgraded the same database a moment ago
        }
        foreach (var (treatmentCode, version) in published)
        {
            await ConsentRequests.ReopenSupersededAsync(Db, treatmentCode, version, now, ct);
        }
    }
}
