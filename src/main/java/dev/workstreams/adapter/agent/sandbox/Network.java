package dev.workstreams.adapter.agent.sandbox;

/** What network an agent sees: the host's ({@code full}) or none at all ({@code none}, a network namespace of its own). */
public enum Network {
  FULL,
  NONE
}
