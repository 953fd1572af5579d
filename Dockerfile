# Builds and runs ConferenceApp. On SQLite the database (with the Data Protection keys in it)
# lives in /data, which docker-compose.yml mounts as a named volume.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/ConferenceApp/ConferenceApp.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__DefaultConnection="Data Source=/data/conference.db"
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "ConferenceApp.dll"]
