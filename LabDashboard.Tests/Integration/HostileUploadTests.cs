using System.Net;
using System.Text.Json;
using LabDashboard.Tests.Engine.Data.Images;
using LabDashboard.Tests.Engine.Problems.ResnetCam;

namespace LabDashboard.Tests.Integration;

/// <summary>The crafted files of ../shared/data/hostile-images against the real server: 4xx with a plain message, never 5xx.</summary>
public class HostileUploadTests(CamApiFixture server) : IClassFixture<CamApiFixture>
{
    private static readonly byte[] DogPhoto = File.ReadAllBytes(ResnetCamTestEnvironment.Photo("dog", "american_bulldog_10.jpg"));

    [Theory]
    [MemberData(nameof(HostileImages.MustBeRefused), MemberType = typeof(HostileImages))]
    public async Task Each_crafted_file_is_refused_with_a_422_problem_and_the_server_keeps_answering(string name)
    {
        var (status, mediaType, body, _) = await CamUploads.PostAsync(server.Client, HostileImages.Read(name));

        AssertPlainProblem(HttpStatusCode.UnprocessableEntity, status, mediaType, body);
        Assert.Equal(HttpStatusCode.OK, (await CamUploads.PostAsync(server.Client, DogPhoto)).Status);
    }

    [Theory]
    [MemberData(nameof(HostileImages.ValidOddOnes), MemberType = typeof(HostileImages))]
    public async Task The_valid_arithmetic_coded_and_progressive_jpegs_are_explained(string name)
    {
        var (status, _, body, _) = await CamUploads.PostAsync(server.Client, HostileImages.Read(name));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(JsonDocument.Parse(body).RootElement.GetProperty("label").GetString(), new[] { "cat", "dog" });
    }

    [Fact]
    public async Task A_photo_cut_in_half_with_an_end_marker_appended_is_refused_as_undecodable()
    {
        var (status, mediaType, body, _) = await CamUploads.PostAsync(server.Client, HostileImages.HalfWithEndMarker(DogPhoto));

        AssertPlainProblem(HttpStatusCode.UnprocessableEntity, status, mediaType, body);
        Assert.Contains("ends early", body);
    }

    /// <summary>The status, a ProblemDetails body, and a detail meant for a person: no exception type or stack trace.</summary>
    internal static void AssertPlainProblem(HttpStatusCode expected, HttpStatusCode status, string mediaType, string body)
    {
        Assert.Equal(expected, status);
        Assert.Equal("application/problem+json", mediaType);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
    }
}
