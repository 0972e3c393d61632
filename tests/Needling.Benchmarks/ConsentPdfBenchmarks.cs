using BenchmarkDotNet.Attributes;
using Needling.Consent.Domain;
using Needling.Consent.Seed;
using Needling.Consent.Signing;
using PdfSharp.Pdf.IO;

namespace Needling.Benchmarks;

// The signed consent PDF as the service renders it at signing (ConsentPdf.Render): the shipped MN-PEN form (version 1)
// in English, Japanese and Thai, with the patient table, the signed-by table and a 600 × 200 drawn signature PNG (as a
// browser canvas sends it). Warm: fonts resolved and XFonts cached by the setup's render. Goal: at least 20 two-page
// documents a second on this 2-core machine (docs/benchmarks.md). TwoThreads renders 8 documents on 2 threads at once
// (OperationsPerInvoke = 8), so its Mean is the wall time per document with both cores busy: 1 / Mean = documents/second.
[MemoryDiagnoser]
public class ConsentPdfBenchmarks
{
    private const int ParallelDocuments = 8;
    private static readonly string[] Languages = ["en", "ja", "th"];

    private readonly Dictionary<string, TemplateContent> forms = [];
    private byte[] signature = [];

    [Params("en", "ja", "th")]
    public string Language { get; set; } = "en";

    [GlobalSetup]
    public void Setup()
    {
        var shipped = TemplateLibrary.Defaults();
        foreach (var language in Languages)
        {
            forms[language] = shipped.Single(t => t.TreatmentCode == "MN-PEN" && t.Language == language);
        }
        signature = DrawnSignaturePng();
        // The scenario must stay a two-page signed consent, or the number means something else.
        foreach (var language in Languages)
        {
            using var pdf = PdfReader.Open(new MemoryStream(Render(language)), PdfDocumentOpenMode.Import);
            if (pdf.PageCount != 2)
            {
                throw new InvalidOperationException($"The {language} consent has {pdf.PageCount} pages, not 2.");
            }
        }
    }

    [Benchmark]
    public byte[] SignedConsent() => Render(Language);

    [Benchmark(OperationsPerInvoke = ParallelDocuments)]
    public int SignedConsentTwoThreads()
    {
        int bytes = 0;
        Parallel.For(0, ParallelDocuments, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _ => Interlocked.Add(ref bytes, Render(Language).Length));
        return bytes;
    }

    private byte[] Render(string language) => ConsentPdf.Render(forms[language], new ConsentPdf.Facts(
        "Harbour Skin Clinic", language switch { "ja" => "陽菜 佐藤", "th" => "กัญญา ศรีสุข", _ => "Eleanor Whitcombe" }, new DateOnly(1988, 3, 14),
        "Microneedling, automated pen", 1, language switch { "ja" => "佐藤 陽菜", "th" => "กัญญา ศรีสุข", _ => "Eleanor Whitcombe" },
        signature, new DateTime(2026, 11, 20, 9, 41, 0, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(language switch { "ja" => "Asia/Tokyo", "th" => "Asia/Bangkok", _ => "Europe/London" }), "link"));

    // A 600 × 200 RGBA PNG with a looped scrawl and an underline on a transparent background (what a signing canvas sends).
    private static byte[] DrawnSignaturePng()
    {
        const int w = 600, h = 200;
        var rgba = new byte[w * h * 4];
        void Dot(double x, double y)
        {
            for (int dy = -1; dy <= 1; dy++)
            {
                for (int dx = -1; dx <= 1; dx++)
                {
                    int px = (int)x + dx, py = (int)y + dy;
                    if (px is >= 0 and < w && py is >= 0 and < h)
                    {
                        int o = (py * w + px) * 4;
                        (rgba[o], rgba[o + 1], rgba[o + 2], rgba[o + 3]) = ((byte)0, (byte)0, (byte)0x22, (byte)255);
                    }
                }
            }
        }
        for (double t = 0; t <= 1; t += 0.0005)
        {
            Dot(w * (0.18 + 0.52 * t + 0.03 * Math.Sin(2 * Math.PI * 7 * t)), h * (0.52 - 0.17 * Math.Cos(2 * Math.PI * 7 * t)));
            Dot(w * (0.08 + 0.80 * t), h * (0.84 - 0.08 * Math.Sin(Math.PI * t)));
        }
        using var idat = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(idat, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < h; y++)
            {
                z.WriteByte(0);
                z.Write(rgba, y * w * 4, w * 4);
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, w >> 8, w & 0xFF, 0, 0, 0, h, 8, 6, 0, 0, 0]);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        uint crc = 0xFFFFFFFF;
        foreach (var b in typed)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }
        crc = ~crc;
        s.Write([(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length]);
        s.Write(typed);
        s.Write([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
    }
}
