# Keel's one image; KEEL_ROLES picks what a container runs.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar app/target/keel.jar extract --destination /keel

FROM eclipse-temurin:25-jre
RUN useradd --system --home-dir /keel keel && mkdir /data && chown keel /data
COPY --from=build /keel /keel
USER keel
ENV KEEL_DATA_DIR=/data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health/readiness HTTP/1.0\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/keel/keel.jar"]
