# Shell functions shared by ./keel and bench/run; source it, do not run it.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

find_jdk() {
  local candidates=("${JAVA_HOME:-}")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  candidates+=(/usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home)
  for home in "${candidates[@]}"; do
    # javac too: a JRE runs Keel but cannot build it
    if [ -n "$home" ] && [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] \
        && [ "$(java_major "$home" 2>/dev/null || echo 0)" -ge 25 ] 2>/dev/null; then
      echo "$home"
      return 0
    fi
  done
  return 1
}

# Exports JAVA_HOME and PATH for a JDK >= 25, or says why not and exits. $1 names the caller in messages.
use_jdk() {
  if ! JAVA_HOME=$(find_jdk); then
    echo "$1: no JDK 25 or newer found (looked at JAVA_HOME, java on PATH and /usr/lib/jvm; a JRE is not enough)." >&2
    echo "$1: install one (for example Temurin 25) and/or point JAVA_HOME at it." >&2
    exit 1
  fi
  export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
}

# The extracted layout (plain jars in lib/) starts faster and lets the embedded Elasticsearch
# launcher hand its own jar to the child JVM.
extract_app() {
  rm -rf app/target/keel-run
  java -Djarmode=tools -jar app/target/keel.jar extract --destination app/target/keel-run
}
