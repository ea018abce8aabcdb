using System.CommandLine;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Sites;

namespace Neaspec.Survey.Cli.Commands;

internal static class SitesCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Sites as CSV or GeoJSON (FeatureCollection)" };
        var reports = ImportPrinter.ReportDirectoryOption();
        var import = new Command("import", "Add or update sites by code") { file, reports };
        import.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            var path = parseResult.GetValue(file)!.FullName;
            var outcome = await ImportPrinter.RunAsync(database, new SiteImporter(), path, parseResult.GetValue(reports)?.FullName, ct);
            return ImportPrinter.Print(outcome, FileKind.Sites, path);
        }));
        return new Command("sites", "Sites shared by counts and telemetry") { import };
    }
}
