namespace Autonomy.Core.Verification;

/// <summary>Why <see cref="SyntheticInputGenerator"/> made an input.</summary>
public enum SyntheticInputKind
{
    /// <summary>The valid starting input: the seed example, or one built from the schema's defaults, enums and types.</summary>
    Baseline = 0,

    /// <summary>The baseline without one optional field.</summary>
    FieldOmitted = 1,

    /// <summary>The baseline with one optional field it lacked.</summary>
    FieldAdded = 2,

    /// <summary>The baseline with one value at or past a boundary (empty, zero, negative, limits, unicode, another JSON type). May break the schema on purpose.</summary>
    Boundary = 3,

    /// <summary>The baseline with one enum field set to another of its values.</summary>
    EnumValue = 4,
}
