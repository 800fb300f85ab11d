namespace LabDashboard.Web.Components.Shared;

/// <summary>An image a user dropped, pasted or picked: its bytes (already within the cap), name and declared type.</summary>
public sealed record DroppedImage(byte[] Bytes, string FileName, string ContentType);
