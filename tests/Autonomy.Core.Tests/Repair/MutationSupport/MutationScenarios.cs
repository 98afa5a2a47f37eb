namespace Autonomy.Core.Tests.Repair.MutationSupport;

/// <summary>One tool per defect class, each with a reference implementation (written for these tests).</summary>
internal static class MutationScenarios
{
    private const string CountBody = """
        var xs = Numbers(input);
        var limit = input!["limit"]!.GetValue<int>();
        var count = 0;
        var i = 0;
        while (i < xs.Length)
        {
            if (xs[i] OP limit)
            {
                count++;
            }

            i++;
        }

        return Done(new JsonObject { ["count"] = count });
""";

    /// <summary>Counts the numbers at most a limit; the defect compares with <c>&lt;</c>. Its loop turns infinite under some mutants.</summary>
    public static MutationScenario WrongOperator { get; } = new(
        "wrong operator",
        MutationScenario.Tool(CountBody.Replace("OP", "<=", StringComparison.Ordinal)),
        MutationScenario.Tool(CountBody.Replace("OP", "<", StringComparison.Ordinal)),
        ["""{"xs":[1,2,3],"limit":5}""", """{"xs":[1,5,7],"limit":5}""", """{"xs":[],"limit":1}""", """{"xs":[9,9],"limit":3}""",
         """{"xs":[3,3,4],"limit":3}""", """{"xs":[1,2],"limit":2}"""],
        ["""{"xs":[4,6,8],"limit":6}""", """{"xs":[10],"limit":1}"""],
        ["""{"xs":[0,0,1],"limit":0}""", """{"xs":[-3,-2],"limit":-2}""", """{"xs":[5,6,7,8],"limit":7}"""]);

    private const string SumBody = """
        var xs = Numbers(input);
        var n = Math.Min(input!["n"]!.GetValue<int>(), xs.Length);
        var sum = 0;
        for (var i = START; i < n; i++)
        {
            sum += xs[i];
        }

        return Done(new JsonObject { ["sum"] = sum });
""";

    /// <summary>Sums the first n numbers; the defect starts at 1.</summary>
    public static MutationScenario OffByOne { get; } = new(
        "off-by-one constant",
        MutationScenario.Tool(SumBody.Replace("START", "0", StringComparison.Ordinal)),
        MutationScenario.Tool(SumBody.Replace("START", "1", StringComparison.Ordinal)),
        ["""{"xs":[0,4,5],"n":2}""", """{"xs":[1,2,3],"n":2}""", """{"xs":[5],"n":1}""", """{"xs":[2,2,2],"n":3}""", """{"xs":[7,8],"n":0}"""],
        ["""{"xs":[3,1],"n":2}""", """{"xs":[0,9],"n":5}"""],
        ["""{"xs":[4,5,6,7],"n":3}""", """{"xs":[-1,-2],"n":2}""", """{"xs":[10],"n":0}"""]);

    private const string AreaBody = """
        var width = input!["width"]!.GetValue<int>();
        var height = input!["height"]!.GetValue<int>();
        var area = width * SECOND;
        var perimeter = 2 * (width + height);
        return Done(new JsonObject { ["area"] = area, ["perimeter"] = perimeter });
""";

    /// <summary>Area and perimeter of a rectangle; the defect multiplies the width by itself.</summary>
    public static MutationScenario WrongVariable { get; } = new(
        "wrong variable",
        MutationScenario.Tool(AreaBody.Replace("SECOND", "height", StringComparison.Ordinal)),
        MutationScenario.Tool(AreaBody.Replace("SECOND", "width", StringComparison.Ordinal)),
        ["""{"width":2,"height":2}""", """{"width":2,"height":3}""", """{"width":5,"height":1}""", """{"width":4,"height":4}""", """{"width":1,"height":7}"""],
        ["""{"width":6,"height":2}""", """{"width":3,"height":3}"""],
        ["""{"width":10,"height":20}""", """{"width":0,"height":5}""", """{"width":7,"height":3}"""]);

