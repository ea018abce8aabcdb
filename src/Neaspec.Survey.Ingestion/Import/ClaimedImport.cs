using System.Diagnostics;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>The one way a file is imported, whatever its kind and whoever asks (CLI, worker, portal):
/// snapshot and hash -> claim in the ledger -> look at the encoding -> load in one transaction on the
/// claim's connection, within the <see cref="ImportLimits"/> -> the ledger's final word in that same
/// transaction -> the error report. A file whose bytes were imported before, or are being imported right
/// now, is answered without loading; a file that changes while it is read is not claimed.</summary>
public sealed class ClaimedImport(SurveyDatabase database, ImportLimits? limits = null, TimeProvider? time = null)
{
    private const int EncodingLookBytes = 4096;
    private readonly ImportLedger ledger = new(database);
    private readonly ImportLimits limits = limits ?? ImportLimits.Default;
    private readonly TimeProvider time = time ?? TimeProvider.System;

    /// <summary>Imports <paramref name="request"/>'s file with <paramref name="importer"/>. Bad input — rows,
    /// an encoding, a broken limit, a value the database refuses — is an outcome (rejected, with its errors);
    /// a database or disk fault during the load is an outcome too (failed, nothing stored,
    /// <see cref="ImportOutcome.Failure"/> set). Throws when the file is missing, the claim cannot be made
    /// (database unreachable), the import is cancelled, or on a bug — in the last two cases after the ledger
    /// says failed.</summary>
    public async Task<ImportOutcome> RunAsync(IFileImporter importer, ImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var name = request.Name ?? Path.GetFileName(request.Path);
        using var snapshot = await OpenAsync(request, cancellationToken);
        ImportOutcome outcome;
        if (snapshot is null)
        {
            outcome = new ImportOutcome
            {
                Status = ImportStatus.Changing,
                Message = $"{name}: still being written (its size or time stamp changed while it was read); not claimed, nothing stored: import it once it is complete",
            };
        }
        else if (!request.RecheckRejected && await ledger.FindRejectedAsync(snapshot.Sha256, cancellationToken) is { } before)
        {
            outcome = new ImportOutcome
            {
                Status = ImportStatus.Rejected, ImportId = before.ImportId,
                Message = $"{name}: rejected before (import #{before.ImportId}, {before.FinishedAt:yyyy-MM-dd HH:mm} UTC, same SHA-256), not validated again: {before.Message}",
            };
        }
        else
        {
            var file = new ImportFile(snapshot.Path, name, snapshot.Sha256, snapshot.Length);
            outcome = await ClaimAndLoadAsync(importer, file, request, cancellationToken);
        }
        return outcome with { FileName = name, Elapsed = clock.Elapsed };
    }

