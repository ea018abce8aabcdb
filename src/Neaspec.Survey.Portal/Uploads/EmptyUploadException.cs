namespace Neaspec.Survey.Portal.Uploads;

/// <summary>The upload had no bytes: nothing to keep or import.</summary>
public sealed class EmptyUploadException() : Exception("the file is empty");
