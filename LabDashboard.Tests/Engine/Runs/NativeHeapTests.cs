using LabDashboard.Engine.Problems.ExpMle;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Runs;

public class NativeHeapTests
{
    [Fact]
    public void A_training_scaffold_keeps_freed_native_memory_in_the_process_on_linux()
    {
        Assert.True(OperatingSystem.IsLinux(), "these tests run on Debian");
        Assert.Null(Environment.GetEnvironmentVariable("LABDASHBOARD_NATIVE_HEAP"));

        _ = new TrainingScaffold(new RecordingReporter().ContextFor(new ExpMleProblem()));

        Assert.True(NativeHeap.KeepFreedMemory(), "glibc's mallopt refused the heap settings");
    }
}
