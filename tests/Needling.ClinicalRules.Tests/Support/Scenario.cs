namespace Needling.ClinicalRules.Tests.Support;

// One proposed session with sensible defaults: a healthy patient, a fully qualified practitioner, no history,
// a London clinic on a summer day (British Summer Time, so local and UTC dates can differ near midnight).
internal sealed record Scenario
{
    public static readonly DateOnly Day = new(2025, 6, 16);

    public RuleSet Rules { get; init; } = DefaultRuleSet.Load();
    public string Treatment { get; init; } = Codes.MnPen;
    public string Indication { get; init; } = Codes.Hyperpigmentation;
    public bool RequiresClearance { get; init; }
    public bool HasClearance { get; init; }
    public TimeZoneInfo Zone { get; init; } = Clinic.London;
    public DateTime StartUtc { get; init; } = Clinic.Utc(Clinic.London, Day, 10);
    public PatientFacts Patient { get; init; } = Patients.Healthy;
    public PractitionerFacts Practitioner { get; init; } = Practitioners.FullyQualified;
    public IReadOnlyList<SessionFact> History { get; init; } = [];
    public IReadOnlyList<string>? TreatedAreas { get; init; }
    public DeviceFacts? Device { get; init; }
    public bool? ElectricalStimulation { get; init; }

    public static Scenario For(string treatment, string indication) => new() { Treatment = treatment, Indication = indication };

    public Scenario At(TimeZoneInfo zone, DateOnly date, int hour, int minute = 0) =>
        this with { Zone = zone, StartUtc = Clinic.Utc(zone, date, hour, minute) };

    public Scenario WithSession(SessionKind kind, DateOnly date, int hour, int minute = 0, string? treatment = null, string? indication = null) =>
        this with { History = [.. History, new SessionFact(Clinic.Utc(Zone, date, hour, minute), treatment ?? Treatment, indication ?? Indication, kind)] };

    public EligibilityInput Input() => new(Rules, new TreatmentFacts(Treatment, RequiresClearance, HasClearance), Indication,
        StartUtc, Zone, Patient, Practitioner, History, TreatedAreas, Device, ElectricalStimulation);

    public EligibilityDecision Decide() => EligibilityEngine.Evaluate(Input());
}
