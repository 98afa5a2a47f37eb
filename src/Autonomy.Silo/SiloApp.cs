using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using Autonomy.Core.Storage;
using Autonomy.Silo.Health;
using Autonomy.Silo.Hosting;
using Autonomy.Silo.Samples;
using Autonomy.Storage.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;

namespace Autonomy.Silo;

/// <summary>
/// Builds the silo host: configuration from <c>appsettings.json</c> (next to the executable), environment variables
/// (<c>Autonomy__Sqlite__DatabasePath</c>) and command-line arguments (<c>--Autonomy:Http:Port=8081</c>); one
/// embedded silo; the Orleans Dashboard and <c>GET /health</c> on the HTTP port.
/// </summary>
public static class SiloApp
{
    /// <summary>The embedded database file when <c>Autonomy:Sqlite:DatabasePath</c> is not set, relative to the current directory.</summary>
    public const string DefaultDatabasePath = "data/autonomy.db";

    private const string PollyCategory = "Polly";

    /// <summary>How long a graceful shutdown may take on top of the execution log's own drain timeout (the silo's stop).</summary>
    private static readonly TimeSpan SiloStopAllowance = TimeSpan.FromSeconds(30);

    /// <summary>Builds the host; <see cref="WebApplication.RunAsync(string?)"/> starts it.</summary>
    /// <param name="args">Command-line arguments, as configuration overrides.</param>
    /// <returns>The host, not started.</returns>
    /// <exception cref="SiloStartupException">The configuration asks for something the host cannot do.</exception>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var configuration = builder.Configuration;

        var mode = ReadMode(configuration);
        if (mode == SiloMode.Cluster)
        {
            throw new SiloStartupException("Autonomy:Mode=Cluster: cluster mode is not available yet; run with Autonomy:Mode=Embedded.");
        }

        var silo = Bind(configuration, SiloHostOptions.SectionName, new SiloHostOptions { Mode = mode });
        var http = Bind(configuration, HttpEndpointOptions.SectionName, new HttpEndpointOptions());
        var sqlite = Bind(configuration, SqliteStorageOptions.SectionName, new SqliteStorageOptions { DatabasePath = DefaultDatabasePath });
        var drainSeconds = configuration.GetValue<int?>($"{ExecutionLogOptions.SectionName}:{nameof(ExecutionLogOptions.ShutdownTimeoutSeconds)}")
            ?? ExecutionLogOptions.DefaultShutdownTimeoutSeconds;

        // Orleans' placement pipeline logs every grain placement through Polly at Information, which floods the log.
        builder.Logging.AddFilter(PollyCategory, LogLevel.Warning);
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{http.Port}"));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(drainSeconds) + SiloStopAllowance);
        builder.Services.AddSingleton<HostStatus>();
        builder.Services.AddOptions<SampleToolsOptions>().Bind(configuration.GetSection(SampleToolsOptions.SectionName));

        // Hosted services start in registration order and stop in reverse: the migrations run before the silo
        // starts, the execution log drains after the silo has stopped, and the samples load once it is up.
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.Services.AddHostedService<ExecutionLogDrainService>();
        builder.UseOrleans(orleans =>
        {
            orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, primarySiloEndpoint: null, silo.ServiceId, silo.ClusterId);
            orleans.ConfigureEndpoints(IPAddress.Loopback, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: false);
            orleans.AddAutonomyEmbeddedStorage(configuration, sqlite);
            orleans.AddDashboard();
        });
        builder.Services.AddHostedService<SampleToolLoader>();

        var app = builder.Build();
        app.MapGet("/health", (HostStatus status) => TypedResults.Json(new HealthReport("ok", status.ToolsLoaded)));
        app.MapOrleansDashboard();

        var status = app.Services.GetRequiredService<HostStatus>();
        app.Lifetime.ApplicationStarted.Register(() => Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Autonomy silo ready: dashboard http://127.0.0.1:{http.Port}/ , {status.ToolsLoaded} tools loaded, gateway 127.0.0.1:{silo.GatewayPort}, data {sqlite.DatabasePath}")));
        return app;
    }

    private static SiloMode ReadMode(IConfiguration configuration)
    {
        var value = configuration[SiloHostOptions.ModeKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return SiloMode.Embedded;
        }

        return Enum.TryParse<SiloMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new SiloStartupException($"{SiloHostOptions.ModeKey}='{value}' is not a mode; use Embedded or Cluster.");
    }

    private static T Bind<T>(IConfiguration configuration, string section, T options)
        where T : class
    {
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            throw new SiloStartupException($"{section}: {exception.Message}", exception);
        }

        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            throw new SiloStartupException($"{section}: {errors[0].ErrorMessage}");
        }

        return options;
    }
}
