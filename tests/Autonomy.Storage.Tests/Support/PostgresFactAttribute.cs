namespace Autonomy.Storage.Tests.Support;

/// <summary>
/// A fact that needs the PostgreSQL server named by <c>AUTONOMY_TEST_POSTGRES</c>. Without it the test is
/// skipped on a developer machine; under CI (<c>CI=true</c>) it runs and fails, because an absent database
/// there is a broken pipeline, not an optional extra.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresDatabase.ServerConnectionString is null && !PostgresDatabase.IsCi)
        {
            Skip = $"{PostgresDatabase.ConnectionVariable} is not set; run the tests through .ci/postgres.sh to include them.";
        }
    }
}
