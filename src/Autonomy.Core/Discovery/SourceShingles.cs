using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autonomy.Core.Discovery;

/// <summary>
/// The structure of a C# source as a set of hashed token shingles. Identifiers become <c>id</c> and literals
/// <c>lit</c>; keywords, operators and punctuation stay. So renaming a class, a tool, a variable or a method, or
/// rewording a message, leaves the set unchanged, while a change to the code's shape changes the shingles around it.
/// Using directives and attribute lists are left out: every tool has nearly the same ones (the tool attribute and
/// its schemas), and keeping them would make unrelated tools look alike.
/// </summary>
/// <remarks>
/// Only Roslyn's lexer runs (<see cref="SyntaxFactory.ParseTokens"/>), about eight times faster than building and
/// walking a syntax tree. Directives and attribute lists are recognised from the tokens: a <c>using</c> or a
/// <c>[</c> that starts a declaration where only declarations can stand, that is outside any method body. An
/// interpolated string is one literal token to the lexer.
/// </remarks>
internal static class SourceShingles
{
    private const int IdentifierCode = -1;
    private const int LiteralCode = -2;
    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x100000001B3UL;

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    /// <summary>The distinct hashes of the source's <paramref name="length"/>-token shingles; one shingle when the source is shorter.</summary>
    public static HashSet<ulong> Of(string source, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var codes = Tokens(source);
        var shingles = new HashSet<ulong>(Math.Max(codes.Count - length + 1, 1));
        if (codes.Count == 0)
        {
            return shingles;
        }

        var window = Math.Min(length, codes.Count);
        for (var start = 0; start + window <= codes.Count; start++)
        {
            var hash = FnvOffset;
            for (var i = start; i < start + window; i++)
            {
                hash = (hash ^ (uint)codes[i]) * FnvPrime;
            }

            shingles.Add(StableHash.Mix(hash));
        }

        return shingles;
    }

    /// <summary>The source's normalised token codes: a <see cref="SyntaxKind"/>, or one code for every identifier and one for every literal.</summary>
    public static List<int> Tokens(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var codes = new List<int>(source.Length / 6);

        // For each open brace, whether it opens a namespace or type body, where directives and attributes stand.
        var braces = new Stack<bool>();
        var declarationStart = true;
        var declaresScope = false;
        var skippingUsing = false;
        var attributeDepth = 0;
        foreach (var token in SyntaxFactory.ParseTokens(source, options: s_parseOptions))
        {
            var kind = token.Kind();
            if (kind == SyntaxKind.EndOfFileToken)
            {
                break;
            }

            if (skippingUsing)
            {
                skippingUsing = kind != SyntaxKind.SemicolonToken;
                declarationStart = !skippingUsing;
                continue;
            }

            if (attributeDepth > 0)
            {
                attributeDepth += kind switch { SyntaxKind.OpenBracketToken => 1, SyntaxKind.CloseBracketToken => -1, _ => 0 };
                declarationStart = attributeDepth == 0;
                continue;
            }

            var atDeclarationLevel = braces.Count == 0 || braces.Peek();
            if (atDeclarationLevel && declarationStart)
            {
                if (kind == SyntaxKind.UsingKeyword)
                {
                    skippingUsing = true;
                    continue;
                }

                if (kind == SyntaxKind.OpenBracketToken)
                {
                    attributeDepth = 1;
                    continue;
                }
            }

            switch (kind)
            {
                case SyntaxKind.NamespaceKeyword or SyntaxKind.ClassKeyword or SyntaxKind.StructKeyword or SyntaxKind.InterfaceKeyword or SyntaxKind.EnumKeyword:
                    declaresScope = true;
                    declarationStart = false;
                    break;
                case SyntaxKind.IdentifierToken when atDeclarationLevel && token.ValueText == "record":
                    declaresScope = true;
                    declarationStart = false;
                    break;
                case SyntaxKind.OpenBraceToken:
                    braces.Push(atDeclarationLevel && declaresScope);
                    declaresScope = false;
                    declarationStart = true;
                    break;
                case SyntaxKind.CloseBraceToken:
                    braces.TryPop(out _);
                    declaresScope = false;
                    declarationStart = true;
                    break;
                case SyntaxKind.SemicolonToken:
                    declaresScope = false;
                    declarationStart = true;
                    break;
                default:
                    declarationStart = false;
                    break;
            }

            codes.Add(Code(kind));
        }

        return codes;
    }

    private static int Code(SyntaxKind kind) => kind switch
    {
        SyntaxKind.IdentifierToken => IdentifierCode,
        SyntaxKind.StringLiteralToken
            or SyntaxKind.CharacterLiteralToken
            or SyntaxKind.NumericLiteralToken
            or SyntaxKind.InterpolatedStringToken
            or SyntaxKind.InterpolatedStringTextToken
            or SyntaxKind.SingleLineRawStringLiteralToken
            or SyntaxKind.MultiLineRawStringLiteralToken
            or SyntaxKind.Utf8StringLiteralToken
            or SyntaxKind.Utf8SingleLineRawStringLiteralToken
            or SyntaxKind.Utf8MultiLineRawStringLiteralToken => LiteralCode,
        _ => (int)kind,
    };
}
