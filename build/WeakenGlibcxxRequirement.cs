using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Sets VER_FLG_WEAK on the ELF version requirement named <see cref="RequiredVersion"/> in each
/// library, when the system libstdc++ does not define that version.
/// </summary>
public class WeakenGlibcxxRequirement : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    private static readonly string[] SystemLibstdcxxPaths =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    };

    [Required] public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string RequiredVersion { get; set; } = "";

    public override bool Execute()
    {
        string systemLib = Array.Find(SystemLibstdcxxPaths, File.Exists);
        if (systemLib == null)
        {
            Log.LogMessage(MessageImportance.Normal, "TorchSharp native fix: no system libstdc++ found; nothing to do.");
            return true;
        }
        if (Contains(File.ReadAllBytes(systemLib), Encoding.ASCII.GetBytes(RequiredVersion + "\0")))
        {
            Log.LogMessage(MessageImportance.Normal, "TorchSharp native fix: " + systemLib + " has " + RequiredVersion + "; not needed.");
            return true;
        }
        foreach (ITaskItem item in Libraries)
        {
            string path = item.GetMetadata("FullPath");
            try
            {
                Log.LogMessage(MessageImportance.High, "TorchSharp native fix: " + Patch(path) + " " + path);
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
            {
                Log.LogError("TorchSharp native fix failed on " + path + ": " + e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private string Patch(string path)
    {
        byte[] elf = File.ReadAllBytes(path);
        int flagsOffset = FindVernauxFlagsOffset(elf, RequiredVersion);
        if (flagsOffset < 0) return "no " + RequiredVersion + " requirement in";
        ushort flags = BitConverter.ToUInt16(elf, flagsOffset);
        if ((flags & VerFlgWeak) != 0) return RequiredVersion + " already weak in";
        BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, flagsOffset);
        DateTime stamp = File.GetLastWriteTimeUtc(path);
        // Write a new file and move it over the old one, so a hard link into the NuGet cache is never written through.
        string temp = path + ".weak.tmp";
        File.WriteAllBytes(temp, elf);
        File.SetLastWriteTimeUtc(temp, stamp);
        File.Delete(path);
        File.Move(temp, path);
        return "marked " + RequiredVersion + " weak in";
    }

    private static int FindVernauxFlagsOffset(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a little-endian ELF64 file");
        long shoff = BitConverter.ToInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            int sh = checked((int)(shoff + (long)i * shentsize));
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;
            int offset = checked((int)BitConverter.ToInt64(elf, sh + 0x18));
            int strtabIndex = (int)BitConverter.ToUInt32(elf, sh + 0x28);
            int count = (int)BitConverter.ToUInt32(elf, sh + 0x2C);
            int strtab = checked((int)BitConverter.ToInt64(elf, checked((int)(shoff + (long)strtabIndex * shentsize)) + 0x18));
            return FindInVerneed(elf, offset, count, strtab, version);
        }
        return -1;
    }

    private static int FindInVerneed(byte[] elf, int verneed, int count, int strtab, string version)
    {
        for (int n = 0; n < count; n++)
        {
            int auxCount = BitConverter.ToUInt16(elf, verneed + 2);
            int aux = verneed + (int)BitConverter.ToUInt32(elf, verneed + 8);
            for (int a = 0; a < auxCount; a++)
            {
                string name = ReadCString(elf, strtab + (int)BitConverter.ToUInt32(elf, aux + 8));
                if (name == version) return aux + 4;
                aux += (int)BitConverter.ToUInt32(elf, aux + 12);
            }
            verneed += (int)BitConverter.ToUInt32(elf, verneed + 12);
        }
        return -1;
    }

    private static string ReadCString(byte[] bytes, int start)
    {
        int end = Array.IndexOf(bytes, (byte)0, start);
        return Encoding.ASCII.GetString(bytes, start, end - start);
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i <= haystack.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }
}
