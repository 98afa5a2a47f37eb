using System.Globalization;
using System.Text.RegularExpressions;
using Autonomy.Abstractions.Grains;
using Autonomy.Silo.Tests.Support;

namespace Autonomy.Silo.Tests.Dashboard;

/// <summary>
/// The Orleans Dashboard as a browser shows it: the real host, a headless Chromium, and the DOM after the
/// dashboard's scripts have fetched the cluster's statistics. The single-page app renders everything client-side,
/// so fetching the HTML alone (as <c>SiloHostTests</c> does) proves the page is served, not what it shows.
/// </summary>
public sealed partial class DashboardBrowserTests(SiloHostFixture fixture) : IClassFixture<SiloHostFixture>
{
    /// <summary>
    /// The dashboard's statistics are collected by a timer (about once a second) after the grains are activated,
    /// and every load is a fresh browser; on a loaded 2-core machine one load takes up to ~15 s.
    /// </summary>
    private static readonly TimeSpan RenderDeadline = TimeSpan.FromMinutes(2);

    [ChromiumFact]
    public async Task SilosPage_RunningHost_ShowsTheLiveSiloAndItsCount()
    {
        var hosts = await fixture.Host.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var silo = Assert.Single(hosts.Keys).ToParsableString();

        var page = await LoadUntilAsync("#/silos", p => p.Html.Contains($"href=\"#/host/{silo}\"", StringComparison.Ordinal));

        Assert.Equal(hosts.Count, ReadCount(ActiveSilos(), page));
        Assert.Contains($"{silo} Active", page.Text, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task GrainsPage_AfterExecutions_ShowsTheProjectGrainTypes()
    {
        var executor = fixture.Host.Grains.GetGrain<IToolExecutorGrain>(0);
        foreach (var tool in (string[])["slugify", "word_count"])
        {
            var reply = await executor.ExecuteAsync(tool, """{"text": "Hello, browser!"}""");
            Assert.Equal(ToolExecutionStatus.Executed, reply.Status);
        }

        const string ToolGrain = "Autonomy.Grains.Tools.ToolGrain";
        const string ToolExecutorGrain = "Autonomy.Grains.Execution.ToolExecutorGrain";
        var page = await LoadUntilAsync(
            "#/grains",
            p => p.Html.Contains($"href=\"#/grain/{ToolGrain}\"", StringComparison.Ordinal)
                && p.Html.Contains($"href=\"#/grain/{ToolExecutorGrain}\"", StringComparison.Ordinal));

        // The table lists each type by its short name, with the full name as the cell's title.
        Assert.Contains($"title=\"{ToolGrain}\"", page.Html, StringComparison.Ordinal);
        Assert.Contains($"title=\"{ToolExecutorGrain}\"", page.Html, StringComparison.Ordinal);
        Assert.Matches(@"\bToolGrain \d+ ", page.Text);
        Assert.Matches(@"\bToolExecutorGrain \d+ ", page.Text);
        Assert.True(ReadCount(TotalActivations(), page) >= 2, $"Total Activations should count the tool grains; the page shows: {page}");
    }

    /// <summary>Loads a dashboard route in a fresh browser until the rendered page satisfies <paramref name="ready"/>.</summary>
    private async Task<RenderedPage> LoadUntilAsync(string route, Func<RenderedPage, bool> ready)
    {
        var url = new Uri(fixture.Host.Http.BaseAddress!, route);
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var page = new RenderedPage(await HeadlessChromium.DumpDomAsync(url));
            if (ready(page))
            {
                return page;
            }

            if (TimeProvider.System.GetElapsedTime(started) > RenderDeadline)
            {
                Assert.Fail($"{url} did not show what the test waits for within {RenderDeadline.TotalSeconds} s; the page shows: {page}");
            }
        }
    }

    private static int ReadCount(Regex pattern, RenderedPage page)
    {
        var match = pattern.Match(page.Text);
        Assert.True(match.Success, $"'{pattern}' is not on the page; it shows: {page}");
        return int.Parse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\bActive Silos (\d+)\b")]
    private static partial Regex ActiveSilos();

    [GeneratedRegex(@"\bTotal Activations (\d+)\b")]
    private static partial Regex TotalActivations();
}
