using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("age_group", "Ticket category for an age: child under 13, teen under 18, adult under 65, senior from 65.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "age": { "type": "integer", "minimum": 0 } }, "required": ["age"] }
""")]
public sealed class AgeGroupTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var age = input!["age"]!.GetValue<int>();
        string group;
        if (age <= 13)
        {
            group = "child";
        }
        else if (age < 18)
        {
            group = "teen";
        }
        else if (age < 65)
        {
            group = "adult";
        }
        else
        {
            group = "senior";
        }

        var price = group switch { "child" => 6, "teen" => 9, "senior" => 8, _ => 12 };
        return Task.FromResult<JsonNode?>(new JsonObject { ["group"] = group, ["price"] = price });
    }
}
