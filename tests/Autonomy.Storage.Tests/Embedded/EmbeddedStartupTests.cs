using Autonomy.Core.Storage;
using Autonomy.Storage.Tests.Embedded.Support;
using Microsoft.Extensions.Options;

namespace Autonomy.Storage.Tests.Embedded;

/// <summary>Bad storage settings stop the embedded silo at start-up with a clear error, never a hang.</summary>
public sealed class EmbeddedStartupTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StartAsync_DatabasePathNowhere_FailsWithStorageUnavailable()
    {
        // /proc refuses new directories even to root.
        const string Nowhere = "/proc/autonomy-nowhere/autonomy.db";

        var failure = await Assert.ThrowsAnyAsync<Exception>(
            () => EmbeddedSilo.StartAsync(Nowhere, EmbeddedSilo.NewServiceId(), "nowhere").WaitAsync(StartTimeout));

        var unavailable = Assert.IsType<StorageUnavailableException>(FindInChain<StorageUnavailableException>(failure));
        Assert.Contains(Nowhere, unavailable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_EmptyDatabasePath_FailsOptionsValidation()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(
            () => EmbeddedSilo.StartAsync("", EmbeddedSilo.NewServiceId(), "unset").WaitAsync(StartTimeout));

        var invalid = Assert.IsType<OptionsValidationException>(FindInChain<OptionsValidationException>(failure));
        Assert.Contains("DatabasePath", invalid.Message, StringComparison.Ordinal);
    }

    private static T? FindInChain<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Select(FindInChain<T>).FirstOrDefault(e => e is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
