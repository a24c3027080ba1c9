# Builds every service image from this repository: docker build --target referral-api -t referrals/referral-api .
# (docker-compose.yml builds all of them.)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

# One-shot: registers every catalogue schema at the registry (services never auto-register).
FROM build AS schema-registrar
ENTRYPOINT ["./mvnw", "-B", "-q", "-o", "-pl", "schemas", "exec:java@registrar"]

FROM eclipse-temurin:17-jre AS service-base
RUN useradd --system --uid 10001 referrals
USER referrals
WORKDIR /app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC"

FROM service-base AS referral-api
COPY --from=build /src/referral-api/target/referral-api-*-exec.jar /app/app.jar
EXPOSE 8080 9080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

FROM service-base AS referral-processor
COPY --from=build /src/referral-processor/target/referral-processor-*-exec.jar /app/app.jar
EXPOSE 8082 9082
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

FROM service-base AS notification-worker
COPY --from=build /src/notification-worker/target/notification-worker-*-exec.jar /app/app.jar
EXPOSE 8083 9083
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
