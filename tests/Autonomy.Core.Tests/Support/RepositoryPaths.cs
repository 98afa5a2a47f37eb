using System.Runtime.CompilerServices;

namespace Autonomy.Core.Tests.Support;

/// <summary>Finds folders of the repository from a test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleTools => Path.Combine(Root, "samples", "tools");

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        // The test binaries may be built outside the tree (--artifacts-path), so start from this source file.
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

        throw new InvalidOperationException("Autonomy.Orleans.sln was not found above " + AppContext.BaseDirectory);
    }
}
