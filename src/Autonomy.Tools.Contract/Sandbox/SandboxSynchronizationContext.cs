namespace Autonomy.Tools.Sandbox;

/// <summary>
/// Runs a tool's async continuations on the thread pool inside its meter, so that budgets hold after an
/// <c>await</c> as well as before it.
/// </summary>
internal sealed class SandboxSynchronizationContext(SandboxMeter meter) : SynchronizationContext
{
    public SandboxMeter Meter { get; } = meter;

    public override void Post(SendOrPostCallback d, object? state) =>
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Context.RunCallback(s.Callback, s.State), (Context: this, Callback: d, State: state), preferLocal: false);

    public override void Send(SendOrPostCallback d, object? state) => RunCallback(d, state);

    public override SynchronizationContext CreateCopy() => this;

    private void RunCallback(SendOrPostCallback callback, object? state)
    {
        try
        {
            Meter.Run(() =>
            {
                callback(state);
                return true;
            });
        }
#pragma warning disable CA1031 // A tool's stray exception on the thread pool would end the process; record it instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Meter.RecordStrayException(ex);
        }
    }
}
