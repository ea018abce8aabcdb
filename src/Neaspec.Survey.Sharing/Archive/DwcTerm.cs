namespace Neaspec.Survey.Sharing.Archive;

/// <summary>A term of Darwin Core (or Dublin Core) by its column name and its URI, as meta.xml declares it.</summary>
public sealed record DwcTerm(string Name, string Uri);
