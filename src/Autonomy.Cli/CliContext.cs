using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Policy;
using Microsoft.Extensions.Options;

namespace Autonomy.Cli;

/// <summary>What commands share: where they write, the environment they read, and the compiler and executor they use.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, Func<string, string?>? environment = null) : IDisposable
{
    private ToolCompiler? _compiler;
    private ToolPolicy _policy = ToolPolicy.Default;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Reads an environment variable (the process's, unless a test gives its own).</summary>
    public Func<string, string?> Environment { get; } = environment ?? System.Environment.GetEnvironmentVariable;

    public ToolCompiler Compiler => _compiler ??= new ToolCompiler(_policy, Options.Create(new CompilerOptions()));

    /// <summary>
    /// Checks tools against an operator's rule file instead of the built-in policy, or writes a one-line error and
    /// returns <see langword="false"/>. A null path keeps the built-in policy.
    /// </summary>
    public bool UsePolicy(string? path)
    {
        if (path is null)
        {
            return true;
        }

        try
        {
            _policy = new ToolPolicy(PolicyRuleSet.LoadFile(path));
            _compiler?.Dispose();
            _compiler = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Error.WriteLine($"autonomy: cannot use the policy file {path}: {ex.Message}");
            return false;
        }
    }

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
        _compiler?.Dispose();
    }
}
