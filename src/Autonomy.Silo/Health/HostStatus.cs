namespace Autonomy.Silo.Health;

/// <summary>What the host knows about itself, for <c>/health</c> and the ready line.</summary>
public sealed class HostStatus
{
    private int _toolsLoaded;

    /// <summary>The sample tools with an active version after start-up (deployed now or already deployed).</summary>
    public int ToolsLoaded => Volatile.Read(ref _toolsLoaded);

    internal void SetToolsLoaded(int count) => Volatile.Write(ref _toolsLoaded, count);
}
