using Autonomy.Core.Storage;
using Autonomy.Core.Storage.Migrations;
using Autonomy.Silo;
using Autonomy.Silo.Hosting;
using Microsoft.Extensions.Options;

try
{
    await using var app = SiloApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is SiloStartupException or OptionsValidationException or StorageUnavailableException
    or MigrationChecksumMismatchException or MigrationFailedException)
{
    await Console.Error.WriteLineAsync($"autonomy-silo: {exception.Message}");
    return 2;
}
