using Autonomy.Storage.SiloProviders.GrainStorage;
using Autonomy.Storage.SiloProviders.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Autonomy.Storage.SiloProviders.Hosting;

/// <summary>Registers the SQLite grain storage and reminder table of the embedded silo.</summary>
public static class SqliteSiloBuilderExtensions
{
    /// <summary>Adds a named SQLite grain storage provider.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name used in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <param name="configure">Sets the options, at least <see cref="SqliteGrainStorageOptions.DatabasePath"/>.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddSqliteGrainStorage(name, options => options.Configure(configure));
    }

    /// <summary>Adds a named SQLite grain storage provider, configured through an options builder (for binding).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name used in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <param name="configure">Configures the named options.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddSqliteGrainStorage(
        this ISiloBuilder builder, string name, Action<OptionsBuilder<SqliteGrainStorageOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureServices(services => services.AddSqliteGrainStorage(name, configure));
    }

    /// <summary>Adds the SQLite grain storage provider as the silo's default (<see cref="ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME"/>).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options, at least <see cref="SqliteGrainStorageOptions.DatabasePath"/>.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteGrainStorageOptions> configure) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    /// <summary>Adds a named SQLite grain storage provider to a silo's services.</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="name">The provider name.</param>
    /// <param name="configure">Configures the named options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSqliteGrainStorage(
        this IServiceCollection services, string name, Action<OptionsBuilder<SqliteGrainStorageOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        configure(services.AddOptions<SqliteGrainStorageOptions>(name).ValidateDataAnnotations().ValidateOnStart());

        // Fills GrainStorageSerializer from the silo's IGrainStorageSerializer when the host left it unset.
        services.AddTransient<IPostConfigureOptions<SqliteGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<SqliteGrainStorageOptions>>();
        if (string.Equals(name, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, StringComparison.Ordinal))
        {
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        }

        services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => CreateGrainStorage(sp, name));
        services.AddKeyedSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            name, (sp, _) => (ILifecycleParticipant<ISiloLifecycle>)sp.GetRequiredKeyedService<IGrainStorage>(name));
        return services;
    }

    /// <summary>Keeps the silo's reminders in SQLite and enables reminders.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options, at least <see cref="SqliteReminderTableOptions.DatabasePath"/>.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteReminderTableOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.UseSqliteReminderService(options => options.Configure(configure));
    }

    /// <summary>Keeps the silo's reminders in SQLite and enables reminders, configured through an options builder.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<OptionsBuilder<SqliteReminderTableOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddReminders();
        return builder.ConfigureServices(services =>
        {
            configure(services.AddOptions<SqliteReminderTableOptions>().ValidateDataAnnotations().ValidateOnStart());
            services.AddSingleton<IReminderTable, SqliteReminderTable>();
        });
    }

    private static SqliteGrainStorage CreateGrainStorage(IServiceProvider services, string name) =>
        new(
            name,
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name),
            services.GetRequiredService<IActivatorProvider>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<ILogger<SqliteGrainStorage>>());
}
