/*
 * Detached containers (docker run -d, docker start): their stdout and stderr, read from
 * pipes (or one pty master with -t), become the log's records, one per line:
 *   "o|e 2026-01-02T03:04:05.123456789Z text"   (O|E: the text had no newline at its end)
 * which docker logs reads back (src/engine/runtime/logs.ts).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "launcher.h"

struct stream { int fd; char tag; size_t len; char line[16384]; };
static char log_out[65536];
static size_t log_out_len;
static int log_fd = -1;

static void log_flush(void) {
    size_t done = 0;
    while (done < log_out_len) {
        ssize_t n = write(log_fd, log_out + done, log_out_len - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += n;
    }
    log_out_len = 0;
}

/* One record: "o 2026-01-02T03:04:05.123456789Z text\n" (uppercase tag: no newline at the end) */
static void log_record(char tag, const char *stamp, const char *text, size_t len) {
    if (log_out_len + len + 40 > sizeof log_out) log_flush();
    if (len + 40 > sizeof log_out) len = sizeof log_out - 40;
    log_out[log_out_len++] = tag;
    log_out[log_out_len++] = ' ';
    memcpy(log_out + log_out_len, stamp, 30);
    log_out_len += 30;
    log_out[log_out_len++] = ' ';
    memcpy(log_out + log_out_len, text, len);
    log_out_len += len;
    log_out[log_out_len++] = '\n';
}

static void timestamp(char out[31]) {
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(out, 21, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out + 19, 12, ".%09ldZ", (long)ts.tv_nsec);
}

/* A chunk read from a stream: complete lines become records, the rest waits (up to 16 KiB). */
static void log_chunk(struct stream *st, const char *data, size_t len, const char *stamp) {
    while (len > 0) {
        const char *nl = memchr(data, '\n', len);
        size_t take = nl ? (size_t)(nl - data) : len;
        if (st->len + take >= sizeof st->line) take = sizeof st->line - st->len;
        memcpy(st->line + st->len, data, take);
        st->len += take;
        data += take;
        len -= take;
        if (len > 0 && *data == '\n') {
            log_record(st->tag, stamp, st->line, st->len);
            st->len = 0;
            data++;
            len--;
        } else if (st->len == sizeof st->line) {
            log_record(st->tag - 32, stamp, st->line, st->len);
            st->len = 0;
        }
    }
}

void copy_logs(int to_fd, int out_fd, int err_fd) {
    log_fd = to_fd;
    static struct stream streams[2];
    streams[0].fd = out_fd; streams[0].tag = 'o';
    streams[1].fd = err_fd; streams[1].tag = 'e';
    char buf[8192], stamp[31];
    int open_streams = (out_fd >= 0) + (err_fd >= 0); /* a pty is one stream: err_fd -1 */
    while (open_streams > 0) {
        struct pollfd p[2] = { { streams[0].fd, POLLIN, 0 }, { streams[1].fd, POLLIN, 0 } };
        if (poll(p, 2, -1) < 0) { if (errno == EINTR) continue; break; }
        timestamp(stamp);
        for (int i = 0; i < 2; i++) {
            if (streams[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = read(streams[i].fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n > 0) { log_chunk(&streams[i], buf, n, stamp); continue; }
            if (streams[i].len > 0) log_record(streams[i].tag - 32, stamp, streams[i].line, streams[i].len);
            streams[i].len = 0;
            close(streams[i].fd);
            streams[i].fd = -1;
            open_streams--;
        }
        log_flush();
    }
}
