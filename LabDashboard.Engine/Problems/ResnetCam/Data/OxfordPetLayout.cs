namespace LabDashboard.Engine.Problems.ResnetCam.Data;

/// <summary>
/// Oxford-IIIT Pet in torchvision's layout: <c>images/*.jpg</c>, <c>annotations/trainval.txt</c> and
/// <c>test.txt</c> with lines "Image CLASS-ID SPECIES BREED-ID" (species 1 = cat, 2 = dog).
/// </summary>
internal static class OxfordPetLayout
{
    public const string Name = "oxford-iiit-pet";

    public static bool IsPresent(string root) =>
        Directory.Exists(Path.Combine(root, "images")) && File.Exists(Path.Combine(root, "annotations", "trainval.txt"))
        && File.Exists(Path.Combine(root, "annotations", "test.txt"));

    public static PetSplit Load(string root) =>
        new(Name, root, ReadList(root, "trainval.txt"), ReadList(root, "test.txt"));

    private static List<PetImage> ReadList(string root, string file)
    {
        var images = new List<PetImage>();
        foreach (var line in File.ReadLines(Path.Combine(root, "annotations", file)))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3 || !int.TryParse(fields[2], out var species) || species is not (1 or 2))
                throw new InvalidDataException($"{file}: unexpected line '{line}'.");
            var path = Path.Combine(root, "images", fields[0] + ".jpg");
            if (File.Exists(path)) images.Add(new PetImage(path, species == 2 ? 1 : 0));
        }
        return images;
    }
}
