using System.Runtime.CompilerServices;

namespace Autonomy.Storage.Tests.Support;

/// <summary>Finds files of the repository from this source file, wherever the test binaries were built.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string OrleansSchema => Path.Combine(Root, "schema", "postgresql", "0001_orleans.sql");

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        // The binaries may live outside the tree (--artifacts-path), so start from this source file.
        foreach (var start in new[] { Path.GetDirectoryName(thisFile), AppContext.BaseDirectory })
        {
            for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Autonomy.Orleans.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Autonomy.Orleans.sln was not found above {thisFile} or {AppContext.BaseDirectory}.");
    }
}
