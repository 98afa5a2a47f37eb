namespace Autonomy.Core.Repair.Mutation;

/// <summary>The mutation operators, in the order the search prefers them at one site (likeliest fixes first).</summary>
public enum MutationKind
{
    /// <summary>A relational, arithmetic, logical, bitwise or shift operator replaced by another of its class.</summary>
    OperatorReplacement,

    /// <summary>A numeric literal plus or minus one, or a Boolean literal negated.</summary>
    ConstantChange,

    /// <summary>A call replaced by a method of the same type and signature (<c>First</c>/<c>Last</c>, <c>Min</c>/<c>Max</c>).</summary>
    MethodReplacement,

    /// <summary>Two arguments of a call, or the operands of a non-commutative operator, swapped.</summary>
    SwappedArguments,

    /// <summary>A variable replaced by another of the same type in scope, or a member by another of the same type.</summary>
    VariableReplacement,

    /// <summary>A string key (indexer or lookup argument) replaced by another key the tool uses.</summary>
    KeyReplacement,

    /// <summary>An increment or compound assignment turned around (<c>++</c>/<c>--</c>, <c>+=</c>/<c>-=</c>).</summary>
    UpdateReplacement,

    /// <summary>A condition negated, or a negation removed.</summary>
    Negation,

    /// <summary>One operand of a binary expression kept, the other removed.</summary>
    RemovedTerm,

    /// <summary>An integer expression plus or minus one (loop bounds, indexes, lengths).</summary>
    OffByOne,

    /// <summary>A condition strengthened or weakened with another condition (<c>&amp;&amp; x != null</c>, <c>|| ...</c>).</summary>
    ConditionChange,

    /// <summary>A numeric expression wrapped in <c>Math.Max</c> or <c>Math.Min</c>.</summary>
    Clamp,

    /// <summary>A statement deleted.</summary>
    StatementDeletion,

    /// <summary>A statement put under a condition taken from the tool.</summary>
    StatementGuard,

    /// <summary>A statement copied from elsewhere in the tool and inserted.</summary>
    StatementInsertion,
}
