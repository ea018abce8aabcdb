using System.Diagnostics;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>The one way a file is imported, whatever its kind and whoever asks (CLI, worker, portal):
/// open -> hash -> claim in the ledger -> load in one transaction on the claim's connection -> the ledger's
/// final word in that same transaction -> the error report. A file whose bytes were imported before, or
/// are being imported right now, is answered without loading.</summary>
public sealed class ClaimedImport(SurveyDatabase database)
{
    private readonly ImportLedger ledger = new(database);

    /// <summary>Imports <paramref name="request"/>'s file with <paramref name="importer"/>. Bad input is an
    /// outcome (rejected, with its errors); a database or disk fault during the load is an outcome too
    /// (failed, nothing stored, <see cref="ImportOutcome.Failure"/> set). Throws when the file is missing,
    /// the claim cannot be made (database unreachable), the import is cancelled, or on a bug — in the last
    /// two cases after the ledger says failed.</summary>
    public async Task<ImportOutcome> RunAsync(IFileImporter importer, ImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var file = await OpenAsync(request, cancellationToken);
        var claim = await ledger.ClaimAsync(file.Sha256, importer.Kind, file.Name, request.ImportedBy, cancellationToken);
        var outcome = claim switch
        {
            LedgerClaim.Claimed claimed => await LoadAsync(importer, file, claimed, request, cancellationToken),
            LedgerClaim.AlreadyImported done => new ImportOutcome
            {
                Status = ImportStatus.Unchanged, ImportId = done.ImportId,
                Message = $"{file.Name}: already imported (import #{done.ImportId}, {done.FinishedAt:yyyy-MM-dd HH:mm} UTC, same SHA-256); nothing to do",
            },
            LedgerClaim.InProgress running => new ImportOutcome
            {
                Status = ImportStatus.Running, ImportId = running.ImportId,
                Message = $"{file.Name}: being imported right now by another process (import #{running.ImportId}); nothing to do",
            },
            _ => throw new UnreachableException(),
        };
        return outcome with { FileName = file.Name, Elapsed = clock.Elapsed };
    }

    /// <summary>The bytes this import reads, with their fingerprint. Every step that must come before the
    /// hash (reading from a snapshot of the file, limits on its size) belongs here, once for every kind.</summary>
    private static async Task<ImportFile> OpenAsync(ImportRequest request, CancellationToken ct)
    {
        var info = new FileInfo(request.Path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"{request.Path}: no such file", request.Path);
        }
        var sha = await FileFingerprint.Sha256Async(info.FullName, ct);
        return new ImportFile(info.FullName, request.Name ?? info.Name, sha, info.Length);
    }

    private async Task<ImportOutcome> LoadAsync(IFileImporter importer, ImportFile file, LedgerClaim.Claimed claim,
        ImportRequest request, CancellationToken ct)
    {
        await using var conn = claim.Connection;
        try
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            var loaded = await importer.LoadAsync(new ClaimedFile(file, claim.ImportId, conn, request.Progress), ct);
            var outcome = WithErrorReport(loaded, file, request) with { ImportId = claim.ImportId };
            if (outcome.Loaded)
            {
                // The rows and the ledger's word about them commit together, or not at all.
                await ImportLedger.FinishInTransactionAsync(conn, claim.ImportId, outcome, ct);
                await tx.CommitAsync(ct);
            }
            else
            {
                await tx.RollbackAsync(ct);
                await ImportLedger.FinishAsync(conn, claim.ImportId, outcome, CancellationToken.None);
            }
            return outcome;
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException)
        {
            // Nothing of the file is stored: the transaction never committed. The claim's connection may be
            // what broke, so a fresh one says so.
            var failed = new ImportOutcome
            {
                Status = ImportStatus.Failed, ImportId = claim.ImportId, Failure = ex,
                Message = $"{file.Name}: load failed, nothing stored, a rerun may succeed: {Describe(ex)}",
            };
            await ledger.TryFinishAsync(claim.ImportId, failed);
            return failed;
        }
        catch (Exception ex)
        {
            // Cancelled, or a bug: the ledger says failed, the caller hears why.
            await ledger.TryFinishAsync(claim.ImportId, new ImportOutcome
            {
                Status = ImportStatus.Failed,
                Message = ex is OperationCanceledException ? $"{file.Name}: cancelled, nothing stored" : $"{file.Name}: failed, nothing stored: {ex.Message}",
            });
            throw;
        }
    }

    /// <summary>The error report of a rejected or partial load: the same file for every caller, beside the
    /// input unless the request names a folder.</summary>
    private static ImportOutcome WithErrorReport(ImportOutcome outcome, ImportFile file, ImportRequest request)
    {
        if (outcome.Errors.Count == 0 || outcome.Status is not (ImportStatus.Rejected or ImportStatus.Partial))
        {
            return outcome;
        }
        var folder = request.ReportDirectory ?? Path.GetDirectoryName(Path.GetFullPath(request.Path)) ?? ".";
        return outcome with { ErrorReportPath = ErrorReport.Write(file.Name, outcome.Errors, folder) };
    }

    private static string Describe(Exception ex) => ex switch
    {
        PostgresException pg => $"database error {pg.SqlState}: {pg.MessageText}",
        _ => ex.InnerException is null ? ex.Message : $"{ex.Message} ({ex.InnerException.Message})",
    };
}
