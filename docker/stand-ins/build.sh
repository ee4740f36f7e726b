#!/usr/bin/env bash
# Builds stand-ins for the base images the Dockerfile and docker-compose.yml name, on the Docker
# engine that DOCKER_HOST points at, for a machine that reaches no image registry but Debian's
# mirror and Maven Central (this project's CI):
#   eclipse-temurin:17-jre, eclipse-temurin:17-jdk  Debian 12 with its OpenJDK 17 (temurin.Dockerfile)
#   apache/kafka:4.2.1                              the Kafka 4.2.1 server from Maven Central (kafka/)
# One Debian root filesystem serves all three: mmdebstrap makes it with every package they need in a
# single run (apt's parallel downloads, no apt run inside a build): about a minute here, where
# debootstrap followed by three apt-get runs in the builds took four to five.
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
# procps is for the Kafka image (its scripts use ps); the JDK is removed again from the JRE image.
# Its temporary root (and the /proc it mounts there) lives under WORK_DIR, which the caller cleans up.
TMPDIR=$work mmdebstrap --variant=minbase --include=ca-certificates,curl,wget,procps,openjdk-17-jdk-headless \
  bookworm "$work/rootfs.tar" "$mirror" > "$work/mmdebstrap.log" 2>&1 \
  || { tail -20 "$work/mmdebstrap.log"; exit 1; }
docker import "$work/rootfs.tar" compose-test/debian-openjdk-17:bookworm > /dev/null
rm -f "$work/rootfs.tar"
step "Debian 12 root filesystem with OpenJDK 17 from $mirror (mmdebstrap), imported"

mkdir -p "$work/temurin/ca-certificates"
cp "$here/temurin.Dockerfile" "$work/temurin/Dockerfile"
# Where HTTPS goes through an inspecting proxy, the host trusts its authority, and so must apt and
# Maven inside the builds.
find /usr/local/share/ca-certificates -maxdepth 1 -name '*.crt' -exec cp {} "$work/temurin/ca-certificates/" \; \
  2> /dev/null || true
build --build-arg BASE=compose-test/debian-openjdk-17:bookworm --build-arg VARIANT=jre \
  -t eclipse-temurin:17-jre "$work/temurin"
build --build-arg BASE=compose-test/debian-openjdk-17:bookworm --build-arg VARIANT=jdk \
  -t eclipse-temurin:17-jdk "$work/temurin"
step "eclipse-temurin:17-jre and eclipse-temurin:17-jdk"

cp -a "$here/kafka" "$work/kafka"
"$project/mvnw" -B -q -f "$here/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$work/kafka/libs"
rm -rf "$here/kafka/target"
step "Kafka 4.2.1 jars"
build -t apache/kafka:4.2.1 "$work/kafka"
step "apache/kafka:4.2.1"
