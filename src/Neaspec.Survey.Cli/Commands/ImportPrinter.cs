using System.CommandLine;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Spectre.Console;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>How every import command runs an import and shows its outcome: a progress bar on a terminal,
/// the message, the first row errors, the error report, the ways out named by this program's options, a
/// hint when the file looks like another kind, and the exit code (0 loaded or already loaded, 1 rejected,
/// being loaded by another process or still being written, 2 failed).</summary>
internal static class ImportPrinter
{
    private const int ErrorsShown = 20;

    /// <summary>Imports <paramref name="path"/> with <paramref name="importer"/> through the claimed import.</summary>
    public static async Task<ImportOutcome> RunAsync(SurveyDatabase database, IFileImporter importer, string path, string? reportDirectory,
        CancellationToken ct)
    {
        var request = new ImportRequest(path) { ImportedBy = Environment.UserName, ReportDirectory = reportDirectory };
        // Import:Limits are checked here, before anything is read: a bad setting is one line and exit 2.
        var import = new ClaimedImport(database, ImportLimits.Load(Cli.Settings()));
        if (Console.IsErrorRedirected || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await import.RunAsync(importer, request, ct);
        }
        return await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Cli.Escape(Path.GetFileName(path)), maxValue: Math.Max(1, new FileInfo(path).Length));
                var started = DateTime.UtcNow;
                var progress = new Progress<ImportProgress>(p =>
                {
                    var seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
                    task.Description = $"{Cli.Escape(Path.GetFileName(path))}: {p.Stage} {p.Rows:N0} rows, {p.Rows / seconds:N0} rows/s";
                    task.Value = p.Bytes;
                });
                var outcome = await import.RunAsync(importer, request with { Progress = progress }, ct);
                task.Value = task.MaxValue;
                return outcome;
            });
    }

    /// <summary>Prints the outcome; returns the exit code. <paramref name="expected"/> is the kind the command
    /// imports: a rejected file of another kind gets a hint naming the right command.</summary>
    public static int Print(ImportOutcome outcome, FileKind expected, string path)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome.Status)
        {
            case ImportStatus.Unchanged:
                Console.WriteLine(outcome.Message);
                return 0;
            case ImportStatus.Running or ImportStatus.Changing:
                Cli.Error(outcome.Message);
                return 1;
            case ImportStatus.Failed:
                Cli.Error($"{outcome.Message} (import {outcome.ImportId})");
                return 2;
            case ImportStatus.Rejected:
                Cli.Error(outcome.Message + WaysOut(outcome.Remedies));
                PrintErrors(outcome);
                if (Hint(path, expected) is { } hint)
                {
                    Console.Error.WriteLine(hint);
                }
                return 1;
            default:
                Console.WriteLine(outcome.Message);
                PrintErrors(outcome);
                PrintTimings(outcome);
                return 0;
        }
    }

    /// <summary>With NEASPEC_TIMINGS=1, the wall time of each stage of the load (for the benchmarks).</summary>
    private static void PrintTimings(ImportOutcome outcome)
    {
        if (Environment.GetEnvironmentVariable("NEASPEC_TIMINGS") != "1")
        {
            return;
        }
        foreach (var (stage, took) in outcome.Timings)
        {
            Console.Error.WriteLine($"{took.TotalSeconds,7:0.00} s  {stage}");
        }
    }

    /// <summary>The ways out of a rejection, in this program's options.</summary>
    private static string WaysOut(ImportRemedy remedies) =>
        (remedies.HasFlag(ImportRemedy.AcceptPartial) ? " Fix the file and import it again, or load the good rows with --accept-partial." : "") +
        (remedies.HasFlag(ImportRemedy.ReferenceData) ? " Give the deployments with --reference DEPLOYMENTS.csv." : "");

    private static void PrintErrors(ImportOutcome outcome)
    {
        foreach (var e in outcome.Errors.Take(ErrorsShown))
        {
            Console.Error.WriteLine($"{outcome.FileName}: {e}");
        }
        if (outcome.ErrorCount > ErrorsShown)
        {
            Console.Error.WriteLine($"{outcome.FileName}: ... {outcome.ErrorCount - ErrorsShown:N0} more errors (neaspec imports show {outcome.ImportId})");
        }
        if (outcome.ErrorReportPath is not null)
        {
            Console.Error.WriteLine($"error report: {outcome.ErrorReportPath}");
        }
    }

    /// <summary>What the file looks like when that is not what the command imports.</summary>
    private static string? Hint(string path, FileKind expected)
    {
        DetectedFile detected;
        try
        {
            detected = FileKindDetector.Detect(path);
        }
        catch (IOException)
        {
            return null;
        }
        var command = detected.Kind switch
        {
            FileKind.Counts => "neaspec counts import FILE",
            FileKind.Sites => "neaspec sites import FILE",
            FileKind.Tracks => "neaspec tracks import FILE",
            FileKind.Reference => "neaspec tracks import TRACKS --reference FILE",
            FileKind.Species => "neaspec species import FILE",
            _ => null,
        };
        return detected.Kind == expected || (command is null && detected.IsPlainText) ? null
            : command is null ? $"hint: {detected.Description}"
            : $"hint: by its header this is a {detected.Description} file: {command}";
    }

    /// <summary>The <c>--report-dir</c> option of the import commands.</summary>
    public static Option<DirectoryInfo?> ReportDirectoryOption() =>
        new("--report-dir") { Description = "Where the error report CSV goes (default: beside the file)" };
}
