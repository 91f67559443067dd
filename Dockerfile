# One image recipe for every newsflow service, chosen by build arguments (see docker-compose.yml):
#   docker build --build-arg MODULE=enrich-service --build-arg MAIN_CLASS=io.newsflow.enrich.EnrichService \
#                --build-arg PORT=8082 -t newsflow/enrich .
FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package -pl "${MODULE}" -am

FROM eclipse-temurin:17-jre
ARG MODULE
ARG MAIN_CLASS
ARG PORT
WORKDIR /app
COPY --from=build /src/${MODULE}/target/classes /app/classes
COPY --from=build /src/${MODULE}/target/lib /app/lib
ENV NEWSFLOW_HTTP_HOST=0.0.0.0 NEWSFLOW_HTTP_PORT=${PORT} MAIN_CLASS=${MAIN_CLASS}
EXPOSE ${PORT}
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=75 -cp '/app/classes:/app/lib/*' \"$MAIN_CLASS\""]
