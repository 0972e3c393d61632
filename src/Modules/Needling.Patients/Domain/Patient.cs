using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Concurrency;

namespace Needling.Patients.Domain;

internal sealed class Patient : IAudited, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    Guid? IAudited.AuditPatientId => Id;
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>en, ja or th: the language of the patient's documents and messages.</summary>
    public string PreferredLanguage { get; set; } = "en";
    public DateTime RegisteredAtUtc { get; init; }
    public int Version { get; set; }

    /// <summary>Lower-case "given family", for finding a patient by any part of the name.</summary>
    public string SearchName { get; private set; } = "";

    /// <summary>Digits of the phone number only, so "+44 20 7946 0000" and "020 7946 0000" are found by their digits.</summary>
    public string? PhoneDigits { get; private set; }

    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "en", "ja", "th" };

    public void UpdateSearchKeys()
    {
        SearchName = Normalise($"{GivenName} {FamilyName}");
        PhoneDigits = Phone is null ? null : new string(Phone.Where(char.IsAsciiDigit).ToArray());
    }

    public static string Normalise(string name) =>
        string.Join(' ', name.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
