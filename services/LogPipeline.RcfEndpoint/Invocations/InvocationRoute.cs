namespace LogPipeline.RcfEndpoint.Invocations;

/// <summary>Which contract a request came in by; they word errors differently.</summary>
public enum InvocationRoute
{
    /// <summary><c>POST /endpoints/{name}/invocations</c>: the SageMaker runtime API, errors as SageMaker's front end gives them.</summary>
    Runtime,

    /// <summary><c>POST /invocations</c>: the container contract, plain HTTP status codes (415, 406, ..).</summary>
    Container,
}