    /// <summary>The bytes this import reads: a private snapshot of the file, hashed as it is copied (null when
    /// the file changed meanwhile). Every step that must come before the hash belongs here, once for every kind.</summary>
    private static async Task<ImportSnapshot?> OpenAsync(ImportRequest request, CancellationToken ct)
    {
        var info = new FileInfo(request.Path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"{request.Path}: no such file", request.Path);
        }
        return await ImportSnapshot.TakeAsync(info.FullName, request.StagingDirectory, request.Progress, ct);
    }

    private async Task<ImportOutcome> ClaimAndLoadAsync(IFileImporter importer, ImportFile file, ImportRequest request, CancellationToken ct)
    {
        for (var wait = 0; ; wait++)
        {
            var claim = await ledger.ClaimAsync(file.Sha256, importer.Kind, file.Name, request.ImportedBy, ct);
            switch (claim)
            {
                case LedgerClaim.Claimed claimed:
                    return await LoadAsync(importer, file, claimed, request, ct);
                case LedgerClaim.AlreadyImported done:
                    return new ImportOutcome
                    {
                        Status = ImportStatus.Unchanged, ImportId = done.ImportId,
                        Message = $"{file.Name}: already imported (import #{done.ImportId}, {done.FinishedAt:yyyy-MM-dd HH:mm} UTC, same SHA-256); nothing to do",
                    };
                case LedgerClaim.InProgress running when request.WaitForRunning && wait < 100:
                    // Its loader's session holds the claim's lock until it has finished: then claim again.
                    await ledger.WaitForAsync(running.ImportId, ct);
                    break;
                case LedgerClaim.InProgress running:
                    return new ImportOutcome
                    {
                        Status = ImportStatus.Running, ImportId = running.ImportId,
                        Message = $"{file.Name}: being imported right now by another process (import #{running.ImportId}); nothing to do",
                    };
                default:
                    throw new UnreachableException();
            }
        }
    }

    private async Task<ImportOutcome> LoadAsync(IFileImporter importer, ImportFile file, LedgerClaim.Claimed claim,
        ImportRequest request, CancellationToken ct)
    {
        await using var conn = claim.Connection;
        try
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            var claimed = new ClaimedFile(file, claim.ImportId, conn, request.Progress) { Limits = limits, Dates = limits.Dates(time) };
            var loaded = await LoadWithinLimitsAsync(importer, claimed, ct);
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

    /// <summary>The importer's load, or the refusal of the whole file: text that is not UTF-8, a broken
    /// limit, or a value the database refuses as data (a bad file, which no rerun mends).</summary>
    private static async Task<ImportOutcome> LoadWithinLimitsAsync(IFileImporter importer, ClaimedFile claimed, CancellationToken ct)
    {
        var name = claimed.File.Name;
        try
        {
            if (EncodingOf(claimed) is { } encoding)
            {
                return Refused(name, new RowError(1, null, encoding, TextEncoding.Refusal(encoding)));
            }
            return await importer.LoadAsync(claimed, ct);
        }
        catch (InputLimitException ex)
        {
            return Refused(name, ex.ToRowError());
        }
        catch (PostgresException ex) when (IsBadData(ex))
        {
            return Refused(name, new RowError(0, null, null,
                $"the database refused a value of the file as data (SQLSTATE {ex.SqlState}: {ex.MessageText}); the line is not known, " +
                "look for an over-long or malformed value"));
        }
    }

    /// <summary>UTF-16 or UTF-32, by the first bytes of the text (decompressed); a damaged gzip stream is
    /// left for the importer to name.</summary>
    private static string? EncodingOf(ClaimedFile claimed)
    {
        try
        {
            return TextEncoding.NonUtf8(LimitedInput.Head(claimed.File.Path, claimed.Limits, EncodingLookBytes));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>SQLSTATE class 22 (data exception: bad encoding, a value out of range, a string too long) and
    /// 54 (program limit exceeded: an index row or a value too large) are the file's fault.</summary>
    public static bool IsBadData(PostgresException exception) =>
        exception is not null && (exception.SqlState.StartsWith("22", StringComparison.Ordinal) || exception.SqlState.StartsWith("54", StringComparison.Ordinal));

    private static ImportOutcome Refused(string name, RowError error) => new()
    {
        Status = ImportStatus.Rejected, Message = $"{name}: rejected, nothing stored: {error}", Errors = [error], ErrorCount = 1,
    };

    /// <summary>The error report of a rejected or partial load: the same file for every caller, beside the
    /// input unless the request names a folder. A report that cannot be written (a full disk) costs the
    /// report, not the outcome: the ledger holds the errors.</summary>
    private static ImportOutcome WithErrorReport(ImportOutcome outcome, ImportFile file, ImportRequest request)
    {
        if (outcome.Errors.Count == 0 || outcome.Status is not (ImportStatus.Rejected or ImportStatus.Partial))
        {
            return outcome;
        }
        var folder = request.ReportDirectory ?? Path.GetDirectoryName(Path.GetFullPath(request.Path)) ?? ".";
        try
        {
            return outcome with { ErrorReportPath = ErrorReport.Write(file.Name, outcome.Errors, folder) };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return outcome with { Message = $"{outcome.Message} (error report not written to {folder}: {ex.Message}; the ledger keeps the errors)" };
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        PostgresException pg => $"database error {pg.SqlState}: {pg.MessageText}",
        _ => ex.InnerException is null ? ex.Message : $"{ex.Message} ({ex.InnerException.Message})",
    };
}
