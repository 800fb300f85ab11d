using LabDashboard.Web;

var app = LabDashboardApp.Build(args);
app.Run();
