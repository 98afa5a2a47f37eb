namespace Autonomy.Tools.Sandbox;

/// <summary>The budget an execution ran out of.</summary>
public enum SandboxBudget
{
    /// <summary>The step budget: loop iterations, jumps and calls.</summary>
    Steps = 1,

    /// <summary>The call-depth budget, measured as stack in use, so that no recursion can overflow the stack.</summary>
    CallDepth = 2,

    /// <summary>The allocation budget: bytes allocated by the execution.</summary>
    Memory = 3,

    /// <summary>The wall-clock deadline, or the caller's cancellation.</summary>
    Time = 4,
}
