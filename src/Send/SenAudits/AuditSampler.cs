using System.Buffers.Binary;

namespace SendWorkflow.Send.SenAudits;

/// <summary>
/// The audit's draw (seed 001: "two pupils at School Action and two at School Action Plus", today SEN support and SEN
/// support with outside agencies): at random, and reproducibly: the seed is derived from the audit's id and recorded, and
/// the same seed draws the same pupils from the same register (the candidates are taken in the order of their ids).
/// </summary>
public static class AuditSampler
{
    /// <summary>The pathway's states the audit draws from, in the order it draws, with how many of each.</summary>
    public static readonly IReadOnlyList<string> States = ["sen-support", "sen-support-agencies"];

    public const int PerStage = 2;

    /// <summary>The audit's seed: a non-negative number taken from its id.</summary>
    public static int SeedOf(Guid auditId) => BinaryPrimitives.ReadInt32LittleEndian(auditId.ToByteArray().AsSpan(12)) & int.MaxValue;

    /// <summary>Up to <see cref="PerStage"/> pupils of each of <see cref="States"/>; fewer where the register has fewer.</summary>
    public static IReadOnlyList<(string PupilId, string State)> Draw(int seed, IEnumerable<(string PupilId, string State)> register)
    {
        // A reproducible draw, not a secret: System.Random with a seed is the same sequence on every run.
#pragma warning disable CA5394
        var random = new Random(seed);
        var drawn = new List<(string, string)>();
        var candidates = register.ToList();
        foreach (var state in States)
        {
            var pool = candidates.Where(c => c.State == state).Select(c => c.PupilId).Distinct().Order(StringComparer.Ordinal).ToArray();
            for (var i = pool.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (pool[i], pool[j]) = (pool[j], pool[i]);
            }
            drawn.AddRange(pool.Take(PerStage).Select(p => (p, state)));
        }
#pragma warning restore CA5394
        return drawn;
    }
}
