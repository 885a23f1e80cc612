package dev.workstreams.web;

import io.javalin.http.Context;
import java.util.function.BooleanSupplier;

/** {@code /healthz}: the process answers. {@code /readyz}: and its database does too. */
final class HealthRoutes {
  private final BooleanSupplier databaseReachable;

  HealthRoutes(BooleanSupplier databaseReachable) {
    this.databaseReachable = databaseReachable;
  }

  void health(Context ctx) {
    ctx.contentType("application/json").result("{\"status\":\"ok\"}");
  }

  void readiness(Context ctx) {
    if (databaseReachable.getAsBoolean()) {
      ctx.contentType("application/json").result("{\"status\":\"ready\"}");
    } else {
      ctx.status(503).contentType("application/json").result("{\"status\":\"database unreachable\"}");
    }
  }
}
