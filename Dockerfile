# Werkplek's container image: built with the Go toolchain, run as a non-root
# user in a minimal image with CA certificates and time zone data.
#   docker build -t werkplek .
#   docker run --env-file .env -p 8080:8080 werkplek
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# CGO off: the SQLite driver is pure Go, so the binary needs no C library.
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.Version=${VERSION}" -o /out/werkplek ./bot

FROM gcr.io/distroless/static-debian12:nonroot
# distroless/static carries CA certificates and /usr/share/zoneinfo; Go's
# embedded tzdata is a second safety net for WERKPLEK_TIMEZONE.
COPY --from=build /out/werkplek /usr/local/bin/werkplek
USER nonroot:nonroot
WORKDIR /data
ENV WERKPLEK_LISTEN=:8080 \
    WERKPLEK_DATABASE_URL=sqlite:/data/werkplek.db
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/usr/local/bin/werkplek", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/werkplek"]
CMD ["serve"]
