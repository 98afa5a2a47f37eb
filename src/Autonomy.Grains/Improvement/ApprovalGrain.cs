using System.Globalization;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Orleans.Concurrency;

namespace Autonomy.Grains.Improvement;

/// <summary>The attempts waiting for a person, across tools; an approval goes to the tool's improvement grain.</summary>
[StatelessWorker]
public sealed class ApprovalGrain(IImprovementAttemptStore attempts) : Grain, IApprovalGrain
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ImprovementAttemptSummary>> ListAwaitingAsync(int limit, CancellationToken cancellationToken = default)
    {
        var waiting = await attempts.ListAwaitingApprovalAsync(Math.Clamp(limit, 1, ImprovementGrain.MaxAttemptsListed), cancellationToken);
        return [.. waiting.Select(AttemptSummaries.From)];
    }

    /// <inheritdoc />
    public async Task<ImprovementReply> ApproveAsync(long attemptId, string approver, CancellationToken cancellationToken = default)
    {
        var attempt = await attempts.GetAsync(attemptId, cancellationToken);
        if (attempt is null)
        {
            return new ImprovementReply(
                ImprovementOutcome.UnknownTool,
                string.Create(CultureInfo.InvariantCulture, $"there is no improvement attempt {attemptId}; 'autonomy attempts' lists those awaiting approval"),
                null,
                null);
        }

        return await GrainFactory.GetGrain<IImprovementGrain>(attempt.ToolName).ApproveAsync(attemptId, approver, cancellationToken);
    }
}
