using System.Runtime.Versioning;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Needling.SharedKernel.Data;

namespace Needling.Api.Hosting;

/// <summary>
/// The data folder holds the SQLite database (every patient's record), Hangfire's SQLite store, the token-signing key,
/// the data-protection keys (which sign patients' links) and unsent e-mail: on Unix it is the service user's alone
/// (folder 0700, files 0600). New files are made so; what an older version or a copy left wider is tightened at start.
/// SQLite gives its -wal, -shm and -journal files the mode of the database file, so that file is created first, empty
/// (SQLite takes an empty file for a new database), with mode 0600. Windows: the folder's ACLs are the operator's.
/// </summary>
internal static class DataFolderPermissions
{
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public const string KeysFolder = "keys";

    /// <summary>Makes the folder, its database files and its keys folder owner-only; returns what had to be tightened (names only).</summary>
    public static IReadOnlyList<string> Secure(DatabaseOptions database)
    {
        if (OperatingSystem.IsWindows())
        {
            return [];
        }
        var folder = Path.GetFullPath(database.DataFolder);
        var tightened = new List<string>();
        CreateFolder(folder);
        CreateFolder(Path.Combine(folder, KeysFolder));
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            CreateEmptyFile(SqliteFile(database));
            CreateEmptyFile(Path.Combine(folder, Jobs.JobStorageFactory.SqliteFile));
            // A database kept outside the data folder (its own connection string) is tightened too, with its companions.
            if (SqliteFile(database) is { } db && !db.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                foreach (var file in new[] { db, db + "-wal", db + "-shm", db + "-journal" })
                {
                    Tighten(file, folder, tightened);
                }
            }
        }
        Tighten(folder, folder, tightened);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            Tighten(entry, folder, tightened);
        }
        return tightened;
    }

    public static void LogTightened(ILogger log, IReadOnlyList<string> tightened)
    {
        if (tightened.Count > 0)
        {
            // File names only (needling.db, keys/key-….xml, mail/….eml): no patient data.
            log.LogWarning("Data folder: {Count} file(s) or folder(s) were readable by others and are now the service user's only: {Names}",
                tightened.Count, string.Join(", ", tightened));
        }
    }

    /// <summary>Data-protection keys in the data folder's keys/, each key file owner-only as it is written.</summary>
    public static IServiceCollection PersistKeysOwnerOnly(this IServiceCollection services, DatabaseOptions database)
    {
        var keys = new DirectoryInfo(Path.Combine(Path.GetFullPath(database.DataFolder), KeysFolder));
        services.AddOptions<KeyManagementOptions>().Configure<ILoggerFactory>((o, logs) => o.XmlRepository = new OwnerOnlyXmlRepository(keys, logs));
        return services;
    }

    private static string? SqliteFile(DatabaseOptions database)
    {
        var source = new SqliteConnectionStringBuilder(database.ResolveConnectionString()).DataSource;
        return string.IsNullOrWhiteSpace(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(source);
    }

    [UnsupportedOSPlatform("windows")]
    private static void CreateFolder(string path)
    {
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, OwnerOnlyFolder);
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static void CreateEmptyFile(string? path)
    {
        if (path is null || File.Exists(path))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using var _ = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance made it a moment ago: its mode is checked below like any other file's.
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static void Tighten(string path, string folder, List<string> tightened)
    {
        if (!Path.Exists(path))
        {
            return;
        }
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) != 0)
        {
            File.SetUnixFileMode(path, mode & ~GroupOrOther);
            var name = Path.GetRelativePath(folder, path);
            tightened.Add(name == "." ? "(the folder itself)" : name);
        }
    }

    /// <summary>The framework's file repository, with each key file it writes made owner-only straight away.</summary>
    private sealed class OwnerOnlyXmlRepository(DirectoryInfo directory, ILoggerFactory logs) : IXmlRepository
    {
        private readonly FileSystemXmlRepository _files = new(directory, logs);

        public IReadOnlyCollection<XElement> GetAllElements() => _files.GetAllElements();

        public void StoreElement(XElement element, string friendlyName)
        {
            _files.StoreElement(element, friendlyName);
            if (OperatingSystem.IsWindows())
            {
                return;
            }
            foreach (var file in directory.EnumerateFiles("*.xml"))
            {
                if ((file.UnixFileMode & GroupOrOther) != 0)
                {
                    file.UnixFileMode = OwnerOnlyFile;
                }
            }
        }
    }
}
