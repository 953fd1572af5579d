namespace ConferenceApp.Domain;

/// <summary>A block's place across its column: lane <see cref="Lane"/> (from 0) of <see cref="LaneCount"/> equal lanes.</summary>
public readonly record struct LanePlace(int Lane, int LaneCount);

/// <summary>
/// Splits a grid column among blocks whose times overlap, so that they sit side by side instead of
/// on top of each other. Blocks that touch (one ends when the next starts) do not overlap.
/// </summary>
public static class ScheduleLanes
{
    /// <summary>
    /// Assigns lanes to the intervals of one column, given as start and end minutes. Each group
    /// of intervals linked by overlaps gets as many lanes as the maximum number of intervals that
    /// overlap at one time, and each interval takes the lowest lane that is free at its start.
    /// Returns one place per interval, in the order given.
    /// </summary>
    public static IReadOnlyList<LanePlace> Assign(IReadOnlyList<(int Start, int End)> intervals)
    {
        var places = new LanePlace[intervals.Count];
        var order = Enumerable.Range(0, intervals.Count)
            .OrderBy(i => intervals[i].Start).ThenByDescending(i => intervals[i].End).ThenBy(i => i)
            .ToList();

        var group = new List<(int Index, int Lane)>();
        var laneEnds = new List<int>();
        var groupEnd = int.MinValue;

        foreach (var index in order)
        {
            var (start, end) = intervals[index];
            if (group.Count > 0 && start >= groupEnd)
            {
                Close(group, laneEnds.Count, places);
                laneEnds.Clear();
            }

            var lane = laneEnds.FindIndex(laneEnd => laneEnd <= start);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(end);
            }
            else
            {
                laneEnds[lane] = end;
            }

            group.Add((index, lane));
            groupEnd = group.Count == 1 ? end : Math.Max(groupEnd, end);
        }

        Close(group, laneEnds.Count, places);
        return places;
    }

    private static void Close(List<(int Index, int Lane)> group, int laneCount, LanePlace[] places)
    {
        foreach (var (index, lane) in group)
        {
            places[index] = new LanePlace(lane, laneCount);
        }

        group.Clear();
    }
}
