# Builds and runs ProfileHub; used by docker-compose.yml.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build fetches GraphiQL's browser assets with npm (src/ProfileHub.GraphQL/ProfileHub.GraphQL.csproj) and
# fails without them: the SDK image has no Node.js, so it is installed from the distribution's packages.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/ProfileHub.Server -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "profilehub.dll"]
