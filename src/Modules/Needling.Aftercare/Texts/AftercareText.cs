using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace Needling.Aftercare.Texts;

internal sealed record TextSection(string Heading, IReadOnlyList<string>? Paragraphs = null, IReadOnlyList<string>? Bullets = null);

internal sealed record SheetLabels(string Patient, string Treatment, string SessionDate, string Areas, string Clinic, string Footer);

internal sealed record HomeTopicalsText(string Heading, string Intro, string Line);

internal sealed record NextSessionText(string Heading, string Text, string Course);

internal sealed record CallClinicText(string Heading, IReadOnlyList<string> Bullets, string Phone, string NoPhone);

internal sealed record EmergencyText(string Heading, string Text);

internal sealed record ProductText(string Heading, string Text, string Line);

internal sealed record MessageText(string Subject, string Body);

/// <summary>The signing-link e-mail; <see cref="NotTranslated"/> goes first when the form has no text in the patient's language.</summary>
internal sealed record ConsentLinkText(string Subject, string Body, string NotTranslated);

internal sealed record FollowUpText(string Subject, string Body, string PageTitle, string Question, string AllFine, string SomethingWrong,
    string Describe, string Photo, string Send, string Thanks, string ThanksWorried, string Expired);

internal sealed record DownloadPageText(string Title, string Text, string Button, string Expired);

/// <summary>
/// The patient-facing words of the aftercare sheet and messages in one language (Texts/aftercare.{lang}.json,
/// written for review by a clinician and native speakers; see Texts/README.md). Placeholders in braces are
/// filled by <see cref="Fill"/>.
/// </summary>
internal sealed record AftercareText(
    string Language, string Culture, string DateFormat, string Title, string Intro, SheetLabels Labels,
    IReadOnlyDictionary<string, string> Treatments, IReadOnlyDictionary<string, string> Indications,
    IReadOnlyDictionary<string, IReadOnlyList<TextSection>> ByTreatment, IReadOnlyDictionary<string, IReadOnlyList<TextSection>> ByIndication,
    TextSection Bruising, HomeTopicalsText HomeTopicals, NextSessionText NextSession, CallClinicText CallClinic, EmergencyText Emergency,
    ProductText Product, MessageText Email, FollowUpText FollowUp, MessageText Reminder, ConsentLinkText ConsentLink, DownloadPageText DownloadPage)
{
    public static readonly IReadOnlyList<string> Languages = ["en", "ja", "th"];
    private static readonly ConcurrentDictionary<string, AftercareText> Loaded = new(StringComparer.Ordinal);

    /// <summary>The texts in the language, or in English when the language has none.</summary>
    public static AftercareText For(string language) =>
        Loaded.GetOrAdd(Languages.Contains(language) ? language : "en", Load);

    public CultureInfo CultureInfo => CultureInfo.GetCultureInfo(Culture);

    public string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo);

    public string TreatmentName(string code) => Treatments.TryGetValue(code, out var name) ? name : code;

    public static string Fill(string template, params (string Key, string Value)[] values)
    {
        foreach (var (key, value) in values)
        {
            template = template.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }
        return template;
    }

    private static AftercareText Load(string language)
    {
        using var stream = typeof(AftercareText).Assembly.GetManifestResourceStream($"Needling.Aftercare.Texts.aftercare.{language}.json")
            ?? throw new InvalidOperationException($"The aftercare texts in '{language}' are not embedded (Texts/aftercare.{language}.json).");
        return JsonSerializer.Deserialize<AftercareText>(stream, Json) ?? throw new InvalidOperationException($"Texts/aftercare.{language}.json is empty.");
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}
