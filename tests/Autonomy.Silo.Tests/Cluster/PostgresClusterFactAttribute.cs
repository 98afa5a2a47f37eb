namespace Autonomy.Silo.Tests.Cluster;

/// <summary>
/// A fact that needs the PostgreSQL server named by <c>AUTONOMY_TEST_POSTGRES</c>. Skipped without it on a
/// developer machine; under CI (<c>CI=true</c>) it runs and fails, because an absent database there is a broken
/// pipeline.
/// </summary>
public sealed class PostgresClusterFactAttribute : FactAttribute
{
    public PostgresClusterFactAttribute()
    {
        if (ClusterDatabase.ServerConnectionString is null && !ClusterDatabase.IsCi)
        {
            Skip = $"{ClusterDatabase.ConnectionVariable} is not set; run the tests through .ci/postgres.sh to include them.";
        }
    }
}
