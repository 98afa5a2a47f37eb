using Autonomy.Core.Policy;

namespace Autonomy.Core.Tests.Policy;

public sealed class PolicyRuleSetTests
{
    [Fact]
    public void Default_Rules_HaveTheProductsIdsInOrder()
    {
        var ids = PolicyRuleSet.Default.Rules.Select(r => r.Id);

        Assert.Equal(
            ["filesystem", "process", "network", "reflection", "loading", "interop", "threads", "environment", "gc", "console", "timers", "clock", "sandbox", "finalizers", "async-void"],
            ids);
        Assert.All(PolicyRuleSet.Default.Rules, r => Assert.EndsWith(".", r.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void Default_Constructs_AreEachForbiddenByOneRule()
    {
        var rules = PolicyRuleSet.Default;

        Assert.All(PolicyConstruct.All, c => Assert.NotNull(rules.RuleForConstruct(c)));
        Assert.Equal("interop", rules.RuleForConstruct(PolicyConstruct.StackAlloc)!.Id);
        Assert.Equal("reflection", rules.RuleForConstruct(PolicyConstruct.Dynamic)!.Id);
        Assert.Equal("finalizers", rules.RuleForConstruct(PolicyConstruct.Finalizer)!.Id);
        Assert.Equal("async-void", rules.RuleForConstruct(PolicyConstruct.AsyncVoid)!.Id);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText", false, "filesystem", "System.IO")]
    [InlineData("System.IO.Path.Combine", true, "filesystem", "System.IO.Path")]
    [InlineData("System.IO.Path.GetTempPath", false, "filesystem", "System.IO.Path.GetTempPath")]
    [InlineData("System.IO.Compression.GZipStream", true, "filesystem", "System.IO.Compression")]
    [InlineData("System.IO.Compression.ZipFile.ExtractToDirectory", false, "filesystem", "System.IO.Compression.ZipFile")]
    [InlineData("System.Reflection.MethodInfo.Invoke", false, "reflection", "System.Reflection")]
    [InlineData("System.Reflection.Assembly.Load", false, "loading", "System.Reflection.Assembly")]
    [InlineData("System.Type.Name", true, "reflection", "System.Type.Name")]
    [InlineData("System.Type.GetMethods", false, "reflection", "System.Type")]
    [InlineData("System.Threading.Thread..ctor", false, "threads", "System.Threading")]
    [InlineData("System.Threading.Timer", false, "timers", "System.Threading.Timer")]
    [InlineData("System.Threading.CancellationToken.ThrowIfCancellationRequested", true, "threads", "System.Threading.CancellationToken")]
    [InlineData("System.Threading.Tasks.Task.Delay", true, "threads", "System.Threading.Tasks")]
    [InlineData("System.Threading.Tasks.Task.Run", false, "threads", "System.Threading.Tasks.Task.Run")]
    [InlineData("System.Threading.Tasks.Task..ctor", false, "threads", "System.Threading.Tasks.Task..ctor")]
    [InlineData("System.Environment.NewLine", true, "environment", "System.Environment.NewLine")]
    [InlineData("System.Environment.Exit", false, "environment", "System.Environment")]
    [InlineData("System.Net.WebUtility.UrlEncode", true, "network", "System.Net.WebUtility")]
    [InlineData("System.Net.Http.HttpClient", false, "network", "System.Net")]
    [InlineData("Autonomy.Tools.Sandbox.SandboxMeter.Step", false, "sandbox", "Autonomy.Tools.Sandbox")]
    public void Resolve_FullName_MostSpecificEntryDecides(string fullName, bool allowed, string rule, string entry)
    {
        var decision = PolicyRuleSet.Default.Resolve(fullName);

        Assert.Equal((allowed, rule, entry), (decision.IsAllowed, decision.Rule?.Id, decision.Entry));
    }

    [Theory]
    [InlineData("System.Text.StringBuilder..ctor")]
    [InlineData("System.Math.Max")]
    [InlineData("System.Systematic")]
    [InlineData("Autonomy.Tools.ToolContext.Now")]
    public void Resolve_UnlistedName_IsAllowedWithoutRule(string fullName)
    {
        Assert.Same(PolicyDecision.Unmatched, PolicyRuleSet.Default.Resolve(fullName));
    }

    [Fact]
    public void Parse_CustomRuleSet_ReplacesTheDefaultRules()
    {
        const string Json = """
            {
              // Operators may comment their rules.
              "rules": [
                { "id": "no-math", "description": "No maths here.", "deny": ["System.Math"], "allow": ["System.Math.Abs"] },
                { "id": "no-unsafe", "description": "No unsafe code.", "constructs": ["unsafe"] },
              ]
            }
            """;
        var rules = PolicyRuleSet.Parse(Json, "custom.json");
        var source = PolicyCheck.Tool("var a = Math.Abs(-1) + Math.Max(1, 2); var s = System.IO.File.ReadAllText(\"a\");\nunsafe { }");

        var violations = PolicyCheck.Check(source, rules);

        Assert.Equal(
            [
                ("no-math", "System.Math.Max", PolicyCheck.BodyLine, 29),
                ("no-unsafe", "unsafe", PolicyCheck.BodyLine + 1, 1),
            ],
            PolicyCheck.Brief(violations));
        Assert.Equal("System.Math.Max is not allowed: No maths here.", violations[0].Message);
    }

    [Theory]
    [InlineData("{ \"rules\": [ { \"id\": \"a\", ", "not valid JSON")]
    [InlineData("[]", "the root must be an object")]
    [InlineData("{ \"rules\": {} }", "\"rules\" must be an array")]
    [InlineData("{ \"rules\": [], \"version\": 2 }", "the root has the unknown key \"version\" (known keys: rules)")]
    [InlineData("{ \"rules\": [ { \"id\": \"a\", \"description\": \"d\", \"denny\": [\"System.IO\"] } ] }", "rules[0] ('a') has the unknown key \"denny\"")]
    [InlineData("{ \"rules\": [ { \"id\": \" \", \"description\": \"d\" } ] }", "rules[0] has an empty \"id\"")]
    [InlineData("{ \"rules\": [ { \"description\": \"d\" } ] }", "rules[0] has no \"id\"")]
    [InlineData("{ \"rules\": [ { \"id\": \"a\", \"description\": \"d\", \"deny\": \"System.IO\" } ] }", "rules[0] ('a'): \"deny\" must be an array of strings")]
    [InlineData("{ \"rules\": [ { \"id\": \"a\", \"description\": \"d\" }, { \"id\": \"a\", \"description\": \"e\" } ] }", "the rule id 'a' is used twice")]
    [InlineData("{ \"rules\": [ { \"id\": \"a\", \"description\": \"d\", \"deny\": [\"System.IO\"] }, { \"id\": \"b\", \"description\": \"e\", \"allow\": [\"System.IO\"] } ] }", "the entry 'System.IO' appears twice: in the deny list of 'a' and in the allow list of 'b'")]
    [InlineData("{ \"rules\": [ { \"id\": \"a\", \"description\": \"d\", \"deny\": [\"System..IO\"] } ] }", "the rule 'a' has the deny entry 'System..IO', which is not a full name")]
    [InlineData("{ \"rules\": [ { \"id\": \"a\", \"description\": \"d\", \"constructs\": [\"goto\"] } ] }", "the rule 'a' lists the unknown construct 'goto'")]
    public void Parse_InvalidRuleSet_ThrowsNamingTheProblem(string json, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() => PolicyRuleSet.Parse(json, "ops.json"));

        Assert.StartsWith("The policy rule set ops.json is invalid: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_InvalidFile_NamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"rules\": [ { \"id\": \"a\" } ] }");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => PolicyRuleSet.LoadFile(path));

            Assert.Equal($"The policy rule set {path} is invalid: rules[0] ('a') has no \"description\".", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_ValidFile_ReadsItsRules()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"rules\": [ { \"id\": \"quiet\", \"description\": \"No console.\", \"deny\": [\"System.Console\"] } ] }");
        try
        {
            var rules = PolicyRuleSet.LoadFile(path);

            var rule = Assert.Single(rules.Rules);
            Assert.Equal(("quiet", "No console."), (rule.Id, rule.Description));
            Assert.Equal(["System.Console"], rule.Deny);
            Assert.Empty(rule.Allow);
            Assert.Same(rule, rules.FindRule("quiet"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Create_DuplicateConstruct_ThrowsNamingBothRules()
    {
        PolicyRule[] rules =
        [
            new("a", "First.", [], [], [PolicyConstruct.Unsafe]),
            new("b", "Second.", [], [], [PolicyConstruct.Unsafe]),
        ];

        var error = Assert.Throws<InvalidDataException>(() => PolicyRuleSet.Create(rules));

        Assert.Equal("The policy rule set (rules) is invalid: the construct 'unsafe' is listed by both 'a' and 'b'.", error.Message);
    }
}
