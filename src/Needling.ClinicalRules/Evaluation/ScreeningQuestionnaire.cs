using System.Text.Json;

namespace Needling.ClinicalRules;

public sealed record ScreeningChoice(string Value, IReadOnlyDictionary<string, string> Text);

// One screening question (Defaults/screening-questions.json). DateWhen / AreasWhen / DetailWhen: the answer values
// that ask for a date, body areas, or free text. FixedAreas: where the answer always applies (cold sores: the face).
// OnlyUnderAge: asked only of patients younger than this.
public sealed record ScreeningQuestion(string Id, string Why, IReadOnlyDictionary<string, string> Text,
    IReadOnlyList<ScreeningChoice> Choices, IReadOnlyList<string> DateWhen, IReadOnlyList<string> AreasWhen,
    IReadOnlyList<string> DetailWhen, IReadOnlyList<string>? FixedAreas, int? OnlyUnderAge,
    IReadOnlyDictionary<string, string>? DateText, IReadOnlyDictionary<string, string>? DetailText);

public sealed record ScreeningQuestionnaire(int Version, IReadOnlyList<ScreeningQuestion> Questions)
{
    private const string ResourceName = "Needling.ClinicalRules.Defaults.screening-questions.json";

    private static readonly Lazy<ScreeningQuestionnaire> Loaded = new(Load);

    public static ScreeningQuestionnaire Default => Loaded.Value;

    public ScreeningQuestion? Find(string id) => Questions.FirstOrDefault(q => string.Equals(q.Id, id, StringComparison.Ordinal));

    private static ScreeningQuestionnaire Load()
    {
        using var stream = typeof(ScreeningQuestionnaire).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var questions = root.GetProperty("questions").Deserialize<List<ScreeningQuestion>>(options)
            ?? throw new InvalidOperationException("screening-questions.json has no questions.");
        return new ScreeningQuestionnaire(root.GetProperty("version").GetInt32(), questions);
    }
}
