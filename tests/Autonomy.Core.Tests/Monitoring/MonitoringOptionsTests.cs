using System.ComponentModel.DataAnnotations;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Autonomy.Core.Tests.Monitoring;

/// <summary>Options, the detector factory, the evidence's mapping from version windows and the normal quantiles.</summary>
public sealed class MonitoringOptionsTests
{
    [Fact]
    public void Create_Defaults_IsSequentialTestWithDocumentedParameters()
    {
        var detector = Assert.IsType<SequentialRegressionTest>(RegressionDetectors.Create(new MonitoringOptions()));

        Assert.Equal("sequential", detector.Name);
        Assert.Equal(10, detector.MinimumExecutions);
        Assert.Equal(0.10, detector.MinimumDetectableDrop, 12);
        Assert.Equal(0.01, detector.FalseRollbackRate);
        Assert.False(detector.AcceptHealthy);
        Assert.Equal(Math.Log(200), detector.Threshold, 12);
    }

    [Fact]
    public void Create_Threshold_IsSeedRuleWithConfiguredParameters()
    {
        var options = new MonitoringOptions { Method = "threshold", MinimumExecutions = 20, RegressionThresholdPoints = 12.5 };

        var detector = Assert.IsType<ThresholdRegressionRule>(RegressionDetectors.Create(options));

        Assert.Equal("threshold", detector.Name);
        Assert.Equal(20, detector.MinimumExecutions);
        Assert.Equal(12.5, detector.ThresholdPoints);
    }

    [Fact]
    public void Create_UnknownMethod_Throws()
    {
        Assert.Throws<ArgumentException>(() => RegressionDetectors.Create(new MonitoringOptions { Method = "bayes" }));
    }

    [Theory]
    [InlineData("bayes", 10, 0.01, false)]
    [InlineData("sequential", 0, 0.01, false)]
    [InlineData("sequential", 10, 0.5, false)]
    [InlineData("threshold", 10, 0.01, true)]
    [InlineData("sequential", 10, 0.01, true)]
    public void Validate_DataAnnotations_RejectOutOfRangeValues(string method, int minimumExecutions, double falseRollbackRate, bool valid)
    {
        var options = new MonitoringOptions { Method = method, MinimumExecutions = minimumExecutions, FalseRollbackRate = falseRollbackRate };

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }

    [Fact]
    public void AddRegressionDetection_BindsSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Autonomy:Monitoring:Method"] = "sequential",
            ["Autonomy:Monitoring:MinimumDetectableDropPoints"] = "20",
            ["Autonomy:Monitoring:AcceptHealthy"] = "true",
        }).Build();
        using var provider = new ServiceCollection().AddRegressionDetection(configuration).BuildServiceProvider();

        var detector = Assert.IsType<SequentialRegressionTest>(provider.GetRequiredService<IRegressionDetector>());

        Assert.Equal(0.20, detector.MinimumDetectableDrop, 12);
        Assert.True(detector.AcceptHealthy);
    }

    [Fact]
    public void From_VersionWindows_TakesJudgedCountsAndVersions()
    {
        var at = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        var baseline = new VersionWindow(2, Successes: 95, ToolFailures: 5, InvalidInputs: 40, at, at);
        var current = new VersionWindow(3, Successes: 7, ToolFailures: 3, InvalidInputs: 2, at, at);

        var evidence = RegressionEvidence.From(baseline, current);

        Assert.Equal(new RegressionEvidence(95, 100, 7, 10, 2, 3), evidence);
        Assert.Equal(new RegressionEvidence(0, 0, 0, 0), RegressionEvidence.From(null, null));
        Assert.Equal(0.7, evidence.CurrentRate!.Value, 12);
    }

    [Theory]
    [InlineData(0.00005, 3.8905918864131)]
    [InlineData(0.005, 2.5758293035489)]
    [InlineData(0.01, 2.3263478740408)]
    [InlineData(0.025, 1.9599639845401)]
    [InlineData(0.5, 0)]
    [InlineData(0.9, -1.2815515655446)]
    public void Upper_KnownTails_MatchTables(double tail, double z)
    {
        Assert.Equal(z, NormalQuantile.Upper(tail), 11);
    }
}
