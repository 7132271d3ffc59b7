namespace LogPipeline.RcfEndpoint.Invocations;

public enum InvocationErrorKind
{
    InvalidInput,
    EmptyBody,
    PayloadTooLarge,
    UnsupportedContentType,
    UnsupportedAccept,
    EndpointNotFound,
    NoModel,
}
