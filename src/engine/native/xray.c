/*
 * The launcher's part of the engine x-ray: each kernel step (unshare, mount, pivot_root,
 * capset …) with its start and duration on CLOCK_MONOTONIC — the clock QuickJS's os.now()
 * reads too, so the daemon puts these steps on the same timeline as its own.
 * Steps are kept in memory and sent once ("step START_MS MS OP DETAIL\n" lines): the
 * container's PID 1 sends its steps through a pipe just before exec, so nothing is written
 * while the container is being set up.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "launcher.h"

static char steps[8192];
static size_t steps_len;

double xray_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

void xray_step(const char *op, double started, const char *fmt, ...) {
    char detail[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    for (char *p = detail; *p; p++) if (*p == '\n') *p = ' ';
    size_t room = sizeof steps - steps_len;
    int n = snprintf(steps + steps_len, room, "step %.3f %.3f %s %s\n", started, xray_now() - started, op, detail);
    if (n > 0 && (size_t)n < room) steps_len += n; /* a full buffer drops the rest: the x-ray is best effort */
}

/* The child of a fork starts with its parent's steps: those are the parent's to send. */
void xray_forget(void) {
    steps_len = 0;
}

/* Writes the steps recorded so far to fd and forgets them. */
void xray_send(int fd) {
    size_t done = 0;
    while (fd >= 0 && done < steps_len) {
        ssize_t n = write(fd, steps + done, steps_len - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += n;
    }
    steps_len = 0;
}
