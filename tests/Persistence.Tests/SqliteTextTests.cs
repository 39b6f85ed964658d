using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SendWorkflow.Persistence.Sqlite;
using SendWorkflow.Workflows.Runtime;

namespace SendWorkflow.Persistence.Tests;

/// <summary>
/// Instants, dates and enum names written and read as the same UTF-8 text that .NET's formatting and EF Core's converters
/// give (<see cref="SqliteText"/>, <see cref="EnumText"/>), so that EF Core and the writer read each other's rows.
/// </summary>
public sealed class SqliteTextTests
{
    private const string InstantFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    public static TheoryData<string> Instants =>
    [
        "2026-12-01 00:00:00", "2026-12-01 23:59:59.9999999", "0001-01-01 00:00:00", "9999-12-31 23:59:59.1",
        "2024-02-29 12:30:05.05", "2026-09-01 07:00:00.0000001", "1999-10-10 10:10:10.123",
    ];

    [Theory]
    [MemberData(nameof(Instants))]
    public void AnInstant_IsWrittenAndReadAsDotNetWritesAndReadsIt(string text)
    {
        var instant = DateTime.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(instant.ToString(InstantFormat, CultureInfo.InvariantCulture), Encoding.UTF8.GetString(SqliteText.Instant(instant)));
        var read = SqliteText.ReadInstant(Encoding.UTF8.GetBytes(text));
        Assert.Equal(instant, read);
        Assert.Equal(DateTimeKind.Unspecified, read.Kind);
    }

    [Fact]
    public void ManyInstants_RoundTripToTheTick()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            // Whole seconds, milliseconds and single ticks: the fraction's trailing zeros are left out.
            var instant = new DateTime(i % 3 == 0 ? ticks - ticks % TimeSpan.TicksPerSecond : i % 3 == 1 ? ticks - ticks % 10_000 : ticks);
            var text = SqliteText.Instant(instant);
            Assert.Equal(instant.ToString(InstantFormat, CultureInfo.InvariantCulture), Encoding.UTF8.GetString(text));
            Assert.Equal(instant, SqliteText.ReadInstant(text));
        }
    }

    [Theory]
    [InlineData("2026-12-01T10:15:00")]
    [InlineData("2026-12-01 10:15")]
    [InlineData("2026-12-01 10:15:00.12345678")]
    public void TextInAnotherShape_IsReadAsDateTimeParseReadsIt(string text) =>
        Assert.Equal(DateTime.Parse(text, CultureInfo.InvariantCulture), SqliteText.ReadInstant(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("2026-02-30 10:00:00")]
    [InlineData("2026-13-01 10:00:00")]
    [InlineData("not a date at all!!")]
    public void TextThatIsNoInstant_IsRefusedAsDateTimeParseRefusesIt(string text) =>
        Assert.Throws<FormatException>(() => SqliteText.ReadInstant(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Dates_AreWrittenAndReadAsDotNetWritesAndReadsThem()
    {
        for (var date = new DateOnly(2024, 1, 1); date < new DateOnly(2029, 1, 1); date = date.AddDays(1))
        {
            var text = SqliteText.Date(date);
            Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Encoding.UTF8.GetString(text));
            Assert.Equal(date, SqliteText.ReadDate(text));
        }
        Assert.Equal(new DateOnly(1, 1, 1), SqliteText.ReadDate("0001-01-01"u8));
        Assert.Throws<FormatException>(() => SqliteText.ReadDate("2026-02-30"u8));
    }

    [Fact]
    public void EnumNames_AreTheConvertersOwn_AndOnlyForItsConverter()
    {
        var converter = new EnumToStringConverter<WorkTaskStatus>();
        var names = EnumText.Of(converter)!;
        foreach (var state in Enum.GetValues<WorkTaskStatus>())
        {
            Assert.Equal((string)converter.ConvertToProvider(state)!, Encoding.UTF8.GetString(names.Name(state)!));
            Assert.Equal(state, names.Value(Encoding.UTF8.GetBytes(state.ToString())));
        }
        Assert.Null(names.Value("open"u8));
        Assert.Null(names.Name((WorkTaskStatus)99));
        Assert.Null(EnumText.Of(new EnumToNumberConverter<WorkTaskStatus, int>()));
        Assert.Null(EnumText.Of(null));
    }
}
