package dev.workstreams.adapter.dashboard;

/** A repository a signed-in person reaches through one of the App's installations. */
public record ReachableRepository(long installationId, String fullName) {

  static ReachableRepository parse(String line) {
    int space = line.indexOf(' ');
    return new ReachableRepository(Long.parseLong(line.substring(0, space)), line.substring(space + 1));
  }

  String line() {
    return installationId + " " + fullName;
  }
}
