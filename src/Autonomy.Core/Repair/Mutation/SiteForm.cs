namespace Autonomy.Core.Repair.Mutation;

/// <summary>How a mutant schema places an edit.</summary>
internal enum SiteForm
{
    /// <summary>The site is an expression: <c>(On(id) ? mutated : original)</c>.</summary>
    Expression,

    /// <summary>The site is a statement: <c>if (On(id)) { mutated } else { original }</c>.</summary>
    Statement,

    /// <summary>A statement inserted before the site statement: <c>if (On(id)) { copy }</c>.</summary>
    InsertBefore,

    /// <summary>A statement inserted after the site statement (the last of its block).</summary>
    InsertAfter,
}
