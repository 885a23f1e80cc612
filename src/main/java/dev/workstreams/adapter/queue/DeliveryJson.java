package dev.workstreams.adapter.queue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON configuration for deliveries: intake checks a body with this mapper's parser and the
 * handlers read it with the same, so a body intake accepts is never one the handlers cannot parse.
 * The limits are written out (they are Jackson 2.21's defaults) so that a library upgrade cannot
 * move them unnoticed; the README lists them as intake's 400 reasons.
 */
public final class DeliveryJson {
  /** Characters in one string value. */
  public static final int MAX_STRING_LENGTH = 20_000_000;
  /** Objects and arrays inside one another. */
  public static final int MAX_NESTING_DEPTH = 1_000;
  /** Characters of one number. */
  public static final int MAX_NUMBER_LENGTH = 1_000;
  /** Characters of one property name. */
  public static final int MAX_NAME_LENGTH = 50_000;

  private DeliveryJson() {}

  public static ObjectMapper mapper() {
    StreamReadConstraints limits = StreamReadConstraints.builder()
        .maxStringLength(MAX_STRING_LENGTH)
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxNameLength(MAX_NAME_LENGTH)
        .build();
    return new ObjectMapper(JsonFactory.builder().streamReadConstraints(limits).build());
  }
}
