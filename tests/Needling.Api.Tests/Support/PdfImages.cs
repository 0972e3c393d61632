using System.Diagnostics;

namespace Needling.Api.Tests.Support;

/// <summary>
/// The images in a PDF, extracted with poppler's <c>pdfimages -png</c> and decoded. A PNG with transparency (a drawn
/// signature) is stored by PDFsharp as a colour image plus a soft mask (<c>smask</c>), which pdfimages writes separately.
/// </summary>
public static class PdfImages
{
    /// <summary>One extracted image: its page, its kind (<c>image</c>, <c>smask</c>, ...) as <c>pdfimages -list</c> names it, and its pixels.</summary>
    public sealed record Extracted(int Page, string Kind, Png.Image Image);

    public static async Task<IReadOnlyList<Extracted>> ExtractAsync(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("needling-pdfimages-").FullName;
        try
        {
            var file = Path.Combine(folder, "document.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            // -list prints two header lines, then one row per image in the order -png numbers the files.
            var rows = (await Run("pdfimages", "-list", file)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            await Run("pdfimages", "-png", file, Path.Combine(folder, "img"));
            var files = Directory.GetFiles(folder, "img-*.png").Order(StringComparer.Ordinal).ToList();
            Assert.True(files.Count == rows.Count, $"pdfimages listed {rows.Count} images but wrote {files.Count} PNG files.");
            return [.. rows.Zip(files, (row, png) => new Extracted(int.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture), row[2], Png.Decode(File.ReadAllBytes(png))))];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        Process process;
        try
        {
            process = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{tool} is not installed: apt-get install poppler-utils (tests/run.sh does it as root).");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}");
            return await output;
        }
    }
}
