using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace LogPipeline.Deploy.Tests.Infrastructure;

/// <summary>One synthesized CloudFormation template.</summary>
public sealed record SynthesizedStack(Template Template, JsonObject Json)
{
    public JsonObject Resources => Json["Resources"]!.AsObject();

    public IEnumerable<(string Id, JsonObject Properties, JsonObject Resource)> OfType(string type) =>
        Resources
            .Where(r => (string?)r.Value!["Type"] == type)
            .Select(r => (r.Key, r.Value!["Properties"]?.AsObject() ?? [], r.Value!.AsObject()));

    public JsonObject Resource(string id) => Resources[id]!.AsObject();

    /// <summary>The task definition whose app container runs <paramref name="image"/> (e.g. "logpipeline/scorer").</summary>
    public JsonObject TaskDefinition(string image) =>
        OfType("AWS::ECS::TaskDefinition")
            .Select(t => t.Properties)
            .Single(p => p["ContainerDefinitions"]!.AsArray().Any(c => (string?)c!["Name"] == "app" && Cfn.Render(c["Image"]).Contains("/" + image + ":", StringComparison.Ordinal)));

    public JsonObject Container(JsonObject taskDefinition, string name) =>
        taskDefinition["ContainerDefinitions"]!.AsArray().Single(c => (string?)c!["Name"] == name)!.AsObject();

    /// <summary>A container's environment with intrinsic functions rendered (see <see cref="Cfn.Render"/>).</summary>
    public static Dictionary<string, string> Environment(JsonObject container) =>
        container["Environment"]?.AsArray().ToDictionary(e => (string)e!["Name"]!, e => Cfn.Render(e!["Value"])) ?? [];

    /// <summary>Every statement of every inline policy attached to the role <paramref name="roleId"/>.</summary>
    public IReadOnlyList<PolicyStatementView> Statements(string roleId) =>
        OfType("AWS::IAM::Policy")
            .Where(p => p.Properties["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == roleId))
            .SelectMany(p => p.Properties["PolicyDocument"]!["Statement"]!.AsArray().Select(s => PolicyStatementView.From(s!.AsObject(), p.Id)))
            .ToList();

    public IReadOnlyList<PolicyStatementView> AllStatements() =>
        OfType("AWS::IAM::Policy")
            .SelectMany(p => p.Properties["PolicyDocument"]!["Statement"]!.AsArray().Select(s => PolicyStatementView.From(s!.AsObject(), p.Id)))
            .ToList();

    /// <summary>The logical id of the role an <c>{"Fn::GetAtt": [role, "Arn"]}</c> points to.</summary>
    public static string RoleId(JsonNode? arn) => (string)arn!["Fn::GetAtt"]![0]!;
}

/// <summary>An IAM statement with its actions and resources as strings.</summary>
public sealed record PolicyStatementView(string PolicyId, string? Sid, string Effect, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, JsonNode? Condition)
{
    public static PolicyStatementView From(JsonObject statement, string policyId) => new(
        policyId,
        (string?)statement["Sid"],
        (string)statement["Effect"]!,
        Strings(statement["Action"]),
        statement["Resource"] is JsonArray resources ? resources.Select(Cfn.Render).ToList() : [Cfn.Render(statement["Resource"])],
        statement["Condition"]);

    static List<string> Strings(JsonNode? node) => node is JsonArray array ? array.Select(a => (string)a!).ToList() : [(string)node!];
}
