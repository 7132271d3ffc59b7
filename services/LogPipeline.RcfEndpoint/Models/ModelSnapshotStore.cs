using System.Buffers;
using System.Text.Json;
using LogPipeline.RandomCutForest.State;
using Microsoft.Extensions.Options;
using Forest = LogPipeline.RandomCutForest.RandomCutForest;

namespace LogPipeline.RcfEndpoint.Models;

/// <summary>
/// Keeps one file per model in <see cref="RcfOptions.StateDirectory"/>: a JSON header line (name, settings, time)
/// followed by the forest's JSON state. Files are replaced atomically (write a temporary file, then rename over the
/// old one), so a crash leaves either the previous snapshot or the new one, never half of one.
/// </summary>
public sealed class ModelSnapshotStore(IOptions<RcfOptions> options, TimeProvider timeProvider, ILogger<ModelSnapshotStore> logger)
{
    private const string Extension = ".rcf";
    private const string TemporaryExtension = ".tmp";
    private const int MaxHeaderBytes = 64 * 1024;

    // One writer at a time, so a delete can never be overtaken by a late write of the same model.
    private readonly SemaphoreSlim _fileGate = new(1, 1);

    public bool IsEnabled => options.Value.PersistsState;

    private string Directory => options.Value.StateDirectory!;

    /// <summary>Reads every snapshot in the state directory; unreadable files are logged and skipped.</summary>
    public IReadOnlyList<RestoredModel> LoadAll()
    {
        if (!IsEnabled || !System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        foreach (var leftover in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension + ".*" + TemporaryExtension))
        {
            // An interrupted write: the previous snapshot (if any) is still whole.
            File.Delete(leftover);
        }

        var restored = new List<RestoredModel>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension))
        {
            try
            {
                restored.Add(Read(path));
            }
            catch (Exception e) when (e is IOException or JsonException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
            {
                RcfEndpointLog.SnapshotUnreadable(logger, path, e);
            }
        }

        return restored;
    }

    /// <summary>Writes the model if it changed since its last snapshot. True when a file was written.</summary>
    public async Task<bool> SaveAsync(HostedModel model, CancellationToken cancellationToken)
    {
        if (!IsEnabled || await model.CaptureIfChangedAsync(cancellationToken) is not { } capture)
        {
            return false;
        }

        await _fileGate.WaitAsync(cancellationToken);
        try
        {
            // Retired models must not come back; a capture another writer already saved needs no second file.
            if (model.IsRetired || capture.Version <= model.SavedVersion)
            {
                return false;
            }

            var savedAt = timeProvider.GetUtcNow();
            var header = new ModelSnapshotHeader(ModelSnapshotHeader.CurrentFormat, ModelSnapshotHeader.CurrentFormatVersion, model.Name, capture.Settings, savedAt);
            var path = PathFor(model.Name);
            var temporary = $"{path}.{Guid.NewGuid():N}{TemporaryExtension}";
            System.IO.Directory.CreateDirectory(Directory);
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
                {
                    JsonSerializer.Serialize(stream, header, ModelsJsonContext.Default.ModelSnapshotHeader);
                    stream.WriteByte((byte)'\n');
                    RandomCutForestStateSerializer.Write(stream, capture.State);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, path, overwrite: true);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }

            model.MarkSaved(capture.Version, savedAt);
            RcfEndpointLog.SnapshotWritten(logger, model.Name, path);
            return true;
        }
        finally
        {
            _fileGate.Release();
        }
    }

    /// <summary>Removes a model's snapshot so it does not come back at the next start.</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return;
        }

        await _fileGate.WaitAsync(cancellationToken);
        try
        {
            File.Delete(PathFor(name));
        }
        finally
        {
            _fileGate.Release();
        }
    }

    // Names are case-insensitive, like SageMaker's, and safe as file names (see ModelName).
    private string PathFor(string name) => Path.Combine(Directory, name.ToLowerInvariant() + Extension);

    private static RestoredModel Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        var header = ReadHeader(stream);
        if (header.Format != ModelSnapshotHeader.CurrentFormat || header.FormatVersion != ModelSnapshotHeader.CurrentFormatVersion)
        {
            throw new InvalidDataException($"Unknown snapshot format {header.Format} v{header.FormatVersion}.");
        }

        if (!ModelName.IsValid(header.Name))
        {
            throw new InvalidDataException($"The snapshot names an invalid model '{header.Name}'. {ModelName.Rule}");
        }

        if (header.Settings.Validate() is { } problem)
        {
            throw new InvalidDataException($"The snapshot holds invalid settings: {problem}");
        }

        var forest = Forest.Load(stream);
        var shape = forest.Options;
        if (shape.Dimensions != header.Settings.FeatureDim || shape.ShingleSize != header.Settings.ShingleSize
            || shape.NumberOfTrees != header.Settings.Trees || shape.SampleSize != header.Settings.SampleSize)
        {
            throw new InvalidDataException("The forest in the snapshot does not have the shape its header describes.");
        }

        return new RestoredModel(header.Name, header.Settings, forest, header.SavedAt);
    }

    private static ModelSnapshotHeader ReadHeader(Stream stream)
    {
        var line = new ArrayBufferWriter<byte>(1024);
        int next;
        while ((next = stream.ReadByte()) is not -1 and not '\n')
        {
            if (line.WrittenCount == MaxHeaderBytes)
            {
                throw new InvalidDataException("The snapshot header line is too long.");
            }

            line.GetSpan(1)[0] = (byte)next;
            line.Advance(1);
        }

        return JsonSerializer.Deserialize(line.WrittenSpan, ModelsJsonContext.Default.ModelSnapshotHeader)
            ?? throw new InvalidDataException("The snapshot header is null.");
    }
}
