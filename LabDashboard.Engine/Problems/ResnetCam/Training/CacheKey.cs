using System.Security.Cryptography;
using System.Text;
using LabDashboard.Engine.Problems.ResnetCam.Data;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>Short stable keys for caches: a hash of everything that changes their contents.</summary>
internal static class CacheKey
{
    public static string For(IEnumerable<PetImage> images, params object[] parts)
    {
        var text = new StringBuilder(string.Join('|', parts));
        foreach (var image in images)
        {
            var info = new FileInfo(image.Path);
            text.Append('\n').Append(image.Path).Append('|').Append(image.Label).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks);
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..20].ToLowerInvariant();
    }
}
