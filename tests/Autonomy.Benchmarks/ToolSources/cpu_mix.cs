using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.Benchmarks.Tools;

[Tool("cpu_mix", "A CPU-bound benchmark workload: a sieve, running sums, a recursive Fibonacci, a tree walk, word counts and string building.")]
[ToolInputSchema("""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "size": { "type": "integer", "minimum": 16, "maximum": 1000000 },
    "fib": { "type": "integer", "minimum": 0, "maximum": 30 },
    "depth": { "type": "integer", "minimum": 0, "maximum": 16 }
  },
  "required": ["size", "fib", "depth"],
  "additionalProperties": false
}
""")]
public sealed class CpuMixTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var size = input?["size"]?.GetValue<int>() ?? throw new InvalidToolInputException("'size' is required.");
        var fib = input?["fib"]?.GetValue<int>() ?? throw new InvalidToolInputException("'fib' is required.");
        var depth = input?["depth"]?.GetValue<int>() ?? throw new InvalidToolInputException("'depth' is required.");

        // Arrays: a sieve of Eratosthenes, then running sums and a sliding window over a pseudo-random sequence.
        var composite = new bool[size + 1];
        var primes = new List<int>();
        for (var i = 2; i <= size; i++)
        {
            if (composite[i])
            {
                continue;
            }

            primes.Add(i);
            for (var j = (long)i * i; j <= size; j += i)
            {
                composite[j] = true;
            }
        }

        var values = new int[size];
        var seed = 12345u;
        for (var i = 0; i < size; i++)
        {
            seed = seed * 1664525u + 1013904223u;
            values[i] = (int)(seed >> 16) % 1000;
        }

        var prefix = new long[size + 1];
        for (var i = 0; i < size; i++)
        {
            prefix[i + 1] = prefix[i] + values[i];
        }

        var bestWindow = 0L;
        for (var i = 16; i <= size; i++)
        {
            bestWindow = Math.Max(bestWindow, prefix[i] - prefix[i - 16]);
        }

        // Recursion: a naive Fibonacci and a walk over a complete binary tree.
        var fibonacci = Fib(fib);
        var (treeSum, treeHeight) = Walk(Build(depth, 1));

        // Collections: bucket the values into words, count them and keep the most frequent.
        var counts = new Dictionary<string, int>();
        foreach (var value in values)
        {
            var word = "w" + (value % 97);
            counts[word] = counts.TryGetValue(word, out var seen) ? seen + 1 : 1;
        }

        var top = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(5).ToList();

        // Strings.
        var text = new StringBuilder();
        foreach (var (word, count) in top)
        {
            text.Append(word).Append('=').Append(count).Append(';');
        }

        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["primes"] = primes.Count,
            ["largestPrime"] = primes.Count == 0 ? 0 : primes[^1],
            ["bestWindow"] = bestWindow,
            ["fibonacci"] = fibonacci,
            ["treeSum"] = treeSum,
            ["treeHeight"] = treeHeight,
            ["distinctWords"] = counts.Count,
            ["top"] = text.ToString(),
        });
    }

    private static int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);

    private static Node Build(int depth, int value) =>
        depth == 0 ? new Node(value, null, null) : new Node(value, Build(depth - 1, value * 2), Build(depth - 1, value * 2 + 1));

    private static (long Sum, int Height) Walk(Node? node)
    {
        if (node is null)
        {
            return (0, 0);
        }

        var left = Walk(node.Left);
        var right = Walk(node.Right);
        return (left.Sum + right.Sum + node.Value, 1 + Math.Max(left.Height, right.Height));
    }

    private sealed record Node(int Value, Node? Left, Node? Right);
}
