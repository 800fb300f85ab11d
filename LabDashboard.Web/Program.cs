using LabDashboard.Web;

var app = LabDashboardApp.Build(args);
await app.StartAsync();
foreach (var url in app.Urls)
    Console.WriteLine($"LabDashboard is running at {url}  (Ctrl+C to stop)");
await app.WaitForShutdownAsync();
