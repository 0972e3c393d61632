namespace Needling.Api.Tests.Support;

internal static class Samples
{
    /// <summary>The repository's root (where Needling.sln is), for writing docs/samples.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Needling.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Needling.sln not found above " + AppContext.BaseDirectory);
    }
}
