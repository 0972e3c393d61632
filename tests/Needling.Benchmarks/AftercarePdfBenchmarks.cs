using BenchmarkDotNet.Attributes;
using Needling.Aftercare.Sheets;
using Needling.Aftercare.Texts;

namespace Needling.Benchmarks;

// The aftercare sheet as the service renders it once per signed session (AftercarePdf.Render): a microneedling session
// with bruising and a prescribed topical, from the shipped texts, in English, Japanese and Thai (two pages each). Warm:
// fonts resolved by the setup's render. 1 / Mean = sheets per second on one thread (docs/benchmarks.md).
[MemoryDiagnoser]
public class AftercarePdfBenchmarks
{
    [Params("en", "ja", "th")]
    public string Language { get; set; } = "en";

    [GlobalSetup]
    public void Setup() => Sheet();

    [Benchmark]
    public byte[] Sheet() => AftercarePdf.Render(AftercareText.For(Language), new AftercarePdf.Facts(
        "Harbour Skin Clinic", "+44 20 7946 0000", Language switch { "ja" => "佐藤 陽菜", "th" => "กัญญา ศรีสุข", _ => "Eleanor Whitcombe" },
        "MN-PEN", "hypopigmentation", new DateOnly(2026, 11, 20), ["cheeks", "forehead"], Bruising: true,
        [new AftercarePdf.Topical("Tacrolimus ointment", "0.1%", "twice a day", "4 weeks")], new DateOnly(2026, 12, 4),
        ThoraxNeedled: false, [], new DateTime(2026, 11, 20, 11, 5, 0, DateTimeKind.Utc)));
}
