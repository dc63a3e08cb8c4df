/*
 * docker run -t / docker exec -t: the process gets a terminal of its own, as with runc.
 *
 *   container's process (inside: after pivot_root, /dev/pts is its own devpts)
 *     open /dev/ptmx ─ unlock ─ send the master to the launcher (SCM_RIGHTS)
 *     setsid ─ open /dev/pts/N ─ TIOCSCTTY (its controlling terminal) ─ fds 0 1 2
 *   launcher (outside)
 *     foreground: the caller's terminal in raw mode; bytes both ways between it and the
 *                 master; the window size follows (SIGWINCH); the terminal restored at the end
 *     detached:   the master's output is the container's log (container-log.c)
 * So `tty` in a container prints /dev/pts/0, its shell has job control, and Ctrl-C or Ctrl-Z
 * reach the container's foreground process group through its own line discipline.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>
#include "launcher.h"

/* In the container: makes its pty, hands the master out, takes the slave as its terminal. */
int console_open_in_container(int socket_fd) {
    double t = xray_now();
    int master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) die(125, "open /dev/ptmx: %s", strerror(errno));
    int unlock = 0, number = -1;
    must(ioctl(master, TIOCSPTLCK, &unlock), "unlock", "pty");
    must(ioctl(master, TIOCGPTN, &number), "number of", "pty");
    char slave_path[64];
    snprintf(slave_path, sizeof slave_path, "/dev/pts/%d", number);

    char byte = 'M';
    struct iovec iov = { &byte, 1 };
    union { struct cmsghdr hdr; char space[CMSG_SPACE(sizeof(int))]; } control;
    memset(&control, 0, sizeof control);
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = &control, .msg_controllen = sizeof control };
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &master, sizeof(int));
    if (sendmsg(socket_fd, &msg, MSG_NOSIGNAL) != 1) die(125, "handing the pty to the launcher: %s", strerror(errno));
    close(master);

    if (setsid() < 0 && errno != EPERM) die(125, "setsid: %s", strerror(errno));
    int slave = open(slave_path, O_RDWR);
    if (slave < 0) die(125, "open %s: %s", slave_path, strerror(errno));
    must(ioctl(slave, TIOCSCTTY, 0), "TIOCSCTTY", slave_path);
    /* /dev/console is the container's terminal too (runc binds it the same way) */
    int console = open("/dev/console", O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    if (console >= 0) { close(console); mount(slave_path, "/dev/console", NULL, MS_BIND, NULL); }
    for (int fd = 0; fd < 3; fd++) if (dup2(slave, fd) < 0) die(125, "dup2: %s", strerror(errno));
    if (slave > 2) close(slave);
    xray_step("pty", t, "%s: a new session, its controlling terminal; the master to the launcher", slave_path);
    return 0;
}

/* In the launcher: the master fd the container sent (-1 if it died first); other bytes are left unread. */
int console_receive_master(int socket_fd) {
    char byte;
    struct iovec iov = { &byte, 1 };
    union { struct cmsghdr hdr; char space[CMSG_SPACE(sizeof(int))]; } control;
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = &control, .msg_controllen = sizeof control };
    ssize_t n;
    do n = recvmsg(socket_fd, &msg, MSG_CMSG_CLOEXEC); while (n < 0 && errno == EINTR);
    if (n != 1) return -1;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    if (!c || c->cmsg_type != SCM_RIGHTS) return -1;
    int master;
    memcpy(&master, CMSG_DATA(c), sizeof(int));
    return master;
}

/* The caller's window size (80x24 when the caller has no terminal, as a console would). */
void console_set_size_from(int master, int tty_fd) {
    struct winsize ws;
    if (tty_fd < 0 || ioctl(tty_fd, TIOCGWINSZ, &ws) < 0 || ws.ws_col == 0) ws = (struct winsize){ .ws_row = 24, .ws_col = 80 };
    ioctl(master, TIOCSWINSZ, &ws);
}

static volatile sig_atomic_t resized;
static void on_winch(int sig) { (void)sig; resized = 1; }

static int write_all(int fd, const char *data, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        data += n;
        len -= n;
    }
    return 0;
}

/*
 * Foreground: copies the caller's input to the master (when relay_stdin) and the master's
 * output to the caller's stdout until the container's side of the pty is closed.
 */
int console_relay(int master, int relay_stdin) {
    struct termios saved;
    int raw = relay_stdin && isatty(0) && tcgetattr(0, &saved) == 0;
    if (raw) {
        struct termios t = saved;
        cfmakeraw(&t);
        tcsetattr(0, TCSANOW, &t);
    }
    console_set_size_from(master, isatty(0) ? 0 : isatty(1) ? 1 : -1);
    struct sigaction sa = { .sa_handler = on_winch };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGWINCH, &sa, NULL);
    char buf[4096];
    int in_open = relay_stdin;
    for (;;) {
        if (resized) { resized = 0; console_set_size_from(master, isatty(0) ? 0 : isatty(1) ? 1 : -1); }
        struct pollfd p[2] = { { master, POLLIN, 0 }, { in_open ? 0 : -1, POLLIN, 0 } };
        if (poll(p, 2, -1) < 0) { if (errno == EINTR) continue; break; }
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t n = read(master, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break; /* EIO: every process holding the slave is gone */
            if (write_all(1, buf, n) < 0) { /* the caller's terminal went away: keep draining */ }
        }
        if (in_open && (p[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            ssize_t n = read(0, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) in_open = 0;
            else if (write_all(master, buf, n) < 0) in_open = 0;
        }
    }
    if (raw) tcsetattr(0, TCSANOW, &saved);
    close(master);
    return 0;
}
