# syntax=docker/dockerfile:1
# workstreams: build with the Maven Wrapper on a JDK, run on a JRE as a non-root user.
#   docker build -t workstreams .
#   docker run -p 3000:3000 -v workstreams-data:/data \
#     --security-opt seccomp=unconfined --security-opt apparmor=unconfined workstreams
# (the two options let bubblewrap create the namespaces agents run in; see the README, "Agent sandbox")

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY app-manifest.yml ./
COPY src/ src/
# Tests need services (PostgreSQL) and run in CI; the image build only packages.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# bubblewrap sandboxes every agent process (AGENT_SANDBOX=bwrap, the default). prlimit, for limits
# where the server may not create cgroups (as this uid may not), comes with util-linux, already there.
RUN apt-get update -q \
 && apt-get install -y -q --no-install-recommends bubblewrap \
 && rm -rf /var/lib/apt/lists/*
# A fixed uid, above Ubuntu's 1000, so volume ownership is predictable across rebuilds.
RUN groupadd --system --gid 10001 workstreams \
 && useradd --system --uid 10001 --gid workstreams --home-dir /data --no-create-home workstreams \
 && mkdir -p /data \
 && chown workstreams:workstreams /data \
 && chmod 700 /data
COPY --from=build /src/target/workstreams.jar /app/workstreams.jar
ENV DATA_DIR=/data \
    PORT=3000
VOLUME ["/data"]
EXPOSE 3000
USER workstreams
# The JRE image has neither curl nor wget: ask /healthz over bash's /dev/tcp with plain HTTP/1.0.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-3000} && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/workstreams.jar"]
