# One Dockerfile for every service: docker-compose passes the Maven module to run as MODULE, and the
# port it listens on as PORT (8080 unless given). Stage 1 builds the executable jars of all four
# services (producer-service, fanout-consumers, queue-workers, dashboard) with the Maven wrapper. It
# does not depend on MODULE, so `docker compose up --build` runs it once and the other images take
# it from the build cache. Stage 2 runs the module's jar on a JRE.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# The cache mount keeps downloaded dependencies between builds.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl producer-service,fanout-consumers,queue-workers,dashboard -am -DskipTests package

FROM eclipse-temurin:17-jre
ARG MODULE
# curl serves the compose health checks. The Temurin images ship it; install it only if a base
# image lacks it.
RUN (command -v curl > /dev/null \
      || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)) \
    && useradd --system --uid 10001 --home-dir /app app \
    && mkdir -p /app /data && chown app /data
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}.jar /app/app.jar
USER app
# Size the heap from the container's memory limit, and leave room for metaspace and threads. On the
# command line rather than in JAVA_TOOL_OPTIONS, which makes every JVM print "Picked up
# JAVA_TOOL_OPTIONS" first; change them with JAVA_OPTS.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
ARG PORT=8080
EXPOSE ${PORT}
# exec: java is the container's process 1 and gets its SIGTERM, for a graceful shutdown.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "app"]
