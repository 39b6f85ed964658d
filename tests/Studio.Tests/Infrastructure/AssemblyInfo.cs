// One browser and one service for the whole run; the tests drive them one after another.
[assembly: AssemblyFixture(typeof(StudioFixture))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
