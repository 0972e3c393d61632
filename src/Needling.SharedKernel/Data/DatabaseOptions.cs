namespace Needling.SharedKernel.Data;

/// <summary>Which database the service runs on; bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default), PostgreSql or SqlServer (servers, shared by several instances).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; for SQLite, empty means a file under <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded database and other local state live.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Apply pending migrations when the service starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }
        if (Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"Database:ConnectionString is required when Database:Provider is {Provider}.");
        }
        Directory.CreateDirectory(DataFolder);
        return $"Data Source={Path.GetFullPath(Path.Combine(DataFolder, "needling.db"))}";
    }
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
