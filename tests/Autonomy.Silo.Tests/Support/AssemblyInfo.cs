// Each test starts a whole silo host; on a small machine they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
