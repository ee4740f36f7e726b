#!/usr/bin/env bash
# Builds stand-ins for the base images the Dockerfile and docker-compose.yml name, on the Docker
# engine that DOCKER_HOST points at, for a machine that reaches no image registry but Debian's
# mirror and Maven Central (this project's CI):
#   eclipse-temurin:17-jre, eclipse-temurin:17-jdk  Debian 12 with its OpenJDK 17 (temurin.Dockerfile)
#   apache/kafka:4.2.1                              the Kafka 4.2.1 server from Maven Central (kafka/)
# A machine that can pull from Docker Hub needs none of this.
#
# Usage (as root, from anywhere): docker/stand-ins/build.sh WORK_DIR
# WORK_DIR receives the Debian root filesystem and the build contexts; the caller removes it.
set -euo pipefail

work=${1:?usage: $0 WORK_DIR}
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$work"

# The engine's bridge networks have no NAT to the outside here, so a build's RUN steps use the
# host's network for apt and Maven.
build() {
  DOCKER_BUILDKIT=1 docker build --network host --quiet "$@" > /dev/null
}

step() {
  echo "stand-ins: $1 ($((SECONDS - step_started)) s)"
  step_started=$SECONDS
}
step_started=$SECONDS
debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log"; exit 1; }
rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/*
tar -C "$work/rootfs" -c . | docker import - compose-test/debian:bookworm > /dev/null
rm -rf "$work/rootfs"
step "Debian 12 root filesystem from $mirror, imported"

mkdir -p "$work/temurin/ca-certificates"
cp "$here/temurin.Dockerfile" "$work/temurin/Dockerfile"
# Where HTTPS goes through an inspecting proxy, the host trusts its authority, and so must apt and
# Maven inside the builds.
find /usr/local/share/ca-certificates -maxdepth 1 -name '*.crt' -exec cp {} "$work/temurin/ca-certificates/" \; \
  2> /dev/null || true
build --build-arg BASE=compose-test/debian:bookworm --build-arg JAVA_PACKAGE=openjdk-17-jre-headless \
  -t eclipse-temurin:17-jre "$work/temurin"
step "eclipse-temurin:17-jre"
build --build-arg BASE=eclipse-temurin:17-jre --build-arg JAVA_PACKAGE=openjdk-17-jdk-headless \
  -t eclipse-temurin:17-jdk "$work/temurin"
step "eclipse-temurin:17-jdk"

cp -a "$here/kafka" "$work/kafka"
"$project/mvnw" -B -q -f "$here/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$work/kafka/libs"
rm -rf "$here/kafka/target"
step "Kafka 4.2.1 jars"
build -t apache/kafka:4.2.1 "$work/kafka"
step "apache/kafka:4.2.1"
