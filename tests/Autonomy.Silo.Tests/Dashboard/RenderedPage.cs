using System.Net;
using System.Text.RegularExpressions;

namespace Autonomy.Silo.Tests.Dashboard;

/// <summary>A DOM dumped by the browser: its HTML, and the text a reader sees (tags removed, whitespace collapsed).</summary>
internal sealed partial record RenderedPage(string Html)
{
    public string Text { get; } = Whitespace().Replace(WebUtility.HtmlDecode(Tag().Replace(Script().Replace(Html, " "), " ")), " ").Trim();

    public override string ToString() => Text;

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Script();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
