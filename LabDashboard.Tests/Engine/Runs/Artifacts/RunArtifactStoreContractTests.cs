using LabDashboard.Engine.Runs.Artifacts;

namespace LabDashboard.Tests.Engine.Runs.Artifacts;

/// <summary>
/// What every artifact store does: files under State:Root (one process) and PostgreSQL (a lab cluster)
/// run these same tests. <see cref="Open"/> gives a store of another process on the same storage when
/// the store is shared (a web front beside the worker that wrote), else the same files again.
/// </summary>
public abstract class RunArtifactStoreContractTests : IDisposable
{
    private protected readonly TempFolder Writer = new(), Reader = new();

    /// <summary>A store whose <c>State:Root</c> is <paramref name="stateRoot"/>.</summary>
    private protected abstract IRunArtifactStore Open(string stateRoot);

    /// <summary>The reading process's <c>State:Root</c>: another folder when the storage is shared, else the writer's.</summary>
    private protected abstract string ReaderRoot { get; }

    [SkippableFact]
    public void Written_bytes_read_back_listed_under_their_folder_with_sizes()
    {
        var store = Open(Writer.Path);
        store.Write("runs/r1/images/grid-e1.png", [1, 2, 3]);
        store.Write("runs/r1/images/grid-e2.png", [4, 5]);
        store.Write("runs/r1/images/grid-e2.png", [6, 7, 8, 9]);

        var reader = Open(ReaderRoot);
        Assert.Equal([6, 7, 8, 9], reader.Read("runs/r1/images/grid-e2.png"));
        Assert.Null(reader.Read("runs/r1/images/grid-e3.png"));
        Assert.Equal([("runs/r1/images/grid-e1.png", 3L), ("runs/r1/images/grid-e2.png", 4L)], reader.List("runs/r1").Select(a => (a.Path, a.Size)));
        Assert.Equal(7, reader.Size("runs/r1"));
    }

    [SkippableFact]
    public void A_folder_is_only_what_lies_under_it_not_a_sibling_sharing_its_prefix()
    {
        var store = Open(Writer.Path);
        store.Write("runs/a_b/x.png", [1]);
        store.Write("runs/axb/x.png", [2, 2]);
        store.Write("runs/a_bc/x.png", [3, 3, 3]);
        store.Write("runs/a_b0", [4]);

        Assert.Equal(["runs/a_b/x.png"], store.List("runs/a_b").Select(a => a.Path));
        Assert.Equal(1, store.Size("runs/a_b/"));
        store.DeleteFolder("runs/a_b");

        Assert.Empty(store.List("runs/a_b"));
        Assert.Equal(["runs/a_b0", "runs/a_bc/x.png", "runs/axb/x.png"], store.List("runs").Select(a => a.Path));
    }

    [SkippableFact]
    public void Read_each_gives_the_named_file_of_every_folder_right_under_the_folder_in_path_order()
    {
        var store = Open(Writer.Path);
        store.Write("models/m/r2/info.json", [2]);
        store.Write("models/m/r1/info.json", [1]);
        store.Write("models/m/r1/weights.safetensors", [9]);
        store.Write("models/m/r3/weights.safetensors", [9]);
        store.Write("models/m/info.json", [9]);
        store.Write("models/m/r1/deeper/info.json", [9]);
        store.Write("models/m/r4/xinfo.json", [9]);
        store.Write("models/mm/r5/info.json", [9]);

        var reader = Open(ReaderRoot);
        Assert.Equal([[1], [2]], reader.ReadEach("models/m", "info.json"));
        Assert.Empty(reader.ReadEach("models/none", "info.json"));
    }

    [SkippableFact]
    public void A_local_file_holds_the_current_bytes_and_is_gone_once_the_artifact_is()
    {
        Open(Writer.Path).Write("models/m/r1/weights.safetensors", [1, 2, 3]);
        var reader = Open(ReaderRoot);

        Assert.Equal([1, 2, 3], File.ReadAllBytes(reader.LocalFile("models/m/r1/weights.safetensors")));
        Open(Writer.Path).Write("models/m/r1/weights.safetensors", [9, 8, 7, 6]);
        Assert.Equal([9, 8, 7, 6], File.ReadAllBytes(reader.LocalFile("models/m/r1/weights.safetensors")));
        Open(Writer.Path).Delete("models/m/r1/weights.safetensors");
        Assert.False(File.Exists(reader.LocalFile("models/m/r1/weights.safetensors")));
    }

    [SkippableTheory]
    [InlineData("../outside.png")]
    [InlineData("runs/../../outside.png")]
    [InlineData("/etc/passwd")]
    [InlineData("runs/a b/x.png")]
    public void A_path_that_could_leave_the_store_is_refused(string path)
    {
        var store = Open(Writer.Path);
        Assert.Throws<ArgumentException>(() => store.Write(path, [1]));
        Assert.Throws<ArgumentException>(() => store.Read(path));
    }

    public virtual void Dispose()
    {
        Writer.Dispose();
        Reader.Dispose();
    }
}

/// <summary>The contract on files under State:Root (a single process: the reader is the writer).</summary>
public sealed class DiskArtifactStoreTests : RunArtifactStoreContractTests
{
    private protected override IRunArtifactStore Open(string stateRoot) => new DiskArtifactStore(new LabDashboard.Engine.Runs.LabPaths([], stateRoot));

    private protected override string ReaderRoot => Writer.Path;

    [Fact]
    public void Artifacts_are_files_at_their_path_under_State_Root_as_before()
    {
        Open(Writer.Path).Write("runs/r1/images/grid-e1.png", [1, 2]);
        Assert.Equal([1, 2], File.ReadAllBytes(Path.Combine(Writer.Path, "runs", "r1", "images", "grid-e1.png")));
    }
}