    private const string PowerBody = """
        var b = input!["base"]!.GetValue<int>();
        var e = input!["exponent"]!.GetValue<int>();
        var value = Power(ARGS);
        return Done(new JsonObject { ["value"] = value });
""";

    private const string PowerMembers = """

    private static long Power(int b, int e)
    {
        long result = 1;
        for (var i = 0; i < e; i++)
        {
            result *= b;
        }

        return result;
    }
""";

    /// <summary>Integer power; the defect passes exponent and base the wrong way round.</summary>
    public static MutationScenario SwappedArguments { get; } = new(
        "swapped arguments",
        MutationScenario.Tool(PowerBody.Replace("ARGS", "b, e", StringComparison.Ordinal), PowerMembers),
        MutationScenario.Tool(PowerBody.Replace("ARGS", "e, b", StringComparison.Ordinal), PowerMembers),
        ["""{"base":2,"exponent":2}""", """{"base":2,"exponent":3}""", """{"base":3,"exponent":3}""", """{"base":3,"exponent":2}""",
         """{"base":2,"exponent":5}""", """{"base":1,"exponent":1}""", """{"base":10,"exponent":0}"""],
        ["""{"base":5,"exponent":1}""", """{"base":4,"exponent":4}"""],
        ["""{"base":3,"exponent":4}""", """{"base":7,"exponent":2}""", """{"base":2,"exponent":10}"""]);

    private const string EvensBody = """
        var xs = Numbers(input);
        var sum = 0;
        var evens = 0;
        foreach (var x in xs)
        {
            if (x > 0)
            {
                sum += x;
            }

            if (CONDITION)
            {
                evens++;
            }
        }

        return Done(new JsonObject { ["positiveSum"] = sum, ["positiveEvens"] = evens });
""";

    /// <summary>Sum of the positive numbers and count of the positive even ones; the defect forgets "positive" in the count.</summary>
    public static MutationScenario MissingCondition { get; } = new(
        "missing condition",
        MutationScenario.Tool(EvensBody.Replace("CONDITION", "x > 0 && x % 2 == 0", StringComparison.Ordinal)),
        MutationScenario.Tool(EvensBody.Replace("CONDITION", "x % 2 == 0", StringComparison.Ordinal)),
        ["""{"xs":[1,2,3,4]}""", """{"xs":[-2,2]}""", """{"xs":[0,1]}""", """{"xs":[5,7]}""", """{"xs":[-4,-6,8]}"""],
        ["""{"xs":[0,0,2]}""", """{"xs":[6]}"""],
        ["""{"xs":[-1,-2,-3,4]}""", """{"xs":[2,4,6]}""", """{"xs":[0]}"""]);

    private const string RangeBody = """
        var xs = Numbers(input);
        if (xs.Length == 0)
        {
            return Done(new JsonObject { ["range"] = 0 });
        }

        var low = xs.LOW();
        var high = xs.Max();
        return Done(new JsonObject { ["low"] = low, ["high"] = high, ["range"] = high - low });
""";

    /// <summary>Lowest, highest and range; the defect takes the maximum for the lowest.</summary>
    public static MutationScenario MinInsteadOfMax { get; } = new(
        "incorrect method (Max for Min)",
        MutationScenario.Tool(RangeBody.Replace("LOW", "Min", StringComparison.Ordinal)),
        MutationScenario.Tool(RangeBody.Replace("LOW", "Max", StringComparison.Ordinal)),
        ["""{"xs":[5]}""", """{"xs":[2,2]}""", """{"xs":[3,1,2]}""", """{"xs":[9,4,6]}""", """{"xs":[]}"""],
        ["""{"xs":[7,8,5]}""", """{"xs":[1]}"""],
        ["""{"xs":[-5,5,0]}""", """{"xs":[100,3,50]}""", """{"xs":[8,8,9]}"""]);

    public static IReadOnlyDictionary<string, MutationScenario> All { get; } = new[]
    {
        WrongOperator, OffByOne, WrongVariable, SwappedArguments, MissingCondition, MinInsteadOfMax,
    }.ToDictionary(s => s.Name);

    public static TheoryData<string> Names { get; } = new(All.Keys);
}
