using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Neaspec.Survey.Cli.Commands;

internal static class ImportsCommand
{
    public static Command Create() => new("imports", "The import ledger") { List(), Show() };

    private static Command List()
    {
        var since = new Option<DateTime?>("--since") { Description = "Only imports started on or after this date (UTC)" };
        var limit = new Option<int>("--limit") { Description = "Most recent N imports", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "The import ledger, newest first") { since, limit };
        list.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            await using var db = database.CreateContext();
            var query = db.Imports.AsNoTracking();
            if (parseResult.GetValue(since) is { } from)
            {
                var utc = DateTime.SpecifyKind(from, DateTimeKind.Utc);
                query = query.Where(i => i.StartedAt >= utc);
            }
            var rows = await query.OrderByDescending(i => i.Id).Take(parseResult.GetValue(limit)).ToListAsync(ct);
            var table = new Table().AddColumns("id", "kind", "file", "status", "started (UTC)", "read", "accepted", "rejected", "duplicates", "flagged", "run");
            foreach (var r in rows)
            {
                table.AddRow(r.Id.ToString(Inv), r.Kind, Cli.Escape(r.OriginalName), r.Status, r.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", Inv),
                    N(r.RowsRead), N(r.RowsAccepted), N(r.RowsRejected), N(r.Duplicates), N(r.Flagged), r.RunId?.ToString(Inv) ?? "");
            }
            AnsiConsole.Write(table);

            // The worker's nightly runs in the same range: one summary line each.
            var runs = db.ImportRuns.AsNoTracking();
            if (parseResult.GetValue(since) is { } runsFrom)
            {
                var utc = DateTime.SpecifyKind(runsFrom, DateTimeKind.Utc);
                runs = runs.Where(r => r.StartedAt >= utc);
            }
            var runRows = await runs.OrderByDescending(r => r.Id).Take(parseResult.GetValue(limit)).ToListAsync(ct);
            if (runRows.Count > 0)
            {
                var runTable = new Table().Title("worker runs")
                    .AddColumns("run", "host", "status", "started (UTC)", "duration (s)", "files", "loaded", "rejected", "left", "rows", "rejects", "message");
                foreach (var r in runRows)
                {
                    runTable.AddRow(r.Id.ToString(Inv), Cli.Escape(r.Host), r.Status, r.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", Inv),
                        r.DurationSeconds.ToString("0.0", Inv), N(r.Files), N(r.FilesLoaded), N(r.FilesRejected), N(r.FilesLeft),
                        N(r.Rows), N(r.Rejects), Cli.Escape(r.Message));
                }
                AnsiConsole.Write(runTable);
            }
            return 0;
        }));
        return list;
    }

    private static Command Show()
    {
        var id = new Argument<long>("ID") { Description = "Import id (see imports list)" };
        var show = new Command("show", "One import: counts, message and its row errors") { id };
        show.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            await using var db = database.CreateContext();
            var importId = parseResult.GetValue(id);
            var r = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId, ct);
            if (r is null)
            {
                Cli.Error($"no import with id {importId}");
                return 1;
            }
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string k, string? v) => grid.AddRow(k, Cli.Escape(v));
            Row("id", r.Id.ToString(Inv));
            Row("file", r.OriginalName);
            Row("kind", r.Kind);
            Row("sha256", r.Sha256);
            Row("status", r.Status);
            Row("by", r.ImportedBy);
            Row("started (UTC)", r.StartedAt.ToString("u", Inv));
            Row("finished (UTC)", r.FinishedAt?.ToString("u", Inv));
            Row("rows read", N(r.RowsRead));
            Row("accepted", N(r.RowsAccepted));
            Row("rejected", N(r.RowsRejected));
            Row("duplicates", N(r.Duplicates));
            Row("flagged", N(r.Flagged));
            Row("message", r.Message);
            Row("error report", r.ErrorReportPath);
            AnsiConsole.Write(grid);
            var errors = await db.ImportErrors.AsNoTracking().Where(e => e.ImportId == importId)
                .OrderBy(e => e.Line).Take(200).ToListAsync(ct);
            if (errors.Count > 0)
            {
                var table = new Table().AddColumns("line", "column", "value", "reason");
                foreach (var e in errors)
                {
                    table.AddRow(e.Line.ToString(Inv), Cli.Escape(e.Column), Cli.Escape(e.Value), Cli.Escape(e.Reason));
                }
                AnsiConsole.Write(table);
            }
            return 0;
        }));
        return show;
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static string N(long value) => value.ToString("N0", Inv);
}
