namespace Autonomy.Silo.Tests.Support;

/// <summary>The sample tools the host loads: one per file, named after the file.</summary>
internal static class SampleTools
{
    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.EnumerateFiles(TestSiloHost.SamplesDirectory, "*.cs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];
}
