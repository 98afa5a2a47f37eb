namespace Autonomy.Core.Monitoring;

/// <summary>Builds the configured <see cref="IRegressionDetector"/>.</summary>
public static class RegressionDetectors
{
    /// <summary>The detector <paramref name="options"/> name, with their parameters.</summary>
    /// <exception cref="ArgumentException">The method is neither <c>sequential</c> nor <c>threshold</c>.</exception>
    public static IRegressionDetector Create(MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Method switch
        {
            SequentialRegressionTest.MethodName => new SequentialRegressionTest(
                options.MinimumExecutions,
                options.MinimumDetectableDropPoints,
                options.FalseRollbackRate,
                options.AcceptHealthy,
                options.MissedRegressionRate),
            ThresholdRegressionRule.MethodName => new ThresholdRegressionRule(options.MinimumExecutions, options.RegressionThresholdPoints),
            _ => throw new ArgumentException(
                $"Unknown monitoring method '{options.Method}': use '{SequentialRegressionTest.MethodName}' or '{ThresholdRegressionRule.MethodName}'.",
                nameof(options)),
        };
    }
}
