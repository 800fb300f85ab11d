namespace LabDashboard.Bench;

/// <summary>A subcommand: its name, option synopsis, what it measures, the options it accepts besides <see cref="BenchArguments.Common"/>, and its body.</summary>
internal sealed record BenchCommand(string Name, string Synopsis, string Measures, IReadOnlyCollection<string> Options, Func<BenchArguments, Task> RunAsync);
