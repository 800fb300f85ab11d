namespace LabDashboard.Engine.Data;

/// <summary>The MNIST-style data sets the lab knows (checksums of the uncompressed IDX files, as torchvision's).</summary>
public static class ImageDatasets
{
    /// <summary>LeCun, Cortes and Burges' handwritten digits (CC BY-SA 3.0).</summary>
    public static ImageDatasetSpec Mnist { get; } = new(
        Title: "MNIST",
        TorchvisionFolder: "MNIST",
        FlatFolder: "mnist",
        CsvPrefix: "mnist",
        SystemFolders: [],
        DebianPackage: null,
        Mirrors: ["https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/"],
        Files:
        [
            new(IdxRole.TrainImages, "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", 9912422),
            new(IdxRole.TrainLabels, "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5", 28881),
            new(IdxRole.TestImages, "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", 1648877),
            new(IdxRole.TestLabels, "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", 4542),
        ],
        ClassNames: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

    /// <summary>Zalando's Fashion-MNIST (MIT).</summary>
    public static ImageDatasetSpec FashionMnist { get; } = new(
        Title: "Fashion-MNIST",
        TorchvisionFolder: "FashionMNIST",
        FlatFolder: "fashion-mnist",
        CsvPrefix: "fashion-mnist",
        SystemFolders: ["/usr/share/datasets/fashion-mnist"],
        DebianPackage: "dataset-fashion-mnist",
        Mirrors: ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"],
        Files:
        [
            new(IdxRole.TrainImages, "train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", 26421880),
            new(IdxRole.TrainLabels, "train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9", 29515),
            new(IdxRole.TestImages, "t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", 4422102),
            new(IdxRole.TestLabels, "t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", 5148),
        ],
        ClassNames: ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]);
}
