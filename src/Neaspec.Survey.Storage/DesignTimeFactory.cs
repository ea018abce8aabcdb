using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Neaspec.Survey.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SurveyDbContext>
{
    public SurveyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SurveyDbContext>()
            .UseNpgsql("Host=localhost", o => o.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention()
            .Options;
        return new SurveyDbContext(options);
    }
}
