using Autonomy.Core.Repair;
using Autonomy.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Autonomy.Grains.Tests.Improvement;

/// <summary>A cluster whose repair engine tries a <see cref="GatedRepairGenerator"/> before the real generators.</summary>
public sealed class GatedRepairClusterFixture : ClusterFixture
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        // Registered before the grains' own generators, so the engine tries it first.
        services.AddSingleton<GatedRepairGenerator>();
        services.AddSingleton<IRepairGenerator>(sp => sp.GetRequiredService<GatedRepairGenerator>());
    }
}
