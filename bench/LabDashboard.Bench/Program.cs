using LabDashboard.Bench;
using TorchSharp;

// Benchmarks, not tests: one subcommand per benchmark (see README.md, "Performance").
BenchCommand[] commands = [IrisBench.Command, FashionBench.Command, GanBench.Command, ResnetBench.Command, PipelineBench.Command, RunsListBench.Command, RunDetailBench.Command];

var command = commands.FirstOrDefault(c => c.Name == args.FirstOrDefault());
if (command is null)
{
    if (args.Length > 0 && args[0] is not ("-h" or "--help")) Console.Error.WriteLine($"Unknown benchmark '{args[0]}'.");
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/LabDashboard.Bench -- <benchmark> [options]");
    foreach (var c in commands) Console.Error.WriteLine($"  {c.Name,-9}{c.Synopsis}\n{"",11}{c.Measures}");
    Console.Error.WriteLine($"  every benchmark also takes {string.Join(", ", BenchArguments.Common)} (see BenchArguments.cs)");
    return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
}

BenchArguments options;
try
{
    options = BenchArguments.Parse(args[1..], command.Options);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

torch.set_num_threads(options.Threads);
Console.WriteLine($"{command.Name}: {BenchEnvironment.Describe()}; data {options.DataRoot}");
try
{
    await command.RunAsync(options);
}
catch (ArgumentException e) when (e.ParamName is null)
{
    // The benchmarks throw ArgumentException(message) for a bad option value: say what is wrong, no stack trace.
    Console.Error.WriteLine(e.Message);
    return 2;
}
return Environment.ExitCode;
