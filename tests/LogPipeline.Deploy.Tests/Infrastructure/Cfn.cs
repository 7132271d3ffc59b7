using System.Text.Json.Nodes;

namespace LogPipeline.Deploy.Tests.Infrastructure;

/// <summary>Renders CloudFormation values as readable strings, keeping what the intrinsic functions refer to.</summary>
public static class Cfn
{
    /// <summary>
    /// Strings as they are; <c>{"Ref": "X"}</c> as <c>{X}</c>; <c>Fn::GetAtt</c> as <c>{X.Attr}</c>; <c>Fn::Join</c> joined;
    /// <c>Fn::Select</c> of <c>Fn::Split</c> as <c>{split(d,x)[i]}</c>; <c>Fn::FindInMap</c> as <c>{map(M,key,name)}</c>.
    /// </summary>
    public static string Render(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value => value.ToString(),
        JsonObject o when o["Ref"] is { } reference => "{" + reference + "}",
        JsonObject o when o["Fn::GetAtt"] is JsonArray attribute => "{" + attribute[0] + "." + attribute[1] + "}",
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join((string)join[0]!, join[1]!.AsArray().Select(Render)),
        JsonObject o when o["Fn::Select"] is JsonArray select && select[1]!["Fn::Split"] is JsonArray split =>
            "{split(" + split[0] + "," + Render(split[1]) + ")[" + select[0] + "]}",
        JsonObject o when o["Fn::FindInMap"] is JsonArray map => "{map(" + string.Join(",", map.Select(Render)) + ")}",
        JsonObject o when o["Fn::ImportValue"] is { } import => "{import(" + Render(import) + ")}",
        _ => node.ToJsonString(),
    };

    /// <summary>A rendered value with the stack's pseudo parameters replaced by a concrete region and account.</summary>
    public static string Resolve(string rendered, string region, string account = "111122223333") =>
        rendered.Replace("{AWS::Region}", region, StringComparison.Ordinal)
            .Replace("{AWS::AccountId}", account, StringComparison.Ordinal)
            .Replace("{AWS::URLSuffix}", "amazonaws.com", StringComparison.Ordinal)
            .Replace("{AWS::Partition}", "aws", StringComparison.Ordinal);
}
