using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Caching;

namespace Needling.Consent.Domain;

/// <summary>
/// One language of one version of a treatment's consent form. Versions are numbered per treatment and
/// never edited once published: a change is a new version. <see cref="RequiresReconsent"/> on a version
/// makes every consent signed on an earlier version invalid.
/// </summary>
[CachedAs(Integration.GetConsentStatusHandler.Region)]
internal sealed class ConsentTemplate : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string TreatmentCode { get; init; } = "";
    public int Version { get; init; }
    public string Language { get; init; } = "";
    public string Title { get; init; } = "";
    public string ContentJson { get; init; } = "";
    public bool RequiresReconsent { get; init; }
    public DateTime PublishedAtUtc { get; init; }
    public string PublishedBy { get; init; } = "";
    public string? Note { get; init; }

    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "en", "ja", "th" };
}
