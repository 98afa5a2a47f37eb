using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;

namespace Autonomy.Cli;

/// <summary>What commands share: where they write, and the compiler and executor they use.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error) : IDisposable
{
    private readonly Lazy<ToolCompiler> _compiler = new(() => new ToolCompiler());

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public ToolCompiler Compiler => _compiler.Value;

    public ToolExecutor Executor { get; } = new();

    /// <summary>Reads a tool source file, or writes a one-line error and returns <see langword="null"/>.</summary>
    public string? ReadSource(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Error.WriteLine($"autonomy: cannot read {path}: {ex.Message}");
            return null;
        }
    }

    public void Dispose()
    {
        if (_compiler.IsValueCreated)
        {
            _compiler.Value.Dispose();
        }
    }
}
