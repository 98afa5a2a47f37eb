namespace Autonomy.Core.Storage;

/// <summary>A row of the <c>deployment_stability</c> view: how often a tool's deployments were rolled back.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Deployments">Monitoring sessions started.</param>
/// <param name="Completed">Sessions that completed cleanly.</param>
/// <param name="RolledBack">Sessions that ended in a rollback.</param>
/// <param name="Regressions">Sessions where a regression was detected.</param>
/// <param name="Rollbacks">Rollbacks recorded, with or without a session.</param>
/// <param name="RollbackRate">Rolled-back sessions over sessions; 0 with none.</param>
/// <param name="LastDeployedAt">The latest session's start.</param>
/// <param name="LastRollbackTime">The latest rollback.</param>
public sealed record DeploymentStability(
    string ToolName,
    long Deployments,
    long Completed,
    long RolledBack,
    long Regressions,
    long Rollbacks,
    double RollbackRate,
    DateTimeOffset? LastDeployedAt,
    DateTimeOffset? LastRollbackTime);
