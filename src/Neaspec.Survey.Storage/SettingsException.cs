namespace Neaspec.Survey.Storage;

/// <summary>A setting is missing or invalid; the message says which and where to set it.</summary>
public sealed class SettingsException(string message) : Exception(message);
