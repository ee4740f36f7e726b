# Stand-in for eclipse-temurin:17-jre and eclipse-temurin:17-jdk, for .ci/compose-test on a machine
# that can reach no image registry (build.sh builds it). BASE is a Debian 12 root filesystem made
# with mmdebstrap, with OpenJDK 17's JDK, curl and wget, and imported; VARIANT is jre (the JDK's
# own package removed: no javac) or jdk. Like the official image it has Java under /opt/java/openjdk
# on the PATH, curl and wget, and no apt lists; unlike it, the base is Debian rather than Ubuntu and
# the build is Debian's OpenJDK 17.
ARG BASE
FROM ${BASE}
ARG VARIANT
# The certificate authorities the host trusts: where HTTPS goes through an inspecting proxy, Maven
# and apt inside the build need them as the host does. Empty on an ordinary machine.
COPY ca-certificates/ /usr/local/share/ca-certificates/
RUN case "${VARIANT}" in \
      jre) dpkg --purge openjdk-17-jdk-headless > /dev/null ;; \
      jdk) ;; \
      *) echo "VARIANT must be jre or jdk" >&2; exit 1 ;; \
    esac \
    && update-ca-certificates > /dev/null \
    && mkdir -p /opt/java && ln -sfn /usr/lib/jvm/java-17-openjdk-amd64 /opt/java/openjdk \
    && rm -rf /var/lib/apt/lists/*
ENV JAVA_HOME=/opt/java/openjdk \
    PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8
