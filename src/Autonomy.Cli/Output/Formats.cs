using System.Globalization;

namespace Autonomy.Cli.Output;

/// <summary>How human output writes versions, times, rates and durations.</summary>
internal static class Formats
{
    public static string Version(int? version) => version is { } v ? "v" + v.ToString(CultureInfo.InvariantCulture) : "-";

    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    public static string Rate(double? rate) => rate is { } r ? (r * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "-";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Hash(string? hash) => hash is null ? "-" : hash.Length > 12 ? hash[..12] : hash;

    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string Period(TimeSpan period) => period switch
    {
        { TotalDays: >= 1 } when period.Ticks % TimeSpan.TicksPerDay == 0 => $"{period.TotalDays.ToString(CultureInfo.InvariantCulture)}d",
        { TotalHours: >= 1 } when period.Ticks % TimeSpan.TicksPerHour == 0 => $"{period.TotalHours.ToString(CultureInfo.InvariantCulture)}h",
        { TotalMinutes: >= 1 } when period.Ticks % TimeSpan.TicksPerMinute == 0 => $"{period.TotalMinutes.ToString(CultureInfo.InvariantCulture)}m",
        _ => period.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s",
    };

    public static string Milliseconds(TimeSpan duration) => duration.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms";
}
