namespace Needling.Documents.Tests.Support;

// A folder under /tmp that is removed again, e.g. an empty font folder.
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("needling-documents-").FullName;

    public FontSettings AsFontFolder() => new() { Folders = [Path] };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder harms nothing.
        }
    }
}
