using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Data;

/// <summary>What the data sets tell a run and its page (sources, downloads, warnings), keyed for the pages' languages.</summary>
public static class DataTexts
{
    /// <summary>A download's progress.</summary>
    public static readonly TextTemplate Downloading = new("data.progress.downloading", "Downloading {0}: {1} of {2} MB at {3} MB/s, about {4} s left");
    /// <summary>The source a run reads.</summary>
    public static readonly TextTemplate Using = new("data.log.using", "Using {0}.");
    /// <summary>Something odd in the data that did not stop the run.</summary>
    public static readonly TextTemplate Warning = new("data.log.warning", "Warning: {0}");
    /// <summary>Read from torchvision's folder layout.</summary>
    public static readonly TextTemplate FromTorchvision = new("data.source.torchvision", "{0} from the torchvision layout in {1}");
    /// <summary>Read from IDX files side by side.</summary>
    public static readonly TextTemplate FromIdx = new("data.source.idx", "{0} from the IDX files in {1}");
    /// <summary>Read from a Debian package's folder.</summary>
    public static readonly TextTemplate FromSystem = new("data.source.system", "{0} from the system package folder {1}");
    /// <summary>Downloaded earlier.</summary>
    public static readonly TextTemplate Downloaded = new("data.source.downloaded", "{0} downloaded to {1}");
    /// <summary>Read from pixel CSVs.</summary>
    public static readonly TextTemplate FromCsv = new("data.source.csv", "{0} from the CSV files in {1}");
}
