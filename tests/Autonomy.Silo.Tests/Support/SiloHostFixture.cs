namespace Autonomy.Silo.Tests.Support;

/// <summary>One running host for the tests that only read and execute.</summary>
public sealed class SiloHostFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private TestSiloHost? _host;

    public TestSiloHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await TestSiloHost.StartAsync(_directory.DatabasePath);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        _directory.Dispose();
    }
}
