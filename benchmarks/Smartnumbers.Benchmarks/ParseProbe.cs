using System.Diagnostics;
using System.Globalization;
using PhoneNumbers;

namespace Smartnumbers.Benchmarks;

/// <summary>Times libphonenumber's calls one by one (where the decision's time goes).</summary>
internal static class ParseProbe
{
    public static void Run()
    {
        var util = PhoneNumberUtil.GetInstance();
        string[] numbers = ["+447984223456", "+441614960123", "+33142685300", "+447700900123"];
        var parsed = numbers.Select(n => util.Parse(n, "ZZ")).ToArray();
        Time("Parse", i => util.Parse(numbers[i % 4], "ZZ"));
        Time("IsValidNumber", i => util.IsValidNumber(parsed[i % 4]));
        Time("GetRegionCodeForNumber", i => util.GetRegionCodeForNumber(parsed[i % 4]));
        Time("GetNumberType", i => util.GetNumberType(parsed[i % 4]));
        Time("IsPossibleNumber", i => util.IsPossibleNumber(parsed[i % 4]));
        Time("Format E164", i => util.Format(parsed[i % 4], PhoneNumberFormat.E164));
    }

    private static void Time(string name, Func<int, object> action)
    {
        for (var i = 0; i < 20_000; i++)
        {
            action(i);
        }
        const int n = 100_000;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++)
        {
            action(i);
        }
        var us = Stopwatch.GetElapsedTime(start).TotalMicroseconds / n;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {us:0.000} µs"));
    }
}
