using System.Text.Json;

namespace LogPipeline.RandomCutForest.State;

/// <summary>Reads and writes <see cref="RandomCutForestState"/> as UTF-8 JSON.</summary>
public static class RandomCutForestStateSerializer
{
    public static void Write(Stream stream, RandomCutForestState state)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(state);
        JsonSerializer.Serialize(stream, state, StateJsonContext.Default.RandomCutForestState);
    }

    public static RandomCutForestState Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return JsonSerializer.Deserialize(stream, StateJsonContext.Default.RandomCutForestState)
            ?? throw new InvalidDataException("The stream holds a JSON null instead of a forest state.");
    }
}
