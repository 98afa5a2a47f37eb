namespace Autonomy.Storage.Tests.Support;

/// <summary>
/// A fact that starts a <see cref="PrivatePostgresServer"/>. Skipped on a developer machine that cannot start one;
/// under CI (<c>CI=true</c>) it runs and fails instead, like <see cref="PostgresFactAttribute"/>.
/// </summary>
public sealed class PrivatePostgresFactAttribute : FactAttribute
{
    public PrivatePostgresFactAttribute()
    {
        if (!PostgresDatabase.IsCi && PrivatePostgresServer.Unavailable() is { } reason)
        {
            Skip = reason;
        }
    }
}
