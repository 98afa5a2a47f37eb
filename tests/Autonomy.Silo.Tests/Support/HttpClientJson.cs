using System.Text.Json;

namespace Autonomy.Silo.Tests.Support;

internal static class HttpClientJson
{
    /// <summary>GETs a JSON array of strings.</summary>
    public static async Task<IReadOnlyList<string>> GetFromJsonArrayAsync(this HttpClient http, string path)
    {
        await using var stream = await http.GetStreamAsync(new Uri(path, UriKind.Relative));
        return await JsonSerializer.DeserializeAsync<List<string>>(stream) ?? [];
    }
}
