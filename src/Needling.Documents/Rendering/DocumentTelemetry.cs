using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Needling.Documents.Rendering;

/// <summary>A span, a count and a duration per document rendered; the page count is the only detail (titles name patients).</summary>
internal static class DocumentTelemetry
{
    public const string Name = "Needling.Documents";
    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Rendered = Meter.CreateCounter<long>("needling.documents.rendered", "{document}", "PDF documents rendered.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("needling.document.render.duration", "s", "Time to lay out and render one PDF document.");

    public static void Record(int pages, long startedTimestamp)
    {
        var tags = new TagList { { "needling.document.pages", pages } };
        Rendered.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tags);
    }
}
