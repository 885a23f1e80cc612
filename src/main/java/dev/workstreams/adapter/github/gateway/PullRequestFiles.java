package dev.workstreams.adapter.github.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workstreams.port.ChangedFile;
import dev.workstreams.port.ChangedFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pull request's changed files. GitHub lists at most 3,000 files of a pull request, 100 per page
 * at most (30 by default), so 30 full pages reach the cap. A listing that fills the cap, or that
 * still offers a next page after 30, cannot show that nothing was left out, and is marked
 * incomplete. Below the cap GitHub lists every file, so the pull request's {@code changed_files}
 * count is not needed, and is not fetched: that would cost a call on every push.
 */
final class PullRequestFiles {

  static final int LISTING_CAP = 3_000;
  private static final int PER_PAGE = 100;
  private static final int MAX_PAGES = LISTING_CAP / PER_PAGE;

  private final RestCalls rest;
  private final String repo;

  PullRequestFiles(RestCalls rest, String repo) {
    this.rest = rest;
    this.repo = repo;
  }

  ChangedFiles list(int pullRequest) throws IOException {
    RestCalls.Listing listing = rest.list(repo + "/pulls/" + pullRequest + "/files?per_page=" + PER_PAGE, MAX_PAGES);
    List<ChangedFile> files = new ArrayList<>();
    for (JsonNode file : listing.items()) {
      // previous_filename is present only on renamed files (status "renamed")
      JsonNode previous = file.path("previous_filename");
      files.add(new ChangedFile(file.path("filename").asText(),
          previous.isTextual() ? Optional.of(previous.asText()) : Optional.empty()));
    }
    return new ChangedFiles(files, !listing.more() && files.size() < LISTING_CAP);
  }
}
