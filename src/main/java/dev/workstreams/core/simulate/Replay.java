package dev.workstreams.core.simulate;

import dev.workstreams.core.schedule.WorkDuration;

/**
 * One simulated run of a plan at one review capacity ({@code max_parallel}).
 *
 * @param wallTime     from the first agent's start to the last merge
 * @param reviewerIdle time within the wall time when the reviewer had nothing ready to review
 */
public record Replay(int capacity, WorkDuration wallTime, WorkDuration reviewerIdle) {}
