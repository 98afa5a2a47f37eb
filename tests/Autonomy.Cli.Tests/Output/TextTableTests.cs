using Autonomy.Cli.Output;

namespace Autonomy.Cli.Tests.Output;

public sealed class TextTableTests
{
    [Fact]
    public void Write_CellsOfDifferentWidths_ColumnsAlignedTwoSpacesApart()
    {
        using var output = new StringWriter();

        new TextTable("TOOL", "HEALTH", "ACTIVE").Add("slugify", "Healthy", "v3").Add("x", null, "v10").Write(output);

        Assert.Equal(
            """
            TOOL     HEALTH   ACTIVE
            slugify  Healthy  v3
            x        -        v10

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
