using System.CommandLine;
using System.Globalization;
using Neaspec.Survey.Files;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Storage.Model;
using Npgsql;
using Spectre.Console;

namespace Neaspec.Survey.Cli.Commands;

internal static class TracksCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create() =>
        new("tracks", "GPS telemetry: Movebank imports, summaries and a test-data generator") { Import(), Summary(), Generate() };

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Movebank CSV export (.csv or .csv.gz)" };
        var reference = new Option<FileInfo?>("--reference") { Description = "Movebank reference data (deployments) linking tags to animals" };
        var speed = new Option<double>("--speed-limit")
        {
            Description = "Speed filter: flag a fix reached and left faster than this (km/h)",
            DefaultValueFactory = _ => TrackImportOptions.DefaultSpeedLimitKmh,
        };
        var study = new Option<string?>("--study") { Description = "Study of rows without study-name (default: the file name)" };
        var partial = new Option<bool>("--accept-partial") { Description = "Store the good rows of a file with bad rows (status partial)" };
        var reports = ImportPrinter.ReportDirectoryOption();
        var command = new Command("import", "Import a Movebank tracks file into PostGIS (re-importing the same bytes does nothing)")
        {
            file, reference, speed, study, partial, reports,
        };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            var path = parseResult.GetValue(file)!.FullName;
            var options = new TrackImportOptions
            {
                ReferencePath = parseResult.GetValue(reference)?.FullName,
                SpeedLimitKmh = parseResult.GetValue(speed),
                Study = parseResult.GetValue(study),
                AcceptPartial = parseResult.GetValue(partial),
            };
            if (options.SpeedLimitKmh <= 0)
            {
                Cli.Error("--speed-limit must be a positive speed in km/h");
                return 2;
            }
            await using var database = Cli.OpenDatabase(parseResult);
            var outcome = await ImportPrinter.RunAsync(database, new TrackImporter(options), path, parseResult.GetValue(reports)?.FullName, ct);
            if (outcome.Status == ImportStatus.Unchanged && options.ReferencePath is not null)
            {
                Console.WriteLine("note: --reference was not read either: deployments load with a tracks file that is new");
            }
            var exit = ImportPrinter.Print(outcome, FileKind.Tracks, path);
            if (outcome is { Loaded: true, Details: TrackImportDetails details })
            {
                PrintSummary(outcome, details);
            }
            return exit;
        }));
        return command;
    }

    private static void PrintSummary(ImportOutcome r, TrackImportDetails d)
    {
        var grid = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
        void Row(string k, long v) => grid.AddRow(k, v.ToString("N0", Inv));
        grid.AddRow("import", r.ImportId?.ToString(Inv) ?? "");
        grid.AddRow("status", r.Status);
        Row("rows read", r.RowsRead);
        Row("fixes stored", r.RowsAccepted);
        Row("duplicates", r.Duplicates);
        Row("flagged (any flag)", r.Flagged);
        Row("  of them by speed", d.SpeedFlagged);
        Row("rows without a fix", d.RowsWithoutLocation);
        Row("non-location rows", d.NonLocationRows);
        Row("undeployed tag rows", d.RowsWithoutIndividual);
        Row("bad rows", r.RowsRejected);
        Row("individuals", d.Individuals);
        grid.AddRow("time", $"{r.Elapsed.TotalSeconds:F1} s ({r.RowsRead / Math.Max(0.001, r.Elapsed.TotalSeconds):N0} rows/s)");
        AnsiConsole.Write(grid);
        if (Environment.GetEnvironmentVariable("NEASPEC_TIMINGS") == "1")
        {
            Console.WriteLine($"  route: {d.Route}");
            Console.WriteLine($"  process CPU: {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F2} s");
        }
        if (d.AttributeColumns.Count > 0)
        {
            Console.WriteLine($"kept per fix in fixes.attributes: {string.Join(", ", d.AttributeColumns)}");
        }
    }

    private static Command Summary()
    {
        var study = new Option<string?>("--study") { Description = "Only this study" };
        var format = new Option<string>("--format") { Description = "table or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var command = new Command("summary", "Fixes per individual: taxon, count, flagged, first and last fix (UTC)") { study, format };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            await using var conn = await database.DataSource.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand(
                """
                select s.name, i.local_identifier, coalesce(i.species_name, i.taxon), count(f.id),
                       count(f.id) filter (where not f.visible or f.marked_outlier or f.speed_outlier),
                       min(f.observed_at), max(f.observed_at)
                from individuals i
                join studies s on s.id = i.study_id
                left join fixes f on f.individual_id = i.id
                where $1::text is null or s.name = $1
                group by s.name, i.local_identifier, i.species_name, i.taxon
                order by s.name, i.local_identifier
                """, conn);
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)parseResult.GetValue(study) ?? DBNull.Value });
            var rows = new List<string[]>();
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    string Time(int i) => reader.IsDBNull(i) ? "" : reader.GetDateTime(i).ToString("yyyy-MM-dd HH:mm:ss.fff", Inv);
                    rows.Add([reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2),
                        reader.GetInt64(3).ToString(Inv), reader.GetInt64(4).ToString(Inv), Time(5), Time(6)]);
                }
            }
            string[] columns = ["study", "individual", "taxon", "fixes", "flagged", "first", "last"];
            if (parseResult.GetValue(format) == "csv")
            {
                // Study and individual names come from uploaded files: formula cells are escaped.
                using var writer = CsvOutput.ToStream(Console.OpenStandardOutput());
                writer.WriteHeader(columns);
                foreach (var r in rows)
                {
                    writer.WriteRecord(r);
                }
                return 0;
            }
            var table = new Table().AddColumns(columns);
            foreach (var r in rows)
            {
                table.AddRow(r.Select(Cli.Escape).ToArray());
            }
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Generate()
    {
        var fixes = new Option<long>("--fixes") { Description = "Number of data rows", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "File to write (.csv, or .csv.gz for gzip)", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same file)", DefaultValueFactory = _ => 1 };
        var start = new Option<DateTime?>("--start") { Description = "Tracks begin within 20 days of this UTC date (default 2024-10-01)" };
        var command = new Command("generate", "Write a deterministic Movebank-style file of crane and spoonbill tracks between real flyway sites")
        {
            fixes, output, seed, start,
        };
        command.SetAction((parseResult, ct) => Cli.RunAsync(() =>
        {
            var path = parseResult.GetValue(output)!.FullName;
            var n = parseResult.GetValue(fixes);
            if (n < 0)
            {
                Cli.Error("--fixes must be 0 or more");
                return Task.FromResult(2);
            }
            TrackGenerator.Write(path, n, parseResult.GetValue(seed), parseResult.GetValue(start));
            Console.WriteLine($"wrote {n:N0} rows to {path}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
