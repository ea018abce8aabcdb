using System.CommandLine;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Cli.Commands;

internal static class SitesCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Sites as CSV or GeoJSON (FeatureCollection)" };
        var import = new Command("import", "Add or update sites by code") { file };
        import.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            var result = await new SiteImporter(database).ImportAsync(parseResult.GetValue(file)!.FullName, Environment.UserName, ct);
            if (result.Status == ImportStatus.Rejected)
            {
                Cli.Error(result.Message);
                CountsCommand.PrintErrors(result.Errors, result.ErrorReportPath);
                return 1;
            }
            Console.WriteLine(result.Message);
            return 0;
        }));
        return new Command("sites", "Sites shared by counts and telemetry") { import };
    }
}
