using LabDashboard.Engine.Problems.ResnetCam.Data;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

public class PetSplitTests
{
    [Fact]
    public void The_description_names_the_data_set_and_its_counts_but_not_the_server_s_folder()
    {
        var split = new PetSplit("oxford-iiit-pet", "/srv/lab/data/oxford-iiit-pet/", [new PetImage("/srv/a.jpg", 1)], [new PetImage("/srv/b.jpg", 0)]);

        Assert.Equal("oxford-iiit-pet at oxford-iiit-pet: 1 train (1 dogs), 1 test (0 dogs)", split.Describe().ToString());
    }
}
