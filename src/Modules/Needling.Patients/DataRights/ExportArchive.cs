using System.IO.Compression;
using System.Security.Cryptography;
using Needling.Contracts.DataRights;
using Needling.SharedKernel.DataRights;

namespace Needling.Patients.DataRights;

/// <summary>
/// Writes the export as a ZIP straight into the answer: data/{module}.json per module, the stored documents byte for
/// byte, and last manifest.json with each file's size and SHA-256 (so the patient, or the clinic they take it to, can
/// check that nothing was changed on the way).
/// </summary>
internal static class ExportArchive
{
    public const string Format = "needling-patient-export/1";

    public static async Task WriteAsync(Stream response, Guid patientId, DateTime exportedAtUtc, IReadOnlyList<ModuleExport> parts, CancellationToken ct)
    {
        await using var output = new BufferedResponseStream(response);
        await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct))
        {
            await WriteEntriesAsync(zip, patientId, exportedAtUtc, parts, ct);
        }
        await output.FlushAsync(ct);
    }

    private static async Task WriteEntriesAsync(ZipArchive zip, Guid patientId, DateTime exportedAtUtc, IReadOnlyList<ModuleExport> parts, CancellationToken ct)
    {
        var files = new List<object>();
        async Task Add(string path, string contentType, byte[] content)
        {
            // PDFs and photos are compressed already; JSON is not.
            var entry = zip.CreateEntry(path, contentType == "application/json" ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            entry.LastWriteTime = new DateTimeOffset(exportedAtUtc, TimeSpan.Zero);
            await using (var stream = await entry.OpenAsync(ct))
            {
                await stream.WriteAsync(content, ct);
            }
            files.Add(new { path, contentType, size = content.LongLength, sha256 = Convert.ToHexStringLower(SHA256.HashData(content)) });
        }

        foreach (var part in parts)
        {
            await Add($"data/{part.Module}.json", "application/json", part.Json);
            foreach (var file in part.Files)
            {
                await Add(file.Path, file.ContentType, file.Content);
            }
        }
        var manifest = ExportJson.Serialize(new { format = Format, patientId, exportedAtUtc, files });
        var manifestEntry = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
        await using (var stream = await manifestEntry.OpenAsync(ct))
        {
            await stream.WriteAsync(manifest, ct);
        }
    }
}
