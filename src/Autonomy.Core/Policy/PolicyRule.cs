namespace Autonomy.Core.Policy;

/// <summary>
/// One rule of a <see cref="PolicyRuleSet"/>: what it forbids (<see cref="Deny"/>), the exceptions it makes
/// (<see cref="Allow"/>) and the language constructs it forbids (<see cref="Constructs"/>).
/// </summary>
/// <remarks>
/// Entries are full names of a namespace (<c>System.IO</c>), a type (<c>System.IO.File</c>, nested types with dots,
/// generic types without their arity) or a member (<c>System.IO.Path.GetTempPath</c>, constructors as
/// <c>System.Threading.Tasks.Task..ctor</c>).
/// </remarks>
public sealed class PolicyRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="id">The rule's id, such as <c>filesystem</c>; violations carry it as <c>policy/&lt;id&gt;</c>.</param>
    /// <param name="description">Why the rule exists, as a sentence a tool author can act on.</param>
    /// <param name="deny">The namespaces, types and members the rule forbids.</param>
    /// <param name="allow">The namespaces, types and members the rule allows inside what it (or another rule) denies.</param>
    /// <param name="constructs">The language constructs the rule forbids; see <see cref="PolicyConstruct"/>.</param>
    public PolicyRule(string id, string description, IReadOnlyList<string> deny, IReadOnlyList<string> allow, IReadOnlyList<string> constructs)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(deny);
        ArgumentNullException.ThrowIfNull(allow);
        ArgumentNullException.ThrowIfNull(constructs);
        Id = id;
        Description = description;
        Deny = [.. deny];
        Allow = [.. allow];
        Constructs = [.. constructs];
    }

    /// <summary>The rule's id, such as <c>filesystem</c>.</summary>
    public string Id { get; }

    /// <summary>Why the rule exists. Violation messages end with it.</summary>
    public string Description { get; }

    /// <summary>The namespaces, types and members the rule forbids.</summary>
    public IReadOnlyList<string> Deny { get; }

    /// <summary>The namespaces, types and members the rule allows.</summary>
    public IReadOnlyList<string> Allow { get; }

    /// <summary>The language constructs the rule forbids.</summary>
    public IReadOnlyList<string> Constructs { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Description}";
}
