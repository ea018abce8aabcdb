namespace Neaspec.Survey.Connectivity;
