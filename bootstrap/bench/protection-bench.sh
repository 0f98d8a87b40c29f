#!/usr/bin/env bash
# Disclosure control's cost (JMH, domain/src/test/java/fi/palaute/domain/report/bench/DisclosureControlBenchmark.java):
# milliseconds to protect one year of counts by every dimension, which every report does whatever its breakdown
# (every table of the year is decided together), for the shape of `generate-answers` and for a bank's programme
# of twenty surveys. Extra arguments go to JMH (e.g. -wi 1 -i 3 for a quick look).
#   bash bootstrap/bench/protection-bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -ntp -pl domain -am install -DskipTests
mvn -B -q -ntp -pl domain test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/domain/target/bench-classpath.txt"
java -cp "domain/target/test-classes:domain/target/classes:$(cat domain/target/bench-classpath.txt)" \
  org.openjdk.jmh.Main 'DisclosureControlBenchmark' "$@"
