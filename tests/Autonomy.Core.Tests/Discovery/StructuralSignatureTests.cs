using Autonomy.Core.Discovery;
using Microsoft.CodeAnalysis.CSharp;

namespace Autonomy.Core.Tests.Discovery;

/// <summary>Normalised token shingles and their MinHash signatures.</summary>
public sealed class StructuralSignatureTests
{
    private const int Identifier = -1;
    private const int Literal = -2;

    [Fact]
    public void Tokens_Statement_MapsIdentifiersAndLiteralsAndKeepsTheRest()
    {
        var codes = SourceShingles.Tokens("""class C { void M() { var total = count + 1.5; Log($"n={total}", 'x'); } }""");

        int[] expected =
        [
            (int)SyntaxKind.ClassKeyword, Identifier, (int)SyntaxKind.OpenBraceToken,
            (int)SyntaxKind.VoidKeyword, Identifier, (int)SyntaxKind.OpenParenToken, (int)SyntaxKind.CloseParenToken, (int)SyntaxKind.OpenBraceToken,
            Identifier, Identifier, (int)SyntaxKind.EqualsToken, Identifier, (int)SyntaxKind.PlusToken, Literal, (int)SyntaxKind.SemicolonToken,
            Identifier, (int)SyntaxKind.OpenParenToken,
            Literal,
            (int)SyntaxKind.CommaToken, Literal, (int)SyntaxKind.CloseParenToken, (int)SyntaxKind.SemicolonToken,
            (int)SyntaxKind.CloseBraceToken, (int)SyntaxKind.CloseBraceToken,
        ];
        Assert.Equal(expected, codes);
    }

    [Fact]
    public void Tokens_UsingsAndAttributes_AreLeftOut()
    {
        var codes = SourceShingles.Tokens("""
            using System;
            using System.Text.Json.Nodes;
            [Tool("a", "b")]
            [ToolInputSchema("{}")]
            class C { }
            """);

        Assert.Equal([(int)SyntaxKind.ClassKeyword, Identifier, (int)SyntaxKind.OpenBraceToken, (int)SyntaxKind.CloseBraceToken], codes);
    }

    [Fact]
    public void Tokens_UsingStatementsAndIndexersInCode_AreKept()
    {
        var codes = SourceShingles.Tokens("""
            namespace N;
            [A] class C
            {
                [B] [C(1)] void M() { using var s = x; [1].Sum(); y[0] = 1; }
            }
            """);

        int[] expected =
        [
            (int)SyntaxKind.NamespaceKeyword, Identifier, (int)SyntaxKind.SemicolonToken,
            (int)SyntaxKind.ClassKeyword, Identifier, (int)SyntaxKind.OpenBraceToken,
            (int)SyntaxKind.VoidKeyword, Identifier, (int)SyntaxKind.OpenParenToken, (int)SyntaxKind.CloseParenToken, (int)SyntaxKind.OpenBraceToken,
            (int)SyntaxKind.UsingKeyword, Identifier, Identifier, (int)SyntaxKind.EqualsToken, Identifier, (int)SyntaxKind.SemicolonToken,
            (int)SyntaxKind.OpenBracketToken, Literal, (int)SyntaxKind.CloseBracketToken, (int)SyntaxKind.DotToken, Identifier, (int)SyntaxKind.OpenParenToken, (int)SyntaxKind.CloseParenToken, (int)SyntaxKind.SemicolonToken,
            Identifier, (int)SyntaxKind.OpenBracketToken, Literal, (int)SyntaxKind.CloseBracketToken, (int)SyntaxKind.EqualsToken, Literal, (int)SyntaxKind.SemicolonToken,
            (int)SyntaxKind.CloseBraceToken, (int)SyntaxKind.CloseBraceToken,
        ];
        Assert.Equal(expected, codes);
    }

    [Fact]
    public void Of_RenamedIdentifiersAndRewordedLiterals_GivesTheSameShingles()
    {
        var original = SourceShingles.Of("""class Adder { int Add(int a, int b) { Log("adding"); return a + b; } }""", 5);
        var renamed = SourceShingles.Of("""class Summer { int Sum(int x, int y) { Log("summing up"); return x + y; } }""", 5);

        Assert.Equal(original.Order(), renamed.Order());
    }

    [Fact]
    public void Of_ChangedOperator_ChangesTheShinglesAroundIt()
    {
        var original = SourceShingles.Of("""class Adder { int Add(int a, int b) { Log("adding"); return a + b; } }""", 5);
        var changed = SourceShingles.Of("""class Adder { int Add(int a, int b) { Log("adding"); return a * b; } }""", 5);

        Assert.Equal(5, original.Except(changed).Count());
    }

    [Fact]
    public void Of_SourceShorterThanOneShingle_GivesOneShingle()
    {
        Assert.Single(SourceShingles.Of("class C { }", 5));
        Assert.Empty(SourceShingles.Of("", 5));
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void Similarity_OfSignatures_EstimatesTheJaccardSimilarity(double jaccard)
    {
        // Two sets of 1,000 sharing s elements have Jaccard s / (2,000 − s).
        var shared = (int)Math.Round(2_000 * jaccard / (1 + jaccard));
        var a = Enumerable.Range(0, 1_000).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL).ToList();
        var b = a.Take(shared).Concat(Enumerable.Range(5_000, 1_000 - shared).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL)).ToList();
        var hasher = new MinHasher(DuplicateOptions.DefaultHashFunctions, 42);

        var estimate = MinHasher.Similarity(hasher.Signature(a), hasher.Signature(b));

        // One standard error at 144 functions is at most 0.042.
        Assert.InRange(estimate, jaccard - 0.1, jaccard + 0.1);
    }

    [Fact]
    public void Signature_SameSetInAnotherOrder_IsTheSame()
    {
        var hasher = new MinHasher(64, 1);
        ulong[] set = [3, 1_000_003, 77, 0xFFFF_FFFF_FFFF];

        Assert.Equal(hasher.Signature(set), hasher.Signature(set.Reverse()));
        Assert.Equal(1.0, MinHasher.Similarity(hasher.Signature(set), hasher.Signature(set.Reverse())));
    }
}
