using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using Autonomy.Core.Storage;
using Autonomy.Silo.Demo;
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
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Autonomy.Silo;

/// <summary>
/// Builds the silo host: configuration from <c>appsettings.json</c> (next to the executable), environment variables
/// (<c>Autonomy__Sqlite__DatabasePath</c>) and command-line arguments (<c>--Autonomy:Http:Port=8081</c>); one
/// embedded silo on SQLite, or (<c>Autonomy:Mode=Cluster</c>) one silo of a cluster on PostgreSQL; the Orleans
/// Dashboard and <c>GET /health</c> on the HTTP port.
/// </summary>
public static class SiloApp
{
    /// <summary>How the line printed once the host is up begins; scripts and tests wait for it.</summary>
    public const string ReadyLinePrefix = "Autonomy silo ready:";

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
        var silo = Bind(configuration, SiloHostOptions.SectionName, new SiloHostOptions { Mode = mode });
        var http = Bind(configuration, HttpEndpointOptions.SectionName, new HttpEndpointOptions());
        var drainSeconds = configuration.GetValue<int?>($"{ExecutionLogOptions.SectionName}:{nameof(ExecutionLogOptions.ShutdownTimeoutSeconds)}")
            ?? ExecutionLogOptions.DefaultShutdownTimeoutSeconds;
        var cluster = mode == SiloMode.Cluster;
        var sqlite = cluster ? null : Bind(configuration, SqliteStorageOptions.SectionName, new SqliteStorageOptions());
        var connectionString = cluster ? ReadConnectionString(configuration) : null;
        var advertised = cluster ? ReadAdvertisedAddress(silo) : IPAddress.Loopback;

        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{http.Port}"));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(drainSeconds) + SiloStopAllowance);
        builder.Services.AddSingleton<HostStatus>();
        builder.Services.AddOptions<SampleToolsOptions>().Bind(configuration.GetSection(SampleToolsOptions.SectionName));

        // Hosted services start in registration order and stop in reverse: the migrations run before the silo
        // starts, the execution log drains after the silo has stopped, the samples load once it is up, and the
        // demo's traffic starts after them and stops before the silo does.
        if (cluster)
        {
            builder.Services.AddHostedService<PostgresMigrationService>();
        }
        else
        {
            builder.Services.AddHostedService<DatabaseMigrationService>();
        }

        builder.Services.AddHostedService<ExecutionLogDrainService>();
        builder.UseOrleans(orleans =>
        {
            if (connectionString is not null)
            {
                orleans.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = silo.ClusterId;
                    options.ServiceId = silo.ServiceId;
                });
                orleans.ConfigureEndpoints(advertised, silo.SiloPort, silo.GatewayPort, silo.ListenOnAnyAddress);
                orleans.AddAutonomyClusterStorage(configuration, connectionString);
            }
            else
            {
                orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, primarySiloEndpoint: null, silo.ServiceId, silo.ClusterId);
                orleans.ConfigureEndpoints(IPAddress.Loopback, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: false);
                orleans.AddAutonomyEmbeddedStorage(configuration, sqlite!);
            }

            if (silo.MinimumReminderPeriodSeconds is { } minimumReminderPeriod)
            {
                orleans.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(minimumReminderPeriod));
            }

            orleans.AddDashboard();
        });
        builder.Services.AddHostedService<SampleToolLoader>();
        builder.Services.AddAutonomyDemo(configuration, mode);

        // The local MiniLM model for `autonomy search` and duplicates: loaded on first use (about 0.5 s), never before.
        builder.Services.AddSingleton<Autonomy.Core.Discovery.ITextEmbedder>(_ => new Autonomy.Discovery.MiniLmTextEmbedder());

        var app = builder.Build();
        app.MapGet("/health", (HostStatus status) => TypedResults.Json(new HealthReport("ok", status.ToolsLoaded)));
        app.MapOrleansDashboard();

        var status = app.Services.GetRequiredService<HostStatus>();
        var where = cluster
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"cluster {silo.ClusterId}, silo {new IPEndPoint(advertised, silo.SiloPort)}, gateway {new IPEndPoint(advertised, silo.GatewayPort)}")
            : string.Create(CultureInfo.InvariantCulture, $"gateway 127.0.0.1:{silo.GatewayPort}, data {sqlite!.DatabasePath}");
        app.Lifetime.ApplicationStarted.Register(() => Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{ReadyLinePrefix} dashboard http://127.0.0.1:{http.Port}/ , {status.ToolsLoaded} tools loaded, {where}")));
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

    private static string ReadConnectionString(IConfiguration configuration)
    {
        var postgres = Bind(configuration, PostgresStorageOptions.SectionName, new PostgresStorageOptions());
        var key = PostgresStorageOptions.ConnectionStringKey;
        if (string.IsNullOrWhiteSpace(postgres.ConnectionString))
        {
            throw new SiloStartupException(
                $"{key} is not set: cluster mode keeps everything in PostgreSQL; pass --{key}=<connection string> " +
                $"or set {PostgresStorageOptions.ConnectionStringVariable}.");
        }

        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(postgres.ConnectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            // The parser names the offending keyword, never a value, so no password reaches the message.
            throw new SiloStartupException($"{key} is not a usable PostgreSQL connection string: {exception.Message}", exception);
        }

        if (string.IsNullOrWhiteSpace(parsed.Host))
        {
            throw new SiloStartupException($"{key} is not a usable PostgreSQL connection string: it names no Host.");
        }

        return postgres.ConnectionString;
    }

    private static IPAddress ReadAdvertisedAddress(SiloHostOptions silo)
    {
        var key = $"{SiloHostOptions.SectionName}:{nameof(SiloHostOptions.AdvertisedAddress)}";
        if (string.IsNullOrWhiteSpace(silo.AdvertisedAddress))
        {
            return IPAddress.Loopback;
        }

        if (!IPAddress.TryParse(silo.AdvertisedAddress, out var address))
        {
            throw new SiloStartupException($"{key}='{silo.AdvertisedAddress}' is not an IP address.");
        }

        // Other silos and clients connect to the advertised address: "any" is where to listen, not an address.
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            throw new SiloStartupException(
                $"{key}='{silo.AdvertisedAddress}' cannot be reached by other silos; advertise this machine's address " +
                $"and set {SiloHostOptions.SectionName}:{nameof(SiloHostOptions.ListenOnAnyAddress)}=true to listen on all.");
        }

        return address;
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
