package dev.workstreams.port;

/** The commit a branch points at and that commit's tree: what an empty commit on top needs. */
public record BranchHead(String commitSha, String treeSha) {}
