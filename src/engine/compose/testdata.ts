// Compose files shared by the tests (imported by tests only).

export const REALISTIC = `# A web front end and the store it keeps its data in.
version: "3.8"

x-defaults: &defaults
  restart: unless-stopped
  init: true

services:
  web:
    <<: *defaults
    build:
      context: ./web
      args:
        GREETING: \${GREETING:-hello}
    image: shop-web:\${TAG:-dev}
    command: ["httpd", "-f", "-p", "80"]
    environment:
      STORE_URL: http://store:6379
      DEBUG: true
      FROM_HOST:
    ports:
      - "8080:80"
    volumes:
      - ./site:/www:ro
    depends_on:
      store:
        condition: service_healthy
    healthcheck:
      test: wget -q -O- http://localhost/ || exit 1
      interval: 10s
      retries: 3
  store:
    <<: *defaults
    image: busybox
    command: sh -c 'while true; do sleep 1; done'
    volumes:
      - data:/data
    healthcheck:
      test: ["CMD", "test", "-d", "/data"]
      interval: 5s
      timeout: 2s
    mem_limit: 64m
    pids_limit: 50
    cpus: 0.5
    stop_grace_period: 1m30s
    labels:
      - com.example.role=store

volumes:
  data:
`;
