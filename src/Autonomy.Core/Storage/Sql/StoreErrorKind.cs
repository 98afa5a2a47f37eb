namespace Autonomy.Core.Storage.Sql;

/// <summary>The constraint a database error broke, as far as the stores need to tell them apart.</summary>
public enum StoreErrorKind
{
    /// <summary>Anything else: a connection fault, a syntax error, a trigger.</summary>
    Other = 0,

    /// <summary>A primary key or unique index.</summary>
    UniqueViolation = 1,

    /// <summary>A foreign key: the row refers to one that does not exist.</summary>
    ForeignKeyViolation = 2,

    /// <summary>A check constraint.</summary>
    CheckViolation = 3,
}
