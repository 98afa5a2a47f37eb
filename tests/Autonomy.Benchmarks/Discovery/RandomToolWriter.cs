using System.Globalization;
using System.Text;

namespace Autonomy.Benchmarks.Discovery;

/// <summary>
/// Writes random tool sources that parse as C#: an <c>ExecuteAsync</c> and a few helpers made of random statements
/// (declarations, compound assignments, branches, loops, switches, try/catch, list and string calls, logging) and
/// random expressions, nested up to two deep. They stand for the unrelated tools of a large catalogue; they need
/// not compile, since duplicate detection only tokenises.
/// </summary>
internal sealed class RandomToolWriter(Random random)
{
    private static readonly string[] Operators = ["+", "-", "*", "/", "%"];
    private static readonly string[] Comparisons = ["<", ">", "<=", ">=", "==", "!="];
    private static readonly string[] MathCalls = ["Math.Abs", "Math.Sqrt", "Math.Floor", "Math.Round", "Math.Log"];
    private static readonly string[] Names = ["total", "count", "value", "rate", "sum", "delta", "limit", "scale", "offset", "width", "step", "score"];

    private readonly StringBuilder _text = new();
    private int _locals;
    private int _helpers;

    public string Write(string toolName, string className)
    {
        _text.Clear();
        _helpers = random.Next(1, 4);
        _text.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using System.Collections.Generic;
            using System.Text.Json.Nodes;
            using System.Threading.Tasks;
            using Autonomy.Tools;

            namespace Synthetic.Tools;

            [Tool("{{toolName}}", "A generated tool.")]
            public sealed class {{className}} : ITool
            {
                public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
                {
                    var value = input?["value"]?.GetValue<double>() ?? throw new InvalidToolInputException("'value' is required.");
                    var items = new List<double>();
                    var text = input?["text"]?.GetValue<string>() ?? "";

            """);
        _locals = 0;
        Block(random.Next(6, 16), 2, 0);
        _text.AppendLine("        return Task.FromResult<JsonNode?>(new JsonObject { [\"value\"] = value, [\"count\"] = items.Count });");
        _text.AppendLine("    }");
        for (var h = 0; h < _helpers; h++)
        {
            AppendHelper(h);
        }

        _text.AppendLine("}");
        return _text.ToString();
    }

    /// <summary>One random private static helper method, as source text; also used to pad copies of real tools.</summary>
    public string Helper(int number)
    {
        _text.Clear();
        _helpers = number;
        AppendHelper(number);
        return _text.ToString();
    }

    private void AppendHelper(int number)
    {
        _locals = 0;
        var parameters = random.Next(1, 4);
        _text.AppendLine();
        _text.Append(CultureInfo.InvariantCulture, $"    private static double Helper{number}(");
        _text.AppendJoin(", ", Enumerable.Range(0, parameters).Select(p => $"double p{p}"));
        _text.AppendLine(")");
        _text.AppendLine("    {");
        _text.AppendLine("        var value = p0;");
        _text.AppendLine("        var items = new List<double>();");
        _text.AppendLine("        var text = \"\";");
        Block(random.Next(3, 10), 2, 0);
        _text.AppendLine("        return value;");
        _text.AppendLine("    }");
    }

    private void Block(int statements, int indent, int depth)
    {
        for (var i = 0; i < statements; i++)
        {
            Statement(indent, depth);
        }
    }

    private void Statement(int indent, int depth)
    {
        var pad = new string(' ', indent * 4);
        var nested = depth < 2;
        switch (random.Next(nested ? 15 : 9))
        {
            case 0:
                _text.Append(CultureInfo.InvariantCulture, $"{pad}var {NewLocal()} = {Expression(0)};\n");
                break;
            case 1:
                _text.Append(CultureInfo.InvariantCulture, $"{pad}value {Pick(Operators)}= {Expression(0)};\n");
                break;
            case 2:
                _text.Append(CultureInfo.InvariantCulture, $"{pad}items.Add({Expression(0)});\n");
                break;
            case 3:
                _text.Append(CultureInfo.InvariantCulture, $"{pad}context.Log.Info($\"{Pick(Names)} {{value}} of {{items.Count}}\");\n");
                break;
            case 4:
                _text.Append(CultureInfo.InvariantCulture, $"{pad}if ({Condition()}) throw new InvalidToolInputException(\"{Pick(Names)} is out of range.\");\n");
                break;
            case 5:
                _text.Append(CultureInfo.InvariantCulture, $"{pad}value = {Condition()} ? {Expression(0)} : {Expression(0)};\n");
                break;
            case 6:
                _text.Append(CultureInfo.InvariantCulture, $"{pad}value = {Pick(MathCalls)}({Expression(0)});\n");
                break;
            case 7:
                _text.Append(CultureInfo.InvariantCulture, $"{pad}text = text.Substring(0, Math.Min({random.Next(1, 40)}, text.Length)).{(random.Next(2) == 0 ? "Trim" : "ToUpperInvariant")}();\n");
                break;
            case 8:
                _text.Append(CultureInfo.InvariantCulture, $"{pad}value = Helper{random.Next(_helpers)}({string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Expression(1)))});\n");
                break;
            case 9:
                _text.Append(CultureInfo.InvariantCulture, $"{pad}if ({Condition()})\n{pad}{{\n");
                Block(random.Next(1, 4), indent + 1, depth + 1);
                if (random.Next(2) == 0)
                {
                    _text.Append(CultureInfo.InvariantCulture, $"{pad}}}\n{pad}else\n{pad}{{\n");
                    Block(random.Next(1, 3), indent + 1, depth + 1);
                }

                _text.Append(CultureInfo.InvariantCulture, $"{pad}}}\n");
                break;
            case 10:
                var index = NewLocal();
                _text.Append(CultureInfo.InvariantCulture, $"{pad}for (var {index} = 0; {index} < {random.Next(2, 100)}; {index}{(random.Next(2) == 0 ? "++" : " += 2")})\n{pad}{{\n");
                Block(random.Next(1, 4), indent + 1, depth + 1);
                _text.Append(CultureInfo.InvariantCulture, $"{pad}}}\n");
                break;
            case 11:
                var item = NewLocal();
                _text.Append(CultureInfo.InvariantCulture, $"{pad}foreach (var {item} in items.ToArray())\n{pad}{{\n");
                Block(random.Next(1, 3), indent + 1, depth + 1);
                _text.Append(CultureInfo.InvariantCulture, $"{pad}}}\n");
                break;
            case 12:
                _text.Append(CultureInfo.InvariantCulture, $"{pad}while ({Condition()})\n{pad}{{\n");
                Block(random.Next(1, 3), indent + 1, depth + 1);
                _text.Append(CultureInfo.InvariantCulture, $"{pad}    break;\n{pad}}}\n");
                break;
            case 13:
                _text.Append(CultureInfo.InvariantCulture, $"{pad}switch ((int)value % {random.Next(2, 6)})\n{pad}{{\n");
                var cases = random.Next(1, 4);
                for (var c = 0; c < cases; c++)
                {
                    _text.Append(CultureInfo.InvariantCulture, $"{pad}    case {c}:\n");
                    Block(1, indent + 2, depth + 1);
                    _text.Append(CultureInfo.InvariantCulture, $"{pad}        break;\n");
                }

                _text.Append(CultureInfo.InvariantCulture, $"{pad}    default:\n{pad}        break;\n{pad}}}\n");
                break;
            default:
                _text.Append(CultureInfo.InvariantCulture, $"{pad}try\n{pad}{{\n");
                Block(random.Next(1, 3), indent + 1, depth + 1);
                _text.Append(CultureInfo.InvariantCulture, $"{pad}}}\n{pad}catch ({(random.Next(2) == 0 ? "FormatException" : "OverflowException")})\n{pad}{{\n");
                Block(1, indent + 1, depth + 1);
                _text.Append(CultureInfo.InvariantCulture, $"{pad}}}\n");
                break;
        }
    }

    private string Expression(int depth)
    {
        switch (random.Next(depth < 2 ? 7 : 3))
        {
            case 0:
                return random.Next(3) == 0
                    ? (random.NextDouble() * 100).ToString("0.##", CultureInfo.InvariantCulture)
                    : random.Next(0, 1000).ToString(CultureInfo.InvariantCulture);
            case 1:
                return _locals > 0 && random.Next(2) == 0 ? "v" + random.Next(_locals).ToString(CultureInfo.InvariantCulture) : "value";
            case 2:
                return random.Next(2) == 0 ? "items.Count" : "text.Length";
            case 3:
                return $"{Expression(depth + 1)} {Pick(Operators)} {Expression(depth + 1)}";
            case 4:
                return $"({Expression(depth + 1)} {Pick(Operators)} {Expression(depth + 1)})";
            case 5:
                return $"{Pick(MathCalls)}({Expression(depth + 1)})";
            default:
                return $"Math.{(random.Next(2) == 0 ? "Max" : "Min")}({Expression(depth + 1)}, {Expression(depth + 1)})";
        }
    }

    private string Condition()
    {
        var condition = $"{Expression(1)} {Pick(Comparisons)} {Expression(1)}";
        return random.Next(4) switch
        {
            0 => $"{condition} && {Expression(1)} {Pick(Comparisons)} {Expression(1)}",
            1 => $"!({condition}) || items.Count == 0",
            _ => condition,
        };
    }

    private string NewLocal() => "v" + (_locals++).ToString(CultureInfo.InvariantCulture);

    private string Pick(string[] options) => options[random.Next(options.Length)];
}
