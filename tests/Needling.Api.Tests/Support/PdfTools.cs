using System.Diagnostics;

namespace Needling.Api.Tests.Support;

/// <summary>Reads PDFs with poppler-utils (pdftotext, pdffonts), as a person checking a document would.</summary>
public static class PdfTools
{
    public static async Task<string> Text(byte[] pdf) => await Run("pdftotext", pdf, "-enc UTF-8 -layout {0} -");

    /// <summary>The font table rows of pdffonts (name, type, encoding, emb, sub, uni, object).</summary>
    public static async Task<IReadOnlyList<string>> Fonts(byte[] pdf) =>
        (await Run("pdffonts", pdf, "{0}")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

    private static async Task<string> Run(string tool, byte[] pdf, string args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"needling-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var psi = new ProcessStartInfo(tool, string.Format(System.Globalization.CultureInfo.InvariantCulture, args, file))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process process;
            try
            {
                process = Process.Start(psi)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new InvalidOperationException($"{tool} is not installed: apt-get install poppler-utils (tests/run.sh does it as root).");
            }
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {await process.StandardError.ReadToEndAsync()}");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A small real PNG (a drawn stroke), as a browser canvas would send.</summary>
    public static string SignaturePng()
    {
        // 300x100 RGBA PNG, a dark wave on a transparent background, like a drawn signature.
        const string png = "iVBORw0KGgoAAAANSUhEUgAAASwAAABkCAYAAAA8AQ3AAAACQUlEQVR42u3dS07DAAwE0Kx7Eu5/wbKvkEo/UeyZ9ySWoNgzmGbFcQAAAAAAAAAAAAAAAAAAAAAAAAAAAACw0e32c3/2ZUsyhPElV3oZwrqSK3xWhnJkbdHP/D5kCF8p+lU/AxnCv0s64ZeGazM84+fBMbmYCi9DODYVUuFlCKuKqPAyhFUFVPacDOVIdNEdLRnCytIpvAxhTdm8VmQcDBlSUzJlz8lQjlQUTNn3702GVJVL4WUIa0rltSLjMMiQmjIpu4MFq8qk8DKEVSVS9owM5UjFEVB2BwtFv3tmGXpmlMZz24XXe5Td0ZIhim4G85sBJTGHVyoZUl6S1sLLEEX3SUOGMkQx/AKbV4YoRV3hZYhjZT6fkGWIMpjRfGZECeo+gciQqoPlOJvLrAjfzOYxM0I3d/MrkoPlYJndHGb3B0fYiiJDO5Chq67sDpYMhWwXntsuPLcl2YcMvTHI0KK6diJDGQrVblbsRoYyFCb+yagMvb4K045kaEcytKS6XclQhsJjxb5k+N6+Ju1s4jMJztFysOxMhpbUuzsZylBYrPh0KsP9O5ShJVUcLa/zMhQQK46/DPfvU4aWVHG0ZJjxh0eGih5feBlmHBEZKnr8jmWYcbRkqOjxu5bhNRl+c99n/dxRi1N0hZdhVoaxOX4yXMWCwgsvw4yjVZPjO4M+fo+iz8nvlSxkuP9wVWb4V+lf+VI3GSLD8ctSMRky42hZmOXEl96mZAgAAAAAAAAAAAAAAAAAAAAAAAAAAAAQ6BdVTb/y5hQcewAAAABJRU5ErkJggg==";
        return "data:image/png;base64," + png;
    }
}
