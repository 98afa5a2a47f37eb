namespace Autonomy.Storage.Postgres;

/// <summary>
/// The deferred histogram deltas one transaction took from <see cref="PostgresDeferredLatency"/> to write. Only one
/// claim exists at a time; whatever the transaction's outcome, it goes back through
/// <see cref="PostgresDeferredLatency.Committed"/>, <see cref="PostgresDeferredLatency.RolledBack"/> or
/// <see cref="PostgresDeferredLatency.InDoubt"/>, which release it.
/// </summary>
internal sealed class PostgresLatencyClaim
{
    internal PostgresLatencyClaim(PostgresLatencyDeltas deltas, List<PostgresInDoubtLatency> inDoubt)
    {
        Deltas = deltas;
        InDoubt = inDoubt;
    }

    /// <summary>Committed deltas to write in the claiming transaction.</summary>
    public PostgresLatencyDeltas Deltas { get; }

    /// <summary>Earlier transactions of unknown outcome; after <see cref="Resolve"/>, those still running.</summary>
    public List<PostgresInDoubtLatency> InDoubt { get; }

    /// <summary>
    /// Settles the in-doubt transactions whose fate <paramref name="statuses"/> (transaction id → <c>pg_xact_status</c>)
    /// tells, moving what is still to write into <see cref="Deltas"/>; those still in progress stay in
    /// <see cref="InDoubt"/>. A status PostgreSQL no longer knows (an id older than its commit log) drops both sets:
    /// losing them is an estimate's error, counting them twice would not be.
    /// </summary>
    public void Resolve(IReadOnlyDictionary<long, string?> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var unresolved = new List<PostgresInDoubtLatency>();
        foreach (var entry in InDoubt)
        {
            switch (statuses.GetValueOrDefault(entry.TransactionId))
            {
                case "committed":
                    Deltas.Add(entry.Own);
                    break;
                case "aborted":
                    Deltas.Add(entry.Carried);
                    break;
                case "in progress":
                    unresolved.Add(entry);
                    break;
                default:
                    break;
            }
        }

        InDoubt.Clear();
        InDoubt.AddRange(unresolved);
    }
}
