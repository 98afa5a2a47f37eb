namespace Autonomy.Core.Storage;

/// <summary>The kind of test a testing_summary row comes from.</summary>
public enum TestKind
{
    /// <summary>Old and new versions ran side by side on the same inputs.</summary>
    Shadow = 0,

    /// <summary>Recorded production inputs ran against the new version.</summary>
    Replay = 1,
}
