using DataArtsQuality.Client;
using DataArtsQuality.Models;
using Xunit;

namespace DataArtsQuality.Tests;

public class DqcIdsTests
{
    [Theory]
    [InlineData("1440764172232392705", DqcIds.Problem.None)]
    [InlineData(" 1283480044387540993 ", DqcIds.Problem.None)]
    [InlineData("9223372036854775807", DqcIds.Problem.None)]
    [InlineData("9223372036854775808", DqcIds.Problem.OutOfRange)]
    [InlineData("14407641722323927051", DqcIds.Problem.OutOfRange)]
    [InlineData("", DqcIds.Problem.Empty)]
    [InlineData("   ", DqcIds.Problem.Empty)]
    [InlineData(null, DqcIds.Problem.Empty)]
    [InlineData("job-1", DqcIds.Problem.NotNumeric)]
    [InlineData("-5", DqcIds.Problem.NotPositive)]
    [InlineData("-1440764172232392705", DqcIds.Problem.NotPositive)]
    [InlineData("-1.44076417223239E+18", DqcIds.Problem.NotPositive)]
    [InlineData("12.5", DqcIds.Problem.NotNumeric)]
    [InlineData("1.44076417223239E+18", DqcIds.Problem.LostPrecision)]
    [InlineData("1.4407641722323927E+18", DqcIds.Problem.LostPrecision)]
    // object: the enum is internal, the test method public
    public void Check_classifies_text(string? input, object expected)
    {
        Assert.Equal((DqcIds.Problem)expected, DqcIds.Check(input, out _));
    }

    [Fact]
    public void Doubles_above_2_pow_53_are_refused_and_small_ones_are_exact()
    {
        Assert.Equal(DqcIds.Problem.LostPrecision, new DqcId(1440764172232392705d).Problem);
        var small = new DqcId(4503599627370496d);
        Assert.True(small.IsValid);
        Assert.Equal("4503599627370496", small.Value);
        Assert.Equal(DqcIds.Problem.NotNumeric, new DqcId(12.5d).Problem);
    }

    [Fact]
    public void Integers_and_decimals_keep_every_digit()
    {
        Assert.Equal("1440764172232392705", new DqcId(1440764172232392705L).Value);
        Assert.Equal("1440764172232392705", new DqcId(1440764172232392705m).Value);
        Assert.Equal(DqcIds.Problem.OutOfRange, new DqcId(99999999999999999999m).Problem);
    }

    [Fact]
    public void Every_integral_shape_is_exact()
    {
        Assert.Equal("1440764172232392705", new DqcId(1440764172232392705UL).Value);
        Assert.True(new DqcId(1440764172232392705UL).IsValid);
        Assert.Equal(DqcIds.Problem.OutOfRange, new DqcId(9223372036854775808UL).Problem);
        Assert.Equal("1440764172232392705", new DqcId(System.Numerics.BigInteger.Parse("1440764172232392705")).Value);
        Assert.Equal(DqcIds.Problem.OutOfRange,
            new DqcId(System.Numerics.BigInteger.Parse("9223372036854775808")).Problem);
        Assert.Equal("1440764172232392705", new DqcId(1440764172232392705.0m).Value);
        Assert.Equal(DqcIds.Problem.NotNumeric, new DqcId(12.5m).Problem);
        Assert.Equal(DqcIds.Problem.NotPositive, new DqcId(-5L).Problem);
        Assert.Equal(DqcIds.Problem.NotPositive, new DqcId(-1440764172232392705d).Problem);
    }

    [Fact]
    public void Each_problem_has_one_error_id_and_says_why()
    {
        Assert.Equal("DqcIdNotPositive", DqcIds.ErrorId(DqcIds.Problem.NotPositive));
        Assert.Equal("DqcIdOutOfRange", DqcIds.ErrorId(DqcIds.Problem.OutOfRange));
        Assert.Equal("DqcIdLostPrecision", DqcIds.ErrorId(DqcIds.Problem.LostPrecision));
        Assert.Contains("IDs are positive", DqcIds.Describe(DqcIds.Problem.NotPositive, "rule ID", "-5"));
        Assert.Contains("signed 64-bit", DqcIds.Describe(DqcIds.Problem.OutOfRange, "rule ID", "9223372036854775808"));
    }

    [Theory]
    [InlineData("Quality", DqcRuleType.Quality)]
    [InlineData("comparison", DqcRuleType.Comparison)]
    [InlineData("1", DqcRuleType.Quality)]
    [InlineData("2", DqcRuleType.Comparison)]
    [InlineData("QUALITY_TASK", DqcRuleType.Quality)]
    [InlineData("CONSISTENCY_TASK", DqcRuleType.Comparison)]
    public void Rule_types_parse_in_every_spelling(string input, DqcRuleType expected)
    {
        Assert.True(DqcRuleTypes.TryParse(input, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("Nightly")]
    [InlineData("")]
    public void Other_rule_types_are_refused(string input)
    {
        Assert.False(DqcRuleTypes.TryParse(input, out _));
        Assert.False(DqcRuleTypes.TryParse(3, out _));
        Assert.False(DqcRuleTypes.TryParse((DqcRuleType)7, out _));
    }
}
