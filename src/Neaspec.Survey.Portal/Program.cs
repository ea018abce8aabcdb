// Standalone start (dotnet run); `neaspec portal serve` starts the same application.
await Neaspec.Survey.Portal.PortalApp.RunAsync();
