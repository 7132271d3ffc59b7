using System.Text.Json.Nodes;

namespace LogPipeline.AppHost.Tests;

/// <summary>A raw log as a producer sends it to the generator's <c>/control/logs</c> (the source articles' field names).</summary>
public static class RawLog
{
    public static JsonObject Json(
        string id,
        long timestamp,
        string path = "/api/products",
        int status = 200,
        double seconds = 0.05,
        string level = "INFO",
        string ip = "10.2.0.9",
        string user = "e2e-user") => new()
        {
            ["log_identifier"] = id,
            ["timestamp"] = timestamp,
            ["log_level"] = level,
            ["ip_address"] = ip,
            ["user_id"] = user,
            ["method"] = "GET",
            ["path"] = path,
            ["status_code"] = status,
            ["response_time"] = seconds,
            ["message"] = $"GET {path} {status}",
        };
}
