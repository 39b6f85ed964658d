using System.Globalization;

namespace SendWorkflow.Send.Reports.SenInformation;

/// <summary>A section's figures as small tables, the same on the Studio's page, in the HTML and in the PDF.</summary>
public static class SenInformationFigureTables
{
    private static readonly string[] Count = ["Pupils"];

    public static IReadOnlyList<FigureTable> For(SenInformationFigureKind kind, SenInformationFigures f) => kind switch
    {
        SenInformationFigureKind.PupilsByNeed =>
        [
            new FigureTable($"Pupils on the SEN register by their primary need ({f.OnRegister} in all)", ["Primary need", .. Count],
                f.ByNeed.Select(n => Row(n.Code is { } code ? $"{n.Need} ({code})" : n.Need, n.Pupils)).ToList()),
        ],
        SenInformationFigureKind.PupilsByStage =>
        [
            new FigureTable("Pupils by stage of the graduated approach", ["Stage", .. Count],
                f.ByStage.Select(s => Row(s.Group, s.Pupils)).ToList()),
        ],
        SenInformationFigureKind.ParentMeetings =>
        [
            new FigureTable("Meetings with parents this year", ["", "Number"],
            [
                Row("Meetings with parents held", f.ParentMeetings),
                Row("Pupils whose parents we met", f.PupilsWhoseParentsWereMet),
            ]),
        ],
        SenInformationFigureKind.Provision =>
        [
            new FigureTable("Interventions and support running this year", ["Provision", .. Count],
                f.Provision.Select(p => Row(p.Provision, p.Pupils)).ToList()),
        ],
        SenInformationFigureKind.TrainingNeeds =>
        [
            new FigureTable("Staff training planned this year (from the SENCo's CPD audit)", ["Area for training"],
                f.TrainingNeeds.Select(t => (IReadOnlyList<string>)[t]).ToList()),
        ],
        _ => [],
    };

    private static IReadOnlyList<string> Row(string label, int number) => [label, number.ToString(CultureInfo.InvariantCulture)];
}
