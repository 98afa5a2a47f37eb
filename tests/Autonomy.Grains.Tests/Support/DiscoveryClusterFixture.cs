using Autonomy.Core.Discovery;
using Autonomy.Discovery;
using Microsoft.Extensions.DependencyInjection;

namespace Autonomy.Grains.Tests.Support;

/// <summary>A cluster with the real MiniLM embedding model, as the silo host registers it.</summary>
public sealed class DiscoveryClusterFixture : ClusterFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ITextEmbedder>(_ => new MiniLmTextEmbedder());
}
