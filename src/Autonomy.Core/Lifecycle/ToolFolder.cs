using System.Text;
using Autonomy.Core.Compilation;

namespace Autonomy.Core.Lifecycle;

/// <summary>Reads the tools folder, and writes an active source back to its file.</summary>
public static class ToolFolder
{
    /// <summary>The files read: C# sources at the top of the folder.</summary>
    public const string Pattern = "*.cs";

    /// <summary>
    /// Reads every <c>*.cs</c> file at the top of <paramref name="directory"/> (relative paths against the working
    /// directory) and the tool each declares. A file that declares no tool, or a tool another file declares too, is
    /// reported in <see cref="ToolFolderScan.Problems"/> and left out.
    /// </summary>
    public static async Task<ToolFolderScan> ReadAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            return new ToolFolderScan(full, false, [], new HashSet<string>(StringComparer.Ordinal), []);
        }

        var problems = new List<string>();
        var read = new List<FolderToolFile>();
        foreach (var path in Directory.EnumerateFiles(full, Pattern, SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            string source;
            try
            {
                source = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{fileName}: could not be read: {ex.Message}");
                continue;
            }

            if (ToolSourceName.TryRead(source) is not { } identity)
            {
                problems.Add($"{fileName}: declares no tool (one class with [Tool(\"name\", ...)] is needed); skipped");
                continue;
            }

            read.Add(new FolderToolFile(fileName, source, identity));
        }

        var claimed = read.Select(f => f.ToolName).ToHashSet(StringComparer.Ordinal);
        var files = new List<FolderToolFile>();
        foreach (var group in read.GroupBy(f => f.ToolName, StringComparer.Ordinal))
        {
            if (group.Count() > 1)
            {
                problems.Add($"{string.Join(", ", group.Select(f => f.FileName))}: all declare the tool '{group.Key}'; skipped until one remains");
                continue;
            }

            files.Add(group.Single());
        }

        return new ToolFolderScan(full, true, [.. files.OrderBy(f => f.FileName, StringComparer.Ordinal)], claimed, problems);
    }

    /// <summary>
    /// Replaces the file's text with <paramref name="source"/> if the file still holds the source whose hash is
    /// <paramref name="expectedHash"/> (nobody changed it since it was read), through a temporary file and a move so
    /// that a reader never sees half a file. Returns false, writing nothing, when the file changed or is gone.
    /// </summary>
    public static async Task<bool> WriteBackAsync(string directory, string fileName, string expectedHash, string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(source);
        var path = Path.Combine(Path.GetFullPath(directory), fileName);
        if (!File.Exists(path) || SourceHash.Of(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)) != expectedHash)
        {
            return false;
        }

        var temporary = path + ".autonomy-tmp";
        await File.WriteAllTextAsync(temporary, source, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return true;
    }
}
