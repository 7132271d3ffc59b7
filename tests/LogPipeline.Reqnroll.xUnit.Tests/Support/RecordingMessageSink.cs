using System.Collections.Concurrent;
using Xunit.Sdk;

namespace LogPipeline.Reqnroll.xUnit.Tests.Support;

/// <summary>Keeps the messages of an in-process xUnit run.</summary>
internal sealed class RecordingMessageSink : LongLivedMarshalByRefObject, IMessageSink
{
    public ConcurrentQueue<IMessageSinkMessage> Messages { get; } = new();

    public bool OnMessage(IMessageSinkMessage message)
    {
        Messages.Enqueue(message);
        return true;
    }

    public IReadOnlyList<T> OfType<T>() => [.. Messages.OfType<T>()];
}
