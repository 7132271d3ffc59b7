using System.Net;
using System.Text.Json;
using LogPipeline.Specs.Support;
using Reqnroll;

namespace LogPipeline.Specs.Steps;

/// <summary>The Query API's answers to bad input and to missing keys.</summary>
[Binding]
public sealed class QueryApiSteps(PipelineApp pipeline, ITestOutputHelper output)
{
    HttpStatusCode _status;
    string? _contentType;
    string _body = "";

    [When("I call the Query API at {string}")]
    [When("I call the Query API at {string} with the run's API key")]
    public Task WhenICallTheQueryApi(string request) => CallAsync(request, withKey: true);

    [When("I call the Query API at {string} without an API key")]
    public Task WhenICallTheQueryApiWithoutAKey(string request) => CallAsync(request, withKey: false);

    [Then("the answer is {int}")]
    public void ThenTheAnswerIs(int status) => Assert.Equal((HttpStatusCode)status, _status);

    [Then(@"the answer is {int} application\/problem+json")]
    public void ThenTheAnswerIsAProblem(int status) => Problem(status);

    [Then(@"the answer is {int} application\/problem+json with an error for {string}")]
    public void ThenTheAnswerIsAProblemNaming(int status, string parameter)
    {
        var errors = Problem(status).GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out var messages), $"the problem names no error for {parameter}: {_body}");
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrEmpty(m.GetString()));
    }

    JsonElement Problem(int status)
    {
        Assert.Equal((HttpStatusCode)status, _status);
        Assert.Equal("application/problem+json", _contentType);
        var problem = JsonDocument.Parse(_body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    async Task CallAsync(string request, bool withKey)
    {
        using var client = pipeline.QueryHttpClient(withKey);
        using var response = await client.GetAsync(request);
        _status = response.StatusCode;
        _contentType = response.Content.Headers.ContentType?.MediaType;
        _body = await response.Content.ReadAsStringAsync();
        output.WriteLine($"GET {request}{(withKey ? "" : " (no key)")} -> {(int)_status} {_contentType}: {(_body.Length > 300 ? _body[..300] + "…" : _body)}");
    }
}
