using System.Diagnostics;

namespace Needling.Documents.Tests.Support;

// Runs poppler-utils on a rendered PDF: real tools, the same a person would use to check a consent form.
internal static class Poppler
{
    private const string File = "{pdf}";

    public static string Text(byte[] pdf) => Run("pdftotext", pdf, "-layout", File, "-");

    public static string Fonts(byte[] pdf) => Run("pdffonts", pdf, File);

    public static string Info(byte[] pdf) => Run("pdfinfo", pdf, File);

    public static string Images(byte[] pdf) => Run("pdfimages", pdf, "-list", File);

    public static int Pages(byte[] pdf)
    {
        var line = Info(pdf).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Renders every page to PNG in <paramref name="folder"/> and returns the files, first page first.</summary>
    public static string[] RenderPng(byte[] pdf, string folder, int dpi)
    {
        Run("pdftoppm", pdf, "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), File, Path.Combine(folder, "page"));
        return Directory.GetFiles(folder, "page*.png").Order(StringComparer.Ordinal).ToArray();
    }

    private static string Run(string tool, byte[] pdf, params string[] arguments)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "document.pdf");
        System.IO.File.WriteAllBytes(path, pdf);
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument == File ? path : argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed; these tests check real PDFs with poppler-utils: apt-get install poppler-utils", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stderr}");
            }

            return stdout.Result;
        }
    }
}
