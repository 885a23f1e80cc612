package dev.workstreams.core.reconcile;

import dev.workstreams.core.schedule.WorkstreamState;
import java.util.Optional;

/** One row of the tracking comment; {@code detail} explains the state (queue place, reason). */
public record WorkstreamStatus(
    String taskId, String title, int mergeOrder, Optional<Integer> pullRequest, WorkstreamState state, String detail) {}
