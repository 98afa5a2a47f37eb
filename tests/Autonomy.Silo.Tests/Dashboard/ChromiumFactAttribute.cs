namespace Autonomy.Silo.Tests.Dashboard;

/// <summary>
/// A fact that needs a headless-capable Chromium (<see cref="HeadlessChromium.Locate"/>). Without one the test is
/// skipped on a developer machine; under CI (<c>CI=true</c>) it runs and fails, because a missing browser there is
/// a broken pipeline, not an optional extra (<c>.ci/chromium.sh</c> installs one).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Locate() is null && !HeadlessChromium.IsCi)
        {
            Skip = $"no Chromium: {HeadlessChromium.BinaryVariable} is not set and none is on PATH; run the tests through .ci/test.sh (it sources .ci/chromium.sh) to include them.";
        }
    }
}
