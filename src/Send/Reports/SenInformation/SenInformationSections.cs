namespace SendWorkflow.Send.Reports.SenInformation;

/// <summary>The report's sections in the order schools publish them (Code of Practice 6.79-6.83; the 2014 regulations, schedule 1).</summary>
public static class SenInformationSections
{
    public static readonly IReadOnlyList<SenInformationSection> All =
    [
        new("kinds-of-sen", "The kinds of special educational needs we provide for",
            "The four broad areas of need (communication and interaction; cognition and learning; social, emotional and mental health; "
            + "sensory and physical) and what the school is set up to meet.", SenInformationFigureKind.PupilsByNeed),
        new("identifying-and-assessing", "How we identify and assess pupils with SEN",
            "How a concern is raised and looked into, the graduated approach (assess, plan, do, review) and when a pupil is placed "
            + "on the SEN register.", SenInformationFigureKind.PupilsByStage),
        new("consulting-parents", "How we consult parents and involve them in their child's education",
            "Meetings with parents at least three times a year, the record they are given, and how parents can raise a concern.",
            SenInformationFigureKind.ParentMeetings),
        new("consulting-pupils", "How we consult pupils and involve them in their education",
            "How pupils' views are gathered and shape their targets and reviews."),
        new("assessing-progress", "How we assess and review progress towards outcomes",
            "Targets and how often they are reviewed, who takes part, and how parents and pupils hear the outcome."),
        new("transitions", "Moving between phases and preparing for adulthood",
            "Starting school, moving class, moving to secondary school or college, and preparing for adult life."),
        new("teaching-approach", "Our approach to teaching pupils with SEN",
            "High-quality teaching adapted for each pupil, and the interventions the school offers.", SenInformationFigureKind.Provision),
        new("adaptations", "How we adapt the curriculum and the learning environment",
            "Adjustments to lessons, resources, the building and access arrangements for tests."),
        new("staff-expertise", "The expertise and training of our staff",
            "The SENCo's qualification and experience, the training staff have had and what is planned, and specialist expertise "
            + "the school draws on.", SenInformationFigureKind.TrainingNeeds),
        new("evaluating-provision", "How we evaluate the effectiveness of our provision",
            "How the impact of interventions is measured, and how the SENCo, leaders and governors review it."),
        new("activities", "How pupils with SEN take part in activities with other pupils",
            "Clubs, trips, residentials and events, and the adjustments made so every pupil can join in."),
        new("emotional-social", "Support for emotional and social development",
            "Pastoral support, help with listening to pupils' views, and the measures that prevent bullying."),
        new("other-bodies", "Working with other bodies: health, social care and the local authority",
            "The services the school works with (speech and language therapy, educational psychology, CAMHS, social care, the local "
            + "authority's SEND team) and how families are supported through them."),
        new("complaints", "Complaints about SEN provision",
            "How parents can complain about the provision for their child, and who to contact first."),
        new("senco-contact", "Contact details of our SENCo",
            "The SENCo's name and how to reach them (a school email address and telephone number, not a personal one)."),
        new("local-offer", "The local authority's local offer",
            "Where to find the local authority's local offer, and the school's part in it."),
    ];

    public static SenInformationSection? Find(string? id) => All.FirstOrDefault(s => s.Id == id);
}
