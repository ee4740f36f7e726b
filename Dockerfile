# One Dockerfile for every service: docker-compose passes the Maven module to build as MODULE.
# Stage 1 builds the module's executable jar with the Maven wrapper; stage 2 runs it on a JRE.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG MODULE
# The cache mount keeps downloaded dependencies between builds of the four images.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl ${MODULE} -am -DskipTests package

FROM eclipse-temurin:17-jre
ARG MODULE
# curl serves the compose health checks.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app app \
    && mkdir -p /app /data && chown app /data
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}.jar /app/app.jar
USER app
# Size the heap from the container's memory limit, and leave room for metaspace and threads.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
