package dev.workstreams.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON configuration of the App: every mapper in it comes from here, so intake's check of a
 * delivery, the handlers that read it, the GitHub clients and the CLI parse under the same limits.
 * The limits are written out (they are Jackson 2.21's defaults) so that a library upgrade cannot
 * move them unnoticed; the README lists them as intake's 400 reasons. This package depends on
 * nothing of the project, so core, workflows and adapters may all use it.
 */
public final class Json {
  /** Characters in one string value. */
  public static final int MAX_STRING_LENGTH = 20_000_000;
  /** Objects and arrays inside one another. */
  public static final int MAX_NESTING_DEPTH = 1_000;
  /** Characters of one number. */
  public static final int MAX_NUMBER_LENGTH = 1_000;
  /** Characters of one property name. */
  public static final int MAX_NAME_LENGTH = 50_000;

  private Json() {}

  /**
   * A mapper of the one configuration. A new one each call, because an {@code ObjectMapper} can be
   * reconfigured: no site can change what another site gets. Needs beyond it (pretty printing) are
   * derived writers ({@code mapper().writerWithDefaultPrettyPrinter()}), not a second configuration.
   */
  public static ObjectMapper mapper() {
    return new ObjectMapper(factory());
  }

  private static JsonFactory factory() {
    StreamReadConstraints limits = StreamReadConstraints.builder()
        .maxStringLength(MAX_STRING_LENGTH)
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxNameLength(MAX_NAME_LENGTH)
        .build();
    return JsonFactory.builder().streamReadConstraints(limits).build();
  }
}
