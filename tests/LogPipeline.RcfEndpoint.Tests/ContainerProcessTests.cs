using System.Net;
using System.Text;

namespace LogPipeline.RcfEndpoint.Tests;

/// <summary>The built app started the way SageMaker starts a container: <c>serve</c>, Kestrel, real sockets.</summary>
public sealed class ContainerProcessTests(RcfEndpointProcess endpoint) : IClassFixture<RcfEndpointProcess>
{
    [Fact]
    public async Task TheAppStartedWithServeAnswersPingAndInvocationsOnKestrel()
    {
        using var http = new HttpClient { BaseAddress = endpoint.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        using var ping = await http.GetAsync("/ping");
        using var invocation = await http.PostAsync("/invocations", new StringContent("1,2,3,4,5\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Single(await invocation.ReadScoresAsync());
        Assert.Equal("AllTraffic", Assert.Single(invocation.Headers.GetValues("x-Amzn-Invoked-Production-Variant")));
    }
}
