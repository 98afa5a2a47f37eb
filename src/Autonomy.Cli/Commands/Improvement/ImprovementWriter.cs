using System.Globalization;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Output;

namespace Autonomy.Cli.Commands.Improvement;

/// <summary>The human output of <c>improve</c>: aligned <c>key  value</c> lines, then the diff.</summary>
internal static class ImprovementWriter
{
    private const int KeyWidth = 14;

    public static void Write(TextWriter output, string tool, ImprovementReply reply)
    {
        Line(output, "tool", tool);
        Line(output, "outcome", Outcome(reply.Outcome));
        if (reply.Attempt is not { } attempt)
        {
            Line(output, "message", reply.Message);
            return;
        }

        Line(output, "attempt", string.Create(CultureInfo.InvariantCulture, $"{attempt.Id} ({Status(attempt.Status)}, started {Formats.Time(attempt.StartedAt)})"));
        Line(output, "base", Formats.Version(attempt.BaseVersion));
        Line(output, "new version", attempt.CandidateVersion is { } version
            ? Formats.Version(version) + reply.Outcome switch
            {
                ImprovementOutcome.Deployed => " (deployed, author autonomous)",
                ImprovementOutcome.InShadow => " (registered, in live shadow)",
                ImprovementOutcome.AwaitingApproval => " (registered, awaiting approval)",
                _ => " (registered, not deployed)",
            }
            : "-");
        Line(output, "verdict", attempt.Verdict ?? "-");
        if (attempt.Verification is { } verification)
        {
            Line(output, "verification", verification);
        }

        if (attempt.Error is { } error && attempt.Status != ImprovementAttemptStatus.Failed)
        {
            Line(output, "not deployed", error);
        }

        Line(output, "generator", attempt.Generator ?? "-");
        Line(output, "rationale", attempt.Rationale ?? "-");
        Line(output, "candidates", string.Create(CultureInfo.InvariantCulture, $"{attempt.CandidatesTried} tried, {attempt.PlausibleFound} plausible"));
        Line(output, "time", attempt.Elapsed is { } elapsed ? Formats.Milliseconds(elapsed) : "-");
        if (attempt.Diff is { Length: > 0 } diff)
        {
            output.WriteLine();
            output.Write(diff.EndsWith('\n') ? diff : diff + "\n");
        }
    }

    /// <summary>One progress line for standard error.</summary>
    public static string ProgressLine(string tool, ImprovementProgress progress) => string.Create(
        CultureInfo.InvariantCulture,
        $"improving {tool} v{progress.BaseVersion}: {(progress.Generator is { Length: > 0 } generator ? generator + ": " : string.Empty)}{progress.Stage}, {progress.CandidatesTried} candidates, {progress.PlausibleFound} plausible, {progress.Elapsed.TotalSeconds:0}s");

    public static string Outcome(ImprovementOutcome outcome) => outcome switch
    {
        ImprovementOutcome.Deployed => "fixed and deployed",
        ImprovementOutcome.NoFix => "no fix found",
        ImprovementOutcome.CandidateRejected => "fix rejected by the tool",
        ImprovementOutcome.DeployRefused => "fix not deployed",
        ImprovementOutcome.UnknownTool => "unknown tool",
        ImprovementOutcome.NotDeployed => "not deployed",
        ImprovementOutcome.Archived => "archived",
        ImprovementOutcome.Pinned => "pinned",
        ImprovementOutcome.VerificationFailed => "fix failed verification",
        ImprovementOutcome.AwaitingApproval => "fix awaits approval",
        ImprovementOutcome.InShadow => "fix verified, in live shadow",
        ImprovementOutcome.CoolingDown => "cooling down",
        _ => outcome.ToString(),
    };

    public static string Status(ImprovementAttemptStatus status) => status switch
    {
        ImprovementAttemptStatus.InProgress => "in progress",
        ImprovementAttemptStatus.Deployed => "deployed",
        ImprovementAttemptStatus.Rejected => "rejected",
        ImprovementAttemptStatus.Failed => "failed",
        ImprovementAttemptStatus.AwaitingApproval => "awaiting approval",
        _ => status.ToString(),
    };

    private static void Line(TextWriter output, string key, string value) => output.WriteLine($"{key.PadRight(KeyWidth)}{value}");
}
