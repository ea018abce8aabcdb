namespace Neaspec.Survey.Storage.Model;

/// <summary>One visit to a site: the survey of DESIGN.md. Identified by site, date and (optional) time.</summary>
public sealed class SurveyVisit
{
    public long Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public DateOnly SurveyDate { get; set; }
    public TimeOnly? SurveyTime { get; set; }
    public string? Method { get; set; }
    public string? Observer { get; set; }
    public long ImportId { get; set; }
}
