package dev.workstreams.adapter.agent.profile;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} in a profile's environment values, taken from the server's environment. Only
 * this form is expanded; any other {@code $} stays as written.
 */
final class EnvTemplate {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final Map<String, String> serverEnvironment;

  EnvTemplate(Map<String, String> serverEnvironment) {
    this.serverEnvironment = serverEnvironment;
  }

  /** The expanded value; each name the server's environment lacks goes to {@code missing}. */
  String expand(String template, Consumer<String> missing) {
    Matcher m = REFERENCE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Optional<String> value = Optional.ofNullable(serverEnvironment.get(m.group(1)));
      if (value.isEmpty()) {
        missing.accept(m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.orElse("")));
    }
    m.appendTail(out);
    return out.toString();
  }
}
