namespace Autonomy.Core.Lifecycle;

/// <summary>What the lifecycle manager does to a tool.</summary>
public enum LifecycleActionKind
{
    /// <summary>A file declares a tool the store does not have: register and deploy it (a human version).</summary>
    Register = 0,

    /// <summary>
    /// A folder tool's file holds a source the tool never had: register it as a human version and deploy it, over
    /// whatever is active, an autonomous fix included. An archived tool is restored first.
    /// </summary>
    NewHumanVersion = 1,

    /// <summary>A deleted tool's file is back: restore it, and register its source if it is new.</summary>
    Revive = 2,

    /// <summary>A file declares a tool that did not come from the folder: record that the folder now holds it.</summary>
    Adopt = 3,

    /// <summary>A folder tool runs a version its file does not hold, and the file holds an older one: write the active source back.</summary>
    WriteBack = 4,

    /// <summary>A folder tool's file is gone: delete the tool.</summary>
    MarkDeleted = 5,

    /// <summary>A tool unused for long and little used overall: archive it.</summary>
    Archive = 6,

    /// <summary>A deletion or archival held back because the tool is valuable: raise an alert instead.</summary>
    RaiseAlert = 7,

    /// <summary>An open alert whose condition cleared or whose action was taken: resolve it.</summary>
    ResolveAlert = 8,
}
