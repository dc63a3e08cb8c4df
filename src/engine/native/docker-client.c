/*
 * docker / dockhand — the command-line client. A small static C program, so that a
 * command costs one process start and no JavaScript parsing: it connects to the engine
 * daemon (dockhandd, QuickJS) on /run/dockhand/engine.sock, sends its argv, working
 * directory and terminal facts, and hands over its stdin, stdout and stderr (SCM_RIGHTS);
 * the daemon writes the command's output straight to them and finally sends "exit N".
 *
 * Request: NUL-terminated strings (src/engine/daemon/request.ts parses them):
 *   "dockhand-cli/1", cwd, isatty flags of fds 0-2 ("010"), "COLS ROWS", argc, argv[0..argc-1]
 * Replies: lines. "run SPEC": become the container now (dockhand-run.c's launch), in the
 * student's own session so the terminal and job control are the container's; it tells the
 * daemon "pid N" (the host pid of the container's PID 1), then answers "status N".
 * "exit N" ends the command. (docker exec works the same way, with an exec spec.)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define SOCKET_PATH "/run/dockhand/engine.sock"
#define ENGINE_ERROR 125

static char request[65536];
static size_t request_len;

static int add(const char *s) {
    size_t n = strlen(s) + 1;
    if (request_len + n > sizeof request) return -1;
    memcpy(request + request_len, s, n);
    request_len += n;
    return 0;
}

/* Connects, waiting up to 15 s for a daemon that is still starting (first boot imports images). */
static int connect_engine(void) {
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    strcpy(addr.sun_path, SOCKET_PATH);
    for (int attempt = 0; attempt < 150; attempt++) {
        int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) return -1;
        if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0) return fd;
        int e = errno;
        close(fd);
        if (e != ENOENT && e != ECONNREFUSED) return -1;
        usleep(100000);
    }
    return -1;
}

static int send_request(int fd) {
    int fds[3] = { 0, 1, 2 };
    union { struct cmsghdr hdr; char space[CMSG_SPACE(sizeof fds)]; } control;
    memset(&control, 0, sizeof control);
    struct iovec iov = { request, request_len };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = &control, .msg_controllen = sizeof control };
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof fds);
    memcpy(CMSG_DATA(c), fds, sizeof fds);
    ssize_t n = sendmsg(fd, &msg, MSG_NOSIGNAL);
    return n == (ssize_t)request_len ? 0 : -1;
}

int launch(const char *spec_path);
extern int report_fd;

static void send_status(int fd, int status) {
    char line[32];
    int n = snprintf(line, sizeof line, "status %d\n", status);
    if (write(fd, line, n) != n) { /* the daemon went away: the exit below reports it */ }
}

/* Reads reply lines until "exit N"; returns N, or -1 if the daemon went away first. */
static int wait_for_exit(int fd) {
    char line[512];
    size_t len = 0;
    for (;;) {
        char ch;
        ssize_t n = read(fd, &ch, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        if (ch != '\n') {
            if (len < sizeof line - 1) line[len++] = ch;
            continue;
        }
        line[len] = 0;
        len = 0;
        if (strncmp(line, "exit ", 5) == 0) return atoi(line + 5);
        if (strncmp(line, "run ", 4) == 0) {
            report_fd = fd; /* launch() tells the daemon "pid N" (the container's host pid) */
            send_status(fd, launch(line + 4));
        }
    }
}

int client_main(int argc, char **argv) {
    char cwd[PATH_MAX], ttys[4], size[32], count[16];
    struct winsize ws = { 0 };
    if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "/");
    for (int i = 0; i < 3; i++) ttys[i] = isatty(i) ? '1' : '0';
    ttys[3] = 0;
    ioctl(1, TIOCGWINSZ, &ws);
    snprintf(size, sizeof size, "%u %u", ws.ws_col, ws.ws_row);
    /* docker-compose (the old standalone name) is `docker compose`: the engine gets that argv */
    const char *name = strrchr(argv[0], '/');
    int compose = strcmp(name ? name + 1 : argv[0], "docker-compose") == 0;
    snprintf(count, sizeof count, "%d", argc + compose);
    if (add("dockhand-cli/1") || add(cwd) || add(ttys) || add(size) || add(count)) return ENGINE_ERROR;
    if (compose && (add("docker") || add("compose"))) return ENGINE_ERROR;
    for (int i = compose; i < argc; i++) {
        if (add(argv[i])) {
            fprintf(stderr, "docker: the command line is too long\n");
            return ENGINE_ERROR;
        }
    }

    int fd = connect_engine();
    if (fd < 0) {
        fprintf(stderr, "Cannot connect to the Docker daemon at unix://%s. Is the docker daemon running?\n", SOCKET_PATH);
        return ENGINE_ERROR;
    }
    if (send_request(fd) < 0) {
        fprintf(stderr, "docker: sending the request to the engine failed: %s\n", strerror(errno));
        return ENGINE_ERROR;
    }
    int code = wait_for_exit(fd);
    if (code < 0) {
        fprintf(stderr, "docker: the engine closed the connection before the command finished\n");
        return ENGINE_ERROR;
    }
    return code;
}
