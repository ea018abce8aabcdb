using Microsoft.EntityFrameworkCore;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Storage;

/// <summary>The survey database: species catalogue, sites, surveys, counts and the import ledger.
/// Geometry columns are typed with SRID 4326 so PostGIS registers them for QGIS.</summary>
public sealed class SurveyDbContext(DbContextOptions<SurveyDbContext> options) : DbContext(options)
{
    public DbSet<Species> Species => Set<Species>();
    public DbSet<SpeciesName> SpeciesNames => Set<SpeciesName>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<SurveyVisit> Surveys => Set<SurveyVisit>();
    public DbSet<SpeciesCount> Counts => Set<SpeciesCount>();
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();
    public DbSet<ImportError> ImportErrors => Set<ImportError>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<Study> Studies => Set<Study>();
    public DbSet<Individual> Individuals => Set<Individual>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Deployment> Deployments => Set<Deployment>();
    public DbSet<Fix> Fixes => Set<Fix>();
    public DbSet<TrackSource> TrackSources => Set<TrackSource>();
    public DbSet<SeasonDefinition> Seasons => Set<SeasonDefinition>();
    public DbSet<PopulationEstimate> PopulationEstimates => Set<PopulationEstimate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasPostgresExtension("postgis");

        ConfigureCatalogue(modelBuilder);
        ConfigureCounts(modelBuilder);
        ConfigureLedger(modelBuilder);
        ConfigureSeasons(modelBuilder);
        ConfigureTelemetry(modelBuilder);
        ConfigurePopulationEstimates(modelBuilder);
    }

    /// <summary>The species catalogue and its names in every language.</summary>
    private static void ConfigureCatalogue(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Species>(e =>
        {
            e.ToTable("species", t => t.HasCheckConstraint("ck_species_taxon_rank",
                $"taxon_rank in ({string.Join(", ", TaxonRank.All.Select(r => $"'{r}'"))})"));
            e.HasKey(s => s.ScientificName);
            // The default stays in the database, so an insert that does not name the rank keeps working.
            e.Property(s => s.TaxonRank).HasDefaultValue(TaxonRank.Species);
        });

        modelBuilder.Entity<SpeciesName>(e =>
        {
            e.ToTable("species_names", t => t.HasCheckConstraint("ck_species_names_language",
                $"language in ({string.Join(", ", NameLanguage.All.Select(l => $"'{l}'"))})"));
            e.Property(n => n.Id).UseIdentityAlwaysColumn();
            e.HasOne<Species>().WithMany().HasForeignKey(n => n.ScientificName).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ImportRecord>().WithMany().HasForeignKey(n => n.ImportId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(n => new { n.ScientificName, n.Language, n.Name }).IsUnique();
        });
    }

    /// <summary>Sites, surveys (visits) and the counts of a visit.</summary>
    private static void ConfigureCounts(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Site>(e =>
        {
            e.ToTable("sites");
            e.HasIndex(s => s.Code).IsUnique();
            e.Property(s => s.CountryCode).HasMaxLength(2).IsFixedLength();
            e.Property(s => s.Location).HasColumnType("geometry(Point,4326)");
            e.Property(s => s.Area).HasColumnType("geometry(Geometry,4326)");
            e.HasIndex(s => s.Location).HasMethod("gist");
            e.HasIndex(s => s.Area).HasMethod("gist");
        });

        modelBuilder.Entity<SurveyVisit>(e =>
        {
            e.ToTable("surveys");
            e.HasOne(s => s.Site).WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
            // A survey is one visit: a site on a date (and time, when teams count twice a day).
            e.HasIndex(s => new { s.SiteId, s.SurveyDate, s.SurveyTime }).IsUnique().AreNullsDistinct(false);
            e.HasOne<ImportRecord>().WithMany().HasForeignKey(s => s.ImportId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SpeciesCount>(e =>
        {
            e.ToTable("counts", t => t.HasCheckConstraint("ck_counts_individuals_non_negative", "individuals >= 0"));
            // The natural key is the whole key: one count per species per visit, no surrogate id to index.
            e.HasKey(c => new { c.SurveyId, c.SpeciesName });
            e.HasIndex(c => c.ImportId);
            // No declared foreign keys on the hot insert path: per-row RI triggers cost ~5 s per million
            // counts each (measured; see README). The importer only writes survey ids it joined from
            // surveys and species it resolved from the catalogue in the same transaction; deleting a
            // survey, species or import is guarded by statement triggers instead (migration CountsNaturalKey).
        });
    }

    /// <summary>The import ledger: one entry per file, the runs of the worker, the row errors.</summary>
    private static void ConfigureLedger(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ImportRecord>(e =>
        {
            e.ToTable("imports");
            e.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
            e.HasIndex(i => i.Sha256);
            // The claim: one file (by content) is running or loaded at most once; failed and rejected
            // attempts stay in the ledger and do not block a rerun.
            e.HasIndex(i => i.Sha256).IsUnique().HasFilter("status in ('running', 'succeeded', 'partial')")
                .HasDatabaseName("ux_imports_sha256_claimed");
            e.HasIndex(i => i.StartedAt);
            e.HasOne<ImportRun>().WithMany().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<ImportRun>(e =>
        {
            e.ToTable("import_runs");
            e.HasIndex(r => r.StartedAt);
        });

        modelBuilder.Entity<ImportError>(e =>
        {
            e.ToTable("import_errors");
            e.HasOne<ImportRecord>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ImportId, x.Line });
        });
    }

    /// <summary>The season windows reports and the track_seasons lines read.</summary>
    private static void ConfigureSeasons(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SeasonDefinition>(e =>
        {
            e.ToTable("seasons", t =>
            {
                t.HasCheckConstraint("ck_seasons_start_mm_dd", "start_md ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'");
                t.HasCheckConstraint("ck_seasons_end_mm_dd", "end_md ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'");
            });
            e.Property(s => s.Start).HasColumnName("start_md").HasMaxLength(5).IsFixedLength();
            e.Property(s => s.End).HasColumnName("end_md").HasMaxLength(5).IsFixedLength();
            // One window per (species, name); the rows without a species are the defaults, hence nulls not distinct.
            e.HasIndex(s => new { s.Species, s.Name }).IsUnique().AreNullsDistinct(false);
        });
    }

    private static void ConfigurePopulationEstimates(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<PopulationEstimate>(e =>
        {
            e.ToTable("population_estimates", t =>
            {
                t.HasCheckConstraint("ck_population_estimates_estimate_positive", "estimate > 0");
                t.HasCheckConstraint("ck_population_estimates_threshold_positive", "one_percent_threshold > 0");
                t.HasCheckConstraint("ck_population_estimates_year", "year between 1900 and 2200");
            });
            // One current figure per population: a newer estimate replaces the row (its source and year say which).
            e.HasIndex(p => new { p.Species, p.Population }).IsUnique();
            e.HasOne<Species>().WithMany().HasForeignKey(p => p.Species).OnDelete(DeleteBehavior.Restrict);
            e.Property(p => p.UpdatedAt).HasDefaultValueSql("now()");
        });

    private static void ConfigureTelemetry(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Study>(e =>
        {
            e.ToTable("studies");
            e.HasIndex(s => s.Name).IsUnique();
        });

        modelBuilder.Entity<Individual>(e =>
        {
            e.ToTable("individuals");
            e.HasOne<Study>().WithMany().HasForeignKey(i => i.StudyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Species>().WithMany().HasForeignKey(i => i.SpeciesName).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(i => new { i.StudyId, i.LocalIdentifier }).IsUnique();
        });

        modelBuilder.Entity<Tag>(e =>
        {
            e.ToTable("tags");
            e.HasOne<Study>().WithMany().HasForeignKey(t => t.StudyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.StudyId, t.LocalIdentifier }).IsUnique();
        });

        modelBuilder.Entity<Deployment>(e =>
        {
            e.ToTable("deployments");
            e.HasOne<Tag>().WithMany().HasForeignKey(d => d.TagId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Individual>().WithMany().HasForeignKey(d => d.IndividualId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ImportRecord>().WithMany().HasForeignKey(d => d.ImportId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => new { d.TagId, d.IndividualId, d.DeployOn }).IsUnique().AreNullsDistinct(false);
            e.HasIndex(d => d.IndividualId);
        });

        modelBuilder.Entity<Fix>(e =>
        {
            // Partitioned by month of observed_at (migration TracksAtScale, FixMonthSql): a key must hold the
            // partition column, hence (id, observed_at). Keys and indexes are as narrow as the bulk load allows:
            // integer surrogates for study and individual; a GiST index on the points for QGIS. No foreign keys:
            // the loader resolves ids set-based before it inserts, and per-row FK checks would cost more than the
            // whole COPY. EF does not create this table (the migration's SQL does); the model mirrors it.
            e.ToTable("fixes");
            e.HasKey(f => new { f.Id, f.ObservedAt });
            e.Property(f => f.Id).HasDefaultValueSql("nextval('fixes_id_seq')");
            e.Property(f => f.ObservedAt).HasColumnType("timestamp(3) with time zone");
            e.Property(f => f.Location).HasColumnType("geometry(Point,4326)");
            e.Property(f => f.Attributes).HasColumnType("jsonb");
            // Dedup by Movebank event id within a study (and time: a unique index of a partitioned table holds the
            // partition column) ...
            e.HasIndex(f => new { f.StudyId, f.EventId, f.ObservedAt }).IsUnique().HasFilter("event_id is not null")
                .HasDatabaseName("ux_fixes_study_event");
            // ... and, for files without event ids, by individual and time; also the track order index.
            e.HasIndex(f => new { f.IndividualId, f.ObservedAt, f.EventId }).IsUnique().AreNullsDistinct(false)
                .HasDatabaseName("ux_fixes_individual_time");
            e.HasIndex(f => f.Location).HasMethod("gist");
            e.HasIndex(f => f.ImportId).HasMethod("brin");
        });

        modelBuilder.Entity<TrackSource>(e =>
        {
            e.ToTable("track_sources");
            e.HasKey(t => t.ImportId);
            e.HasOne<ImportRecord>().WithOne().HasForeignKey<TrackSource>(t => t.ImportId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
