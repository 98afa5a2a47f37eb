namespace Autonomy.Core.Versions;

/// <summary>A span during which a version was the active one.</summary>
/// <param name="Version">The version.</param>
/// <param name="From">When it became active.</param>
/// <param name="To">When another replaced it, or null while it is active.</param>
/// <param name="How">How it became active: <c>deploy</c>, <c>rollback</c> or <c>auto-rollback</c>.</param>
public sealed record LivePeriod(int Version, DateTimeOffset From, DateTimeOffset? To, string How)
{
    /// <summary>How long it lasted, up to <paramref name="now"/> when it is still active.</summary>
    public TimeSpan Duration(DateTimeOffset now) => (To ?? now) - From;
}
