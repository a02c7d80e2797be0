#!/usr/bin/env bash
# The discovery index alone, in one JVM with default settings: build time, heap after a full GC and
# search latency for N generated events (docs/discovery-benchmark.md, "Index benchmark").
# Usage: bench/index-bench.sh N [QUERIES]   (after ./mvnw -B -o -pl backend test-compile)
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=backend/target/bench.classpath
if [ ! -s "$cp_file" ] || [ backend/pom.xml -nt "$cp_file" ]; then
  ./mvnw -B -q -pl backend org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp_file"
fi
# Mockito attaches its agent at run time (the Takedowns stub); the flag only silences the JDK's warning.
exec java -XX:+EnableDynamicAgentLoading \
  -cp "backend/target/classes:backend/target/test-classes:$(cat "$cp_file")" \
  org.tocsin.events.IndexBench "$@"
