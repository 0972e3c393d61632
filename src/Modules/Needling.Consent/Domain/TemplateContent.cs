namespace Needling.Consent.Domain;

/// <summary>The words of one consent form in one language, as stored with its version (JSON).</summary>
internal sealed record TemplateContent(string TreatmentCode, string Language, string Title, IReadOnlyList<TemplateSection> Sections, IReadOnlyList<string> Acknowledgements);

internal sealed record TemplateSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Bullets);
