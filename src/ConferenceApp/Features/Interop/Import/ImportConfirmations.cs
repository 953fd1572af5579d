using ConferenceApp.Domain;
using Microsoft.Extensions.Caching.Memory;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>
/// Lets one import confirmation of this process run at a time and remembers the uploads that were
/// applied, for as long as an upload lives. A double-click on "Import these changes" sends two
/// confirmations of one upload: the second waits for the first and then gets the message that
/// the file was already imported.
/// </summary>
/// <remarks>
/// NOTE: both the gate and the memory are per process. With several app instances, a second
/// confirmation on another instance fails on the unique source keys instead, and the organizer
/// sees the new preview with a plain message, so nothing is written twice either way.
/// </remarks>
public sealed class ImportConfirmations(IMemoryCache cache) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits until no other confirmation runs. Dispose the result to let the next one in.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    public void MarkApplied(Guid token, DateTime appliedAtUtc) =>
        cache.Set(Key(token), appliedAtUtc, ImportUpload.Lifetime);

    /// <summary>Returns when the upload was applied, or null when this process has not applied it.</summary>
    public DateTime? AppliedAt(Guid token) =>
        cache.TryGetValue(Key(token), out DateTime appliedAtUtc) ? appliedAtUtc : null;

    public void Dispose() => _gate.Dispose();

    private static string Key(Guid token) => $"import-applied:{token:D}";

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
