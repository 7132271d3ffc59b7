using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LogPipeline.RcfEndpoint.Tests.Infrastructure;

public static class HttpClientExtensions
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static Task<HttpResponseMessage> InvokeAsync(this HttpClient client, string model, string contentType, string body, string? accept = null) =>
        client.PostRecordsAsync($"/endpoints/{model}/invocations", contentType, body, accept);

    public static async Task<HttpResponseMessage> PostRecordsAsync(this HttpClient client, string path, string? contentType, string body, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request).WaitAsync(DefaultTimeout);
    }

    /// <summary>Scores from <c>{"scores":[{"score":x},..]}</c>, checking the status first.</summary>
    public static async Task<double[]> ReadScoresAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("score").GetDouble()).ToArray();
    }

    public static async Task<double[]> ScoreJsonAsync(this HttpClient client, string model, float[] values, int dimensions)
    {
        using var response = await client.InvokeAsync(model, "application/json", Records.Json(values, dimensions));
        return await response.ReadScoresAsync();
    }

    /// <summary>The <c>{"message":..}</c> of an error answer.</summary>
    public static async Task<string> ReadErrorMessageAsync(this HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("message").GetString()!;
    }

    public static async Task<ModelView> GetModelAsync(this HttpClient client, string name)
    {
        using var response = await client.GetAsync($"/admin/models/{name}").WaitAsync(DefaultTimeout);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ModelView>())!;
    }

    public static async Task<HttpResponseMessage> PutModelAsync(this HttpClient client, string name, object settings) =>
        await client.PutAsJsonAsync($"/admin/models/{name}", settings).WaitAsync(DefaultTimeout);
}
