using System.Security.Cryptography;
using System.Text;

namespace Autonomy.Core.Storage.Migrations;

/// <summary>
/// The identity of a migration script: lower-case hex SHA-256 of its UTF-8 text with line endings normalised
/// to <c>\n</c> and any byte-order mark removed, so that a checkout with CRLF line endings is not a "change".
/// </summary>
public static class MigrationChecksum
{
    /// <summary>Computes the checksum of a script.</summary>
    public static string Of(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var normalised = sql.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
