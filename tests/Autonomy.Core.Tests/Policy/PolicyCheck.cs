using Autonomy.Core.Compilation;
using Autonomy.Core.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autonomy.Core.Tests.Policy;

/// <summary>Builds tool compilations for policy tests and runs the policy on them.</summary>
internal static class PolicyCheck
{
    /// <summary>The line on which <see cref="Tool"/> places the body. It starts at column 1.</summary>
    public const int BodyLine = 13;

    /// <summary>The line on which <see cref="Tool"/> places the extra members. They start at column 1.</summary>
    public const int MemberLine = 16;

    /// <summary>A tool whose ExecuteAsync runs <paramref name="body"/>; <paramref name="header"/> goes on line 1 after <c>using System;</c>.</summary>
    public static string Tool(string body, string members = "", string header = "") => $$"""
        using System;{{header}}
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;
        [Tool("t", "test")]
        public sealed class T : ITool
        {
            public async Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
            {
                await Task.CompletedTask;
        {{body}}
                return null;
            }
        {{members}}
        }
        """;

    public static CSharpCompilation Compile(string source) =>
        CSharpCompilation.Create(
            "policy_test",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            ToolReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Checks a source that must compile without errors, so that a test cannot pass by accident of a typo.</summary>
    public static IReadOnlyList<PolicyViolation> Check(string source, PolicyRuleSet? rules = null)
    {
        var compilation = Compile(source);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the test source does not compile:\n" + string.Join("\n", errors));
        return CheckWithErrors(compilation, rules);
    }

    public static IReadOnlyList<PolicyViolation> CheckWithErrors(CSharpCompilation compilation, PolicyRuleSet? rules = null)
    {
        var tree = compilation.SyntaxTrees.Single();
        return new ToolPolicy(rules ?? PolicyRuleSet.Default).Check(compilation.GetSemanticModel(tree));
    }

    /// <summary>The violations without their messages, for exact comparison.</summary>
    public static List<(string Rule, string Api, int Line, int Column)> Brief(IEnumerable<PolicyViolation> violations) =>
        [.. violations.Select(v => (v.Rule, v.Api, v.Line, v.Column))];
}
