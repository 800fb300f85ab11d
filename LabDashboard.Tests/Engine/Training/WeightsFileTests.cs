using LabDashboard.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Tests.Engine.Training;

public sealed class WeightsFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string PathOf(string name) => Path.Combine(_folder.Path, name);

    [Fact]
    public void Tensors_round_trip_with_names_shapes_and_dtypes_and_no_temporary_file_is_left()
    {
        using var scope = NewDisposeScope();
        var weight = arange(6, dtype: ScalarType.Float32).reshape(2, 3).t();
        var half = tensor(new[] { 0.5f, -1.5f }).to(ScalarType.Float16);
        var steps = tensor(new long[] { 7 });

        WeightsFile.Save(PathOf("w.safetensors"), [("fc.weight", weight), ("half", half), ("steps", steps)]);
        var loaded = WeightsFile.Load(PathOf("w.safetensors"));

        Assert.Equal(["fc.weight", "half", "steps"], loaded.Keys.Order());
        Assert.Equal([3L, 2], loaded["fc.weight"].shape);
        Assert.True(loaded["fc.weight"].equal(weight).all().item<bool>());
        Assert.Equal(ScalarType.Float16, loaded["half"].dtype);
        Assert.True(loaded["half"].equal(half).all().item<bool>());
        Assert.Equal([7L], loaded["steps"].data<long>().ToArray());
        Assert.Equal(["w.safetensors"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
        foreach (var t in loaded.Values) t.Dispose();
    }

    [Fact]
    public void A_module_saves_its_state_dict_and_loads_back_into_a_fresh_one()
    {
        using var original = nn.Sequential(("fc", nn.Linear(3, 2)), ("bn", nn.BatchNorm1d(2)));
        WeightsFile.Save(PathOf("m.safetensors"), original);
        using var copy = nn.Sequential(("fc", nn.Linear(3, 2)), ("bn", nn.BatchNorm1d(2)));

        var loaded = new Dictionary<string, bool>();
        TorchSharp.PyBridge.PyBridgeModuleExtensions.load_safetensors(copy, PathOf("m.safetensors"), strict: true, loadedParameters: loaded);

        Assert.Equal(original.state_dict().Keys.Order(), loaded.Where(p => p.Value).Select(p => p.Key).Order());
        Assert.All(original.state_dict(), p => Assert.True(p.Value.equal(copy.state_dict()[p.Key]).all().item<bool>(), p.Key));
    }

    [Fact]
    public void A_file_that_is_not_safetensors_fails_with_an_error_naming_it()
    {
        File.WriteAllBytes(PathOf("broken.safetensors"), [1, 2, 3, 4, 5, 6, 7, 8, 9]);

        var error = Assert.Throws<InvalidDataException>(() => WeightsFile.Load(PathOf("broken.safetensors")));

        Assert.Contains("broken.safetensors", error.Message);
    }

    [Fact]
    public void Models_saved_by_older_versions_still_load()
    {
        using var module = nn.Sequential(("fc", nn.Linear(3, 2)));
        var moduleSave = PathOf("weights.bin");
        module.save(moduleSave);
        var int32Count = PathOf("generator.weights");
        WriteInt32CountFile(int32Count, module);

        var fromModuleSave = LegacyWeightsFile.LoadCurrentOrLegacy(PathOf("weights.safetensors"), moduleSave, LegacyCount.Leb128);
        var fromInt32Count = LegacyWeightsFile.LoadCurrentOrLegacy(PathOf("generator.safetensors"), int32Count, LegacyCount.Int32);

        foreach (var loaded in new[] { fromModuleSave, fromInt32Count })
        {
            Assert.Equal(["fc.bias", "fc.weight"], loaded.Keys.Order());
            Assert.All(module.state_dict(), p => Assert.True(p.Value.equal(loaded[p.Key]).all().item<bool>(), p.Key));
            foreach (var t in loaded.Values) t.Dispose();
        }
    }

    [Fact]
    public void The_current_file_wins_over_an_older_versions_file_and_neither_is_a_clear_error()
    {
        using var module = nn.Sequential(("fc", nn.Linear(3, 2)));
        File.WriteAllBytes(PathOf("head.bin"), [0xFF]);
        WeightsFile.Save(PathOf("head.safetensors"), module);

        var loaded = LegacyWeightsFile.LoadCurrentOrLegacy(PathOf("head.safetensors"), PathOf("head.bin"), LegacyCount.Leb128);
        var missing = Assert.Throws<FileNotFoundException>(() =>
            LegacyWeightsFile.LoadCurrentOrLegacy(PathOf("none.safetensors"), PathOf("none.bin"), LegacyCount.Leb128));

        Assert.Equal(2, loaded.Count);
        Assert.Contains("none.safetensors", missing.Message);
        foreach (var t in loaded.Values) t.Dispose();
    }

    [Fact]
    public void An_unreadable_older_file_says_to_retrain()
    {
        File.WriteAllBytes(PathOf("head.bin"), [5, 1, 2]);

        var error = Assert.Throws<InvalidDataException>(() =>
            LegacyWeightsFile.LoadCurrentOrLegacy(PathOf("head.safetensors"), PathOf("head.bin"), LegacyCount.Leb128));

        Assert.Contains("head.bin", error.Message);
        Assert.Contains("retrain", error.Message);
    }

    /// <summary>The GAN's former NetworkWeights layout: an Int32 count, then name and tensor per entry.</summary>
    private static void WriteInt32CountFile(string path, nn.Module module)
    {
        using var writer = new BinaryWriter(File.Create(path));
        var state = module.state_dict();
        writer.Write(state.Count);
        foreach (var (name, tensor) in state)
        {
            writer.Write(name);
            tensor.Save(writer);
        }
    }

    public void Dispose() => _folder.Dispose();
}
