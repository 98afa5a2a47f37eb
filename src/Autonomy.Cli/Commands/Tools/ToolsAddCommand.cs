using System.CommandLine;
using Autonomy.Abstractions.Grains;
using Autonomy.Abstractions.Tools;
using Autonomy.Cli.Cluster;
using Autonomy.Cli.Output;

namespace Autonomy.Cli.Commands.Tools;

/// <summary>
/// <c>autonomy tools add &lt;file.cs&gt;</c>: registers the file as the next version of the tool its <c>[Tool]</c>
/// attribute names, and deploys it unless <c>--no-deploy</c>.
/// </summary>
internal static class ToolsAddCommand
{
    public const string Author = "human";

    public static Command Create(CliContext cli, ClusterConnectionOptions connection)
    {
        var file = new Argument<string>("file") { Description = "The tool source file." };
        var deploy = new Option<bool>("--deploy") { Description = "Deploy the new version (the default)." };
        var noDeploy = new Option<bool>("--no-deploy") { Description = "Register the version without deploying it." };
        var reason = new Option<string?>("--reason") { Description = "Why this version was written (kept with the version)." };
        var json = CommonOptions.Json();
        var command = new Command("add", "Register a tool source file as the tool's next version and deploy it (unless --no-deploy).")
        {
            file, deploy, noDeploy, reason, json,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(deploy) && parse.GetValue(noDeploy))
            {
                cli.Error.WriteLine("autonomy tools add: give --deploy or --no-deploy, not both.");
                return ExitCodes.UsageError;
            }

            var path = parse.GetValue(file)!;
            var source = cli.ReadSource(path);
            if (source is null)
            {
                return ExitCodes.UsageError;
            }

            var name = Autonomy.Core.Lifecycle.ToolSourceName.TryRead(source)?.ToolName;
            if (name is null)
            {
                // No literal [Tool("name")]: compile here, which either finds the name or explains the rejection.
                var compiled = await cli.Compiler.CompileAsync(source, cancellationToken);
                if (!compiled.Succeeded)
                {
                    return Write(cli, parse.GetValue(json), new AddReport(path, null, false, null, compiled.SourceHash, false, null, null, "rejected before registering", compiled.Diagnostics));
                }

                name = compiled.Tool!.Metadata.Name;
            }

            var why = parse.GetValue(reason) ?? $"added from {Path.GetFileName(path)}";
            return await ClusterRunner.RunAsync(cli, parse, connection, async client =>
            {
                var grain = client.GetGrain<IToolGrain>(name);
                var registered = await grain.RegisterVersionAsync(source, Author, why, cancellationToken);
                if (!registered.Accepted)
                {
                    return Write(cli, parse.GetValue(json), new AddReport(path, name, false, null, registered.SourceHash, false, null, null, registered.Message, registered.Diagnostics));
                }

                var description = await grain.DescribeAsync();
                var report = new AddReport(path, name, true, registered.Version, registered.SourceHash, description.ActiveVersion == registered.Version, description.ActiveVersion, description.PinnedVersion, null, registered.Diagnostics);
                if (!parse.GetValue(noDeploy) && description.ActiveVersion != registered.Version)
                {
                    var deployed = await grain.DeployAsync(registered.Version!.Value);
                    report = report with
                    {
                        Deployed = deployed.Succeeded,
                        ActiveVersion = deployed.ActiveVersion,
                        PinnedVersion = deployed.PinnedVersion,
                        Message = deployed.Succeeded ? null : $"registered, but not deployed: {deployed.Message}",
                    };
                }

                return Write(cli, parse.GetValue(json), report);
            }, cancellationToken);
        });
        return command;
    }

    private static int Write(CliContext cli, bool json, AddReport report)
    {
        // Not accepted without an error diagnostic means the tool refused the registration (it is archived).
        var code = !report.Accepted
            ? report.Diagnostics.Any(d => d.IsError) ? ExitCodes.Rejected : ExitCodes.Refused
            : report.Message is not null ? ExitCodes.Refused : ExitCodes.Ok;
        if (json)
        {
            CliJson.Write(cli.Output, report);
            if (report.Message is not null)
            {
                cli.Error.WriteLine($"autonomy: {report.Tool ?? report.File}: {report.Message}");
            }

            return code;
        }

        foreach (var diagnostic in report.Diagnostics)
        {
            var api = diagnostic.Api is null ? string.Empty : $" [{diagnostic.Api}]";
            (diagnostic.IsError ? cli.Error : cli.Output).WriteLine($"{report.File}:{diagnostic.Line}:{diagnostic.Column}: {diagnostic.Severity} {diagnostic.Code}: {diagnostic.Message}{api}");
        }

        if (!report.Accepted)
        {
            cli.Error.WriteLine($"autonomy: {report.Tool ?? report.File}: {report.Message ?? "rejected"}; nothing was registered");
            return code;
        }

        var state = report.Deployed ? "deployed" : "not deployed";
        cli.Output.WriteLine($"{report.Tool}: version {report.Version} (source {Formats.Hash(report.SourceHash)}) registered, {state}; active {Formats.Version(report.ActiveVersion)}");
        if (report.Message is not null)
        {
            cli.Error.WriteLine($"autonomy: {report.Tool}: {report.Message}");
        }

        return code;
    }

    /// <summary>What <c>tools add --json</c> prints.</summary>
    internal sealed record AddReport(
        string File,
        string? Tool,
        bool Accepted,
        int? Version,
        string SourceHash,
        bool Deployed,
        int? ActiveVersion,
        int? PinnedVersion,
        string? Message,
        IReadOnlyList<ToolDiagnostic> Diagnostics);
}
