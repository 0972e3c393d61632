namespace Needling.Consent.Domain;

/// <summary>
/// The words of one consent form in one language, as stored with its version (JSON). <see cref="TreatmentName"/> is the
/// treatment's name in that language for the signed PDF (forms published before it existed fall back to the clinic's name).
/// </summary>
internal sealed record TemplateContent(string TreatmentCode, string Language, string Title, IReadOnlyList<TemplateSection> Sections, IReadOnlyList<string> Acknowledgements,
    string? TreatmentName = null);

internal sealed record TemplateSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Bullets);
