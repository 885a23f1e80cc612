package dev.workstreams.adapter.dashboard;

import java.time.Instant;

/** One thing the App did or saw for a plan, as the plan page's timeline lists it (newest first). */
public record TimelineEntry(Instant at, String text) {}
