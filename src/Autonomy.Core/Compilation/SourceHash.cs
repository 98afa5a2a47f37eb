using System.Security.Cryptography;
using System.Text;

namespace Autonomy.Core.Compilation;

/// <summary>The identity of a tool source: the lower-case hex SHA-256 of its UTF-8 text.</summary>
public static class SourceHash
{
    /// <summary>Hashes a source text.</summary>
    public static string Of(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
    }
}
