using System.Collections.Frozen;
using System.Text;

namespace Autonomy.Core.Policy;

/// <summary>
/// The rules a tool's source is checked against, as data: the built-in set (<see cref="Default"/>, from the embedded
/// <c>default-policy.json</c>) or an operator's JSON file.
/// </summary>
/// <remarks>
/// <para>
/// A referenced API is resolved by its keys, most specific first: the member (<c>Ns.Type.Member</c>, constructors as
/// <c>Ns.Type..ctor</c>), then each type that contains it, then each enclosing namespace, longest first. The first key
/// that any rule lists, in its <c>allow</c> or its <c>deny</c> list, decides; a name no entry matches is allowed.
/// An entry may appear only once in a rule set, so the deciding rule is never ambiguous.
/// </para>
/// <para>The JSON shape is <c>{ "rules": [ { "id", "description", "deny": [], "allow": [], "constructs": [] } ] }</c>.</para>
/// </remarks>
public sealed class PolicyRuleSet
{
    /// <summary>The manifest resource name of the built-in rule set.</summary>
    public const string DefaultResourceName = "Autonomy.Core.Policy.default-policy.json";

    private const string CtorSuffix = "..ctor";

    private static readonly Lazy<PolicyRuleSet> s_default = new(LoadDefault);

    private readonly FrozenDictionary<string, PolicyRule> _byId;
    private readonly FrozenDictionary<string, PolicyDecision> _entries;
    private readonly FrozenDictionary<string, PolicyRule> _constructs;

    private PolicyRuleSet(IReadOnlyList<PolicyRule> rules, FrozenDictionary<string, PolicyDecision> entries, FrozenDictionary<string, PolicyRule> constructs)
    {
        Rules = rules;
        _byId = rules.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        _entries = entries;
        _constructs = constructs;
    }

    /// <summary>The built-in rule set, read once from the embedded <c>default-policy.json</c>.</summary>
    public static PolicyRuleSet Default => s_default.Value;

    /// <summary>The rules, in the order they were given.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; }

    /// <summary>Reads a rule set from JSON text.</summary>
    /// <param name="json">The rule set as JSON. Comments and trailing commas are accepted.</param>
    /// <param name="sourceName">Names the source in error messages, such as a file path.</param>
    /// <exception cref="InvalidDataException">The JSON is malformed or the rule set is invalid; the message names the problem.</exception>
    public static PolicyRuleSet Parse(string json, string sourceName = "(text)")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Create(PolicyRuleSetReader.Read(json, sourceName), sourceName);
    }

    /// <summary>Reads a rule set from an operator's JSON file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid rule set; the message names the file and the problem.</exception>
    public static PolicyRuleSet LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Builds a rule set from rules, checking it as <see cref="Parse"/> does.</summary>
    /// <exception cref="InvalidDataException">The rules are invalid; the message names the problem.</exception>
    public static PolicyRuleSet Create(IEnumerable<PolicyRule> rules, string sourceName = "(rules)")
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var entries = new Dictionary<string, PolicyDecision>(StringComparer.Ordinal);
        var constructs = new Dictionary<string, PolicyRule>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var rule = list[i] ?? throw Invalid(sourceName, $"rules[{i}] is null.");
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                throw Invalid(sourceName, $"rules[{i}] has an empty id.");
            }

            if (!ids.Add(rule.Id))
            {
                throw Invalid(sourceName, $"the rule id '{rule.Id}' is used twice.");
            }

            if (string.IsNullOrWhiteSpace(rule.Description))
            {
                throw Invalid(sourceName, $"the rule '{rule.Id}' has an empty description.");
            }

            AddEntries(sourceName, rule, rule.Deny, allowed: false, entries);
            AddEntries(sourceName, rule, rule.Allow, allowed: true, entries);
            foreach (var construct in rule.Constructs)
            {
                if (!PolicyConstruct.IsKnown(construct))
                {
                    throw Invalid(sourceName, $"the rule '{rule.Id}' lists the unknown construct '{construct}' (known: {string.Join(", ", PolicyConstruct.All.Order(StringComparer.Ordinal))}).");
                }

                if (!constructs.TryAdd(construct, rule))
                {
                    throw Invalid(sourceName, $"the construct '{construct}' is listed by both '{constructs[construct].Id}' and '{rule.Id}'.");
                }
            }
        }

        return new PolicyRuleSet(list, entries.ToFrozenDictionary(StringComparer.Ordinal), constructs.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The rule with the given id, or <see langword="null"/>.</summary>
    public PolicyRule? FindRule(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.GetValueOrDefault(id);
    }

    /// <summary>
    /// Decides about a full name: a namespace (<c>System.IO</c>), a type (<c>System.IO.File</c>) or a member
    /// (<c>System.IO.File.ReadAllText</c>, <c>System.Text.StringBuilder..ctor</c>). The most specific listed prefix decides.
    /// </summary>
    public PolicyDecision Resolve(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        return Resolve(Prefixes(fullName));
    }

    /// <summary>The rule that forbids a construct (see <see cref="PolicyConstruct"/>), or <see langword="null"/> if none does.</summary>
    public PolicyRule? RuleForConstruct(string construct)
    {
        ArgumentNullException.ThrowIfNull(construct);
        return _constructs.GetValueOrDefault(construct);
    }

    /// <summary>Decides by the first key, most specific first, that an entry lists.</summary>
    internal PolicyDecision Resolve(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (_entries.TryGetValue(key, out var decision))
            {
                return decision;
            }
        }

        return PolicyDecision.Unmatched;
    }

    private static IEnumerable<string> Prefixes(string fullName)
    {
        var name = fullName;
        if (name.EndsWith(CtorSuffix, StringComparison.Ordinal))
        {
            yield return name;
            name = name[..^CtorSuffix.Length];
        }

        while (name.Length > 0)
        {
            yield return name;
            var dot = name.LastIndexOf('.');
            name = dot < 0 ? string.Empty : name[..dot];
        }
    }

    private static void AddEntries(string sourceName, PolicyRule rule, IReadOnlyList<string> names, bool allowed, Dictionary<string, PolicyDecision> entries)
    {
        var list = allowed ? "allow" : "deny";
        foreach (var name in names)
        {
            if (!IsValidEntry(name))
            {
                throw Invalid(sourceName, $"the rule '{rule.Id}' has the {list} entry '{name}', which is not a full name such as System.IO, System.IO.File or System.IO.File.ReadAllText.");
            }

            if (entries.TryGetValue(name, out var existing))
            {
                var where = existing.IsAllowed ? "allow" : "deny";
                throw Invalid(sourceName, $"the entry '{name}' appears twice: in the {where} list of '{existing.Rule!.Id}' and in the {list} list of '{rule.Id}'.");
            }

            entries.Add(name, new PolicyDecision(allowed, rule, name));
        }
    }

    private static bool IsValidEntry(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var body = name.EndsWith(CtorSuffix, StringComparison.Ordinal) ? name[..^CtorSuffix.Length] : name;
        return body.Length > 0 && body.Split('.').All(IsIdentifier);
    }

    private static bool IsIdentifier(string segment) =>
        segment.Length > 0
        && (char.IsLetter(segment[0]) || segment[0] == '_')
        && segment.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static InvalidDataException Invalid(string sourceName, string problem) =>
        new($"The policy rule set {sourceName} is invalid: {problem}");

    private static PolicyRuleSet LoadDefault()
    {
        using var stream = typeof(PolicyRuleSet).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), "(built-in)");
    }
}
