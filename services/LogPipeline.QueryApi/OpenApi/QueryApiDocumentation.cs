using System.Text.Json.Nodes;
using LogPipeline.QueryApi.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LogPipeline.QueryApi.OpenApi;

/// <summary>Adds descriptions, examples and the API-key scheme to the generated OpenAPI document.</summary>
static class QueryApiDocumentation
{
    const string SchemeName = "ApiKey";

    public static OpenApiOptions AddQueryApiDocumentation(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "LogPipeline Query API";
            document.Info.Description =
                "Reads the logs the pipeline stored in DynamoDB. Times are accepted as epoch milliseconds or ISO-8601 and returned as both. " +
                "Pages are newest first (logs) or highest score first (anomalies); follow next_cursor until it is null. " +
                "Errors are RFC 7807 problem details; a 400 names the offending parameter under errors.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyEndpointFilter.HeaderName,
                Description = "Required in every environment but Development (and there once Pipeline:QueryApi:ApiKeys is set).",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, _, _) =>
        {
            DescribeParameters(operation);
            if (operation.OperationId is { } id && ResponseExamples.TryGetValue(id, out var example)
                && operation.Responses?.TryGetValue("200", out var ok) == true
                && ok.Content?.TryGetValue("application/json", out var json) == true)
            {
                json.Example = JsonNode.Parse(example);
            }

            return Task.CompletedTask;
        });
        return options;
    }

    static void DescribeParameters(OpenApiOperation operation)
    {
        if (operation.Parameters is null)
        {
            return;
        }

        foreach (var candidate in operation.Parameters)
        {
            if (candidate is OpenApiParameter parameter && parameter.Name is { } name && Parameters.TryGetValue(name, out var info))
            {
                parameter.Description = info.Description;
                parameter.Example = JsonValue.Create(info.Example);
            }
        }
    }

    static readonly Dictionary<string, (string Description, string Example)> Parameters = new(StringComparer.Ordinal)
    {
        ["logId"] = ("The log_identifier of the log.", "9f1c2d3e-0000-4000-8000-000000000001"),
        ["from"] = ("Start of the range, inclusive: epoch milliseconds or ISO-8601 (UTC unless an offset is given).", "2026-11-21T12:00:00Z"),
        ["to"] = ("End of the range, inclusive: epoch milliseconds or ISO-8601. Default: now.", "1763730000000"),
        ["level"] = ("DEBUG, INFO, WARN or ERROR.", "ERROR"),
        ["status"] = ("An HTTP status (503) or a class (5xx).", "5xx"),
        ["path"] = ("Exact request path.", "/api/orders"),
        ["limit"] = ("Items per page, 1 to Pipeline:QueryApi:MaxLimit (default 1000).", "50"),
        ["cursor"] = ("next_cursor of the previous page; it carries the query, so other parameters may be left out.", "eyJraW5kIjoibG9ncyJ9..."),
        ["minScore"] = ("Lowest anomaly score returned (default 0: everything in the anomaly index).", "3.0"),
        ["series"] = ("total, anomalies, response_time_sum, level:{LEVEL}, status:{N}xx, path:{path} or path_anomalies:{path}; paths are counted by route (/products/541 → /products/{id}).", "level:ERROR"),
        ["granularity"] = ("minute (default) or hour.", "minute"),
    };

    const string LogExample = """
        {"log_identifier":"9f1c2d3e-0000-4000-8000-000000000001","timestamp":1763726400123,"timestamp_iso":"2026-11-21T12:00:00.123Z",
         "log_level":"ERROR","ip_address":"10.0.3.7","user_id":"user-42","method":"POST","path":"/api/orders","status_code":503,
         "response_time":2.75,"message":"upstream timeout","bytes_sent":512,"service":"orders","injected_anomaly":"latency_spike",
         "anomaly_score":4.21,"is_anomaly":true,"threshold":3.0,"threshold_mode":"fixed","scored_at":1763726400200,
         "scored_at_iso":"2026-11-21T12:00:00.200Z","model":"rcf-local",
         "explanation":"response time 2.8 s, 55x this route's usual (71 %); status 503 (server error, level ERROR) (24 %)","expires_at":1766318400,"expires_at_iso":"2026-12-21T12:00:00.000Z"}
        """;

    static readonly string PageExample =
        "{\"items\":[" + LogExample + "],\"count\":1,\"next_cursor\":\"eyJraW5kIjoibG9ncyJ9...\",\"from\":1763726400000," +
        "\"from_iso\":\"2026-11-21T12:00:00.000Z\",\"to\":1763730000000,\"to_iso\":\"2026-11-21T13:00:00.000Z\"}";

    static readonly Dictionary<string, string> ResponseExamples = new(StringComparer.Ordinal)
    {
        ["GetLog"] = LogExample,
        ["GetLogs"] = PageExample,
        ["GetAnomalies"] = PageExample,
        ["GetSeries"] = """
            {"series":"level:ERROR","granularity":"minute","from":1763726400000,"from_iso":"2026-11-21T12:00:00.000Z",
             "to":1763726519999,"to_iso":"2026-11-21T12:01:59.999Z","total":9,
             "points":[{"bucket":1763726400000,"bucket_iso":"2026-11-21T12:00:00.000Z","value":4},
                       {"bucket":1763726460000,"bucket_iso":"2026-11-21T12:01:00.000Z","value":5}]}
            """,
        ["GetSummary"] = """
            {"from":1763726400000,"from_iso":"2026-11-21T12:00:00.000Z","to":1763730000000,"to_iso":"2026-11-21T13:00:00.000Z",
             "total":120000,"anomalies":240,"anomaly_rate":0.002,"levels":{"DEBUG":1200,"INFO":100000,"WARN":15000,"ERROR":3800},
             "status_classes":{"1xx":0,"2xx":104000,"3xx":6000,"4xx":6200,"5xx":3800},
             "top_paths":[{"path":"/api/orders","anomalies":130,"requests":30000}],
             "response_time":{"mean":0.084,"p50":0.045,"p95":0.32}}
            """,
    };
}
