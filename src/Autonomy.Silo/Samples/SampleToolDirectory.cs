namespace Autonomy.Silo.Samples;

/// <summary>Finds the folder of sample tools.</summary>
internal static class SampleToolDirectory
{
    /// <summary>
    /// The configured folder (relative to the current directory), or <c>samples/tools</c> under the nearest parent
    /// of the current directory that holds the solution file; null when there is none.
    /// </summary>
    public static string? Resolve(SampleToolsOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Directory))
        {
            return Path.GetFullPath(options.Directory);
        }

        return FindRepositoryRoot() is { } root ? Path.Combine(root, SampleToolsOptions.RepositorySamplesFolder) : null;
    }

    /// <summary>The nearest parent of the current directory that holds the solution file; null when there is none.</summary>
    public static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SampleToolsOptions.RepositoryMarker)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
