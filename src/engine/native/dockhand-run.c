/*
 * dockhand-run SPEC — the last steps before a container's process runs, in C like runc's
 * own C part (QuickJS cannot call clone, pivot_root or capset). The engine daemon writes
 * the spec (spec.c); this file holds the order of things:
 *
 *   clone(NEWPID) ───────┬─ launcher (still in the VM's namespaces): report "pid N" and the x-ray
 *                        │  steps, relay the pty (-t) or copy the log (detached), forward
 *                        │  signals, exit with the child's status
 *                        └─ child = PID 1 inside: unshare(mnt, uts, ipc, net) ─ join the cgroup ─ hostname
 *      ─ rootfs.c (mounts, pivot_root, masks) ─ console.c (-t) ─ security.c (caps, user) ─ exec
 *
 * docker exec ("join PID"): setns into PID's namespaces, fork (the child is inside its pid
 * namespace), join its cgroup, then the same console, security and exec steps.
 * Exit status: the command's; 125 when the container could not be set up, 126 when the
 * command cannot be invoked, 127 when it is not found (as Docker).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "launcher.h"

/* Where the container's own set-up errors go: stderr, or (detached) a pipe to the launcher. */
int error_fd = 2;
/* Where "pid N" and the x-ray steps go: the client's socket (foreground) or the daemon's pipe (detached). */
int report_fd = -1;

void die(int code, const char *fmt, ...) {
    char message[4096];
    va_list ap;
    va_start(ap, fmt);
    int n = snprintf(message, sizeof message, "docker: Error response from daemon: ");
    n += vsnprintf(message + n, sizeof message - n - 1, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof message - 2) n = sizeof message - 2;
    message[n++] = '\n';
    if (write(error_fd, message, n) < 0) { /* nowhere left to report it */ }
    _exit(code);
}

void must(int r, const char *what, const char *path) {
    if (r < 0) die(125, "%s %s: %s", what, path, strerror(errno));
}

static const char *lookup_env(const struct spec *s, const char *key) {
    size_t n = strlen(key);
    for (int i = 0; i < s->nenv; i++) if (!strncmp(s->env[i], key, n) && s->env[i][n] == '=') return s->env[i] + n + 1;
    return NULL;
}

/* The last step: the x-ray goes out on xray_fd (close-on-exec: it closes as the exec succeeds). */
static void exec_command(struct spec *s, int xray_fd) {
    if (chdir(s->cwd) < 0) die(126, "failed to create task for container: chdir to cwd (\"%s\") set in config.json failed: %s", s->cwd, strerror(errno));
    s->env[s->nenv] = NULL;
    s->args[s->nargs] = NULL;
    xray_send(xray_fd);
    const char *cmd = s->args[0];
    if (strchr(cmd, '/')) {
        execve(cmd, s->args, s->env);
    } else {
        const char *path = lookup_env(s, "PATH");
        char *dirs = strdup(path ? path : "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        char full[4096];
        int saw_eacces = 0;
        for (char *d = strtok(dirs, ":"); d; d = strtok(NULL, ":")) {
            snprintf(full, sizeof full, "%s/%s", *d ? d : ".", cmd);
            execve(full, s->args, s->env);
            if (errno == EACCES) saw_eacces = 1;
        }
        errno = saw_eacces ? EACCES : ENOENT;
    }
    if (errno == ENOENT)
        die(127, "failed to create task for container: exec: \"%s\": executable file not found in $PATH", cmd);
    die(126, "failed to create task for container: exec: \"%s\": %s", cmd, strerror(errno));
}

static pid_t child_pid;
static void forward(int sig) { if (child_pid > 0) kill(child_pid, sig); }

static void write_pid_file(const struct spec *s) {
    if (!s->pid_file) return;
    FILE *f = fopen(s->pid_file, "w");
    if (f) { fprintf(f, "%d\n", (int)child_pid); fclose(f); }
}

static void report(const char *text, size_t len) {
    if (report_fd >= 0 && len > 0 && write(report_fd, text, len) != (ssize_t)len) { /* the daemon went away: the exit status still counts */ }
}

static void report_pid(void) {
    char line[32];
    int n = snprintf(line, sizeof line, "pid %d\n", (int)child_pid);
    report(line, n);
}

/* Everything the child writes on the channel until its exec closes it: its x-ray steps. */
static size_t read_until_exec(int fd, char *buf, size_t size) {
    size_t len = 0;
    for (;;) {
        ssize_t n = read(fd, buf + len, size - 1 - len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || (len += n) == size - 1) break;
    }
    close(fd);
    return len;
}

/* The launcher stays outside: it forwards signals (docker stop's SIGTERM) and reports. */
static int wait_child(void) {
    struct sigaction sa = { .sa_handler = forward };
    sigemptyset(&sa.sa_mask);
    int forwarded[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 };
    for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++) sigaction(forwarded[i], &sa, NULL);
    int status;
    while (waitpid(child_pid, &status, 0) < 0) if (errno != EINTR) die(125, "waitpid: %s", strerror(errno));
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void stdin_from_dev_null(void) {
    int fd = open("/dev/null", O_RDONLY);
    if (fd >= 0 && fd != 0) { dup2(fd, 0); close(fd); }
}

/* -t: the terminal is made inside; set-up errors keep going to the caller's stderr, not the pty. */
static void take_console(const struct spec *s, int channel) {
    if (!s->tty) return;
    if (error_fd == 2) error_fd = fcntl(2, F_DUPFD_CLOEXEC, 3);
    console_open_in_container(channel);
}

/* After the fork: report the pid and the steps, then relay the pty until the container is done. */
static int follow_foreground(const struct spec *s, int channel) {
    static char child_steps[8192];
    report_pid();
    int master = s->tty ? console_receive_master(channel) : -1;
    size_t len = read_until_exec(channel, child_steps, sizeof child_steps);
    double ran = xray_now();
    xray_send(report_fd);
    report(child_steps, len);
    if (master >= 0) console_relay(master, !s->stdin_null);
    int status = wait_child();
    xray_step("wait", ran, "the command ran from its exec to its exit (status %d)", status);
    xray_send(report_fd);
    return status;
}

/* docker exec: the container's namespaces (opened before any setns: /proc changes with mnt),
   its cgroup (the fd stays valid inside), then fork so the child is in its pid namespace. */
static int launch_exec(struct spec *s) {
    static const char *names[] = { "ipc", "uts", "net", "pid", "mnt" };
    int fds[5], cgroup_fd = -1, channel[2];
    char path[4096];
    double t = xray_now();
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "/proc/%d/ns/%s", s->join, names[i]);
        fds[i] = open(path, O_RDONLY | O_CLOEXEC);
        if (fds[i] < 0) die(125, "container process %d is not running: %s", s->join, strerror(errno));
    }
    if (s->cgroup) {
        snprintf(path, sizeof path, "%s/cgroup.procs", s->cgroup);
        cgroup_fd = open(path, O_WRONLY | O_CLOEXEC);
        if (cgroup_fd < 0) die(125, "opening %s: %s", path, strerror(errno));
    }
    for (int i = 0; i < 5; i++) {
        if (setns(fds[i], 0) < 0) die(125, "setns %s: %s", names[i], strerror(errno));
        close(fds[i]);
    }
    xray_step("setns", t, "ipc uts net pid mnt of /proc/%d/ns", s->join);
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, channel) < 0) die(125, "socketpair: %s", strerror(errno));
    t = xray_now();
    child_pid = fork();
    if (child_pid < 0) die(125, "fork: %s", strerror(errno));
    if (child_pid == 0) {
        xray_forget();
        close(channel[0]);
        double joined = xray_now();
        if (cgroup_fd >= 0 && write(cgroup_fd, "0\n", 2) < 0) die(125, "joining cgroup %s: %s", s->cgroup, strerror(errno));
        if (cgroup_fd >= 0) xray_step("write", joined, "0 > %s/cgroup.procs", s->cgroup);
        if (s->stdin_null && !s->tty) stdin_from_dev_null();
        take_console(s, channel[1]);
        drop_bounding_set(s);
        become_user(s);
        drop_capabilities(s);
        exec_command(s, channel[1]);
    }
    xray_step("fork", t, "the new process, inside the pid namespace: host pid %d", (int)child_pid);
    close(channel[1]);
    if (cgroup_fd >= 0) close(cgroup_fd);
    return follow_foreground(s, channel[0]);
}

/* A new network namespace has only a loopback device, and it starts down (Docker brings it up). */
static void loopback_up(void) {
    double t = xray_now();
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    strcpy(ifr.ifr_name, "lo");
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) die(125, "socket: %s", strerror(errno));
    must(ioctl(fd, SIOCGIFFLAGS, &ifr), "SIOCGIFFLAGS", "lo");
    ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
    must(ioctl(fd, SIOCSIFFLAGS, &ifr), "SIOCSIFFLAGS", "lo");
    close(fd);
    xray_step("ioctl", t, "SIOCSIFFLAGS lo up (the new network namespace's loopback)");
}

/* --init: PID 1 stays a tiny init (like Docker's tini): the command runs as its child, signals
   are passed on to it, orphans are reaped, and the command's exit status is the container's. */
static pid_t init_child;
static void pass_on(int sig) { if (init_child > 0) kill(init_child, sig); }

static void run_as_init(struct spec *s, int channel) {
    double t = xray_now();
    init_child = fork();
    if (init_child < 0) die(125, "fork: %s", strerror(errno));
    if (init_child == 0) exec_command(s, channel); /* sends the steps so far */
    xray_forget();
    xray_step("fork", t, "--init: PID 1 is an init; the command is its child (pid %d inside)", (int)init_child);
    xray_send(channel);
    close(channel);
    /* Detached, the launcher reports the container started when the set-up pipe closes, which
       the command's exec does for its own copy: the init, which never execs, closes its own. */
    if (error_fd > 2) {
        close(error_fd);
        error_fd = 2;
    }
    prctl(PR_SET_NAME, "docker-init", 0, 0, 0);
    struct sigaction sa = { .sa_handler = pass_on };
    sigemptyset(&sa.sa_mask);
    int signals[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH };
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &sa, NULL);
    for (;;) {
        int status;
        pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0 && errno == EINTR) continue;
        if (pid < 0) _exit(125);
        if (pid == init_child) _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    }
}

static void describe_unshare(int f, double t) {
    char names[80];
    snprintf(names, sizeof names, "%s%s%s%s", f & CLONE_NEWNS ? "CLONE_NEWNS " : "", f & CLONE_NEWUTS ? "CLONE_NEWUTS " : "",
             f & CLONE_NEWIPC ? "CLONE_NEWIPC " : "", f & CLONE_NEWNET ? "CLONE_NEWNET " : "");
    size_t n = strlen(names);
    if (n > 0) names[n - 1] = 0;
    xray_step("unshare", t, "%s", names);
}

/* With networks, clone makes the net namespace (the launcher needs the child's pid to put the
   veth's other end there) and the child waits on net_ready until its ethN exist. */
static int net_cloned, net_ready[2] = { -1, -1 };

static void wait_for_network(struct spec *s) {
    if (!s->nnets) return;
    double t = xray_now();
    char byte;
    ssize_t n;
    close(net_ready[1]);
    while ((n = read(net_ready[0], &byte, 1)) < 0 && errno == EINTR) {}
    if (n != 1) _exit(125); /* the launcher reports why */
    close(net_ready[0]);
    xray_step("read", t, "waited for the launcher's veth pairs");
    net_configure_inside(s);
}

/* The container's PID 1, from the fork to the exec. */
static void become_container(struct spec *s, int channel, const int out[2], const int err[2], int sync_write) {
    /* The other namespaces are the container's alone: the launcher keeps the VM's (its root
       too, which pivot_root would move for every process of a shared mount namespace). */
    double t = xray_now();
    if (s->log) error_fd = sync_write;
    must(unshare(s->ns_flags & ~net_cloned), "unshare", "namespaces");
    describe_unshare(s->ns_flags & ~net_cloned, t);
    if (s->ns_flags & CLONE_NEWNET) loopback_up();
    wait_for_network(s);
    if (s->log) {
        /* set-up errors to the launcher (the pipe closes on exec: success); output to the log */
        error_fd = sync_write;
        if (!s->tty) { dup2(out[1], 1); dup2(err[1], 2); }
    }
    /* Only the container joins its cgroup ("0" = the writer), so the group empties and
       can be removed as soon as the container is gone, while the launcher reports. */
    if (s->cgroup) {
        double t = xray_now();
        char path[4096];
        snprintf(path, sizeof path, "%s/cgroup.procs", s->cgroup);
        FILE *f = fopen(path, "w");
        if (!f || fputs("0\n", f) < 0 || fclose(f) != 0) die(125, "joining cgroup %s: %s", s->cgroup, strerror(errno));
        xray_step("write", t, "0 > %s (join the container's cgroup)", path);
    }
    if (s->stdin_null && !s->tty) stdin_from_dev_null();
    if (s->output) {
        /* opened before pivot_root: the path is the VM's */
        int fd = open(s->output, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd < 0) die(125, "opening %s: %s", s->output, strerror(errno));
        dup2(fd, 1);
        dup2(fd, 2);
        close(fd);
    }
    if (s->hostname && (s->ns_flags & CLONE_NEWUTS)) {
        double t = xray_now();
        must(sethostname(s->hostname, strlen(s->hostname)), "sethostname", s->hostname);
        xray_step("sethostname", t, "%s (in its own uts namespace)", s->hostname);
    }
    set_up_root(s);
    protect_paths(s);
    take_console(s, channel);
    drop_bounding_set(s);
    become_user(s);
    drop_capabilities(s);
    if (s->init) run_as_init(s, channel);
    exec_command(s, channel);
}

/* Sets up and runs the container described by the spec file; returns its exit status. */
int launch(const char *spec_path) {
    static struct spec s;
    static char child_steps[8192];
    parse_spec(spec_path, &s);
    if (s.join) return launch_exec(&s);
    int sync[2] = { -1, -1 }, out[2] = { -1, -1 }, err[2] = { -1, -1 }, channel[2], log_fd = -1;
    if (s.log) {
        log_fd = open(s.log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
        if (log_fd < 0) die(125, "opening the log %s: %s", s.log, strerror(errno));
        if (pipe2(sync, O_CLOEXEC) < 0 || (!s.tty && (pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0))) die(125, "pipe: %s", strerror(errno));
        setsid();
    }
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, channel) < 0) die(125, "socketpair: %s", strerror(errno));
    if (s.nnets && (s.ns_flags & CLONE_NEWNET)) {
        net_cloned = CLONE_NEWNET;
        if (pipe2(net_ready, O_CLOEXEC) < 0) die(125, "pipe: %s", strerror(errno));
    } else s.nnets = 0;
    double t = xray_now();
    /* clone, not unshare + fork: a process can make only one pid namespace for its children
       with unshare, and the client may launch several containers (docker build's RUN steps) */
    int clone_flags = (s.pid_ns ? CLONE_NEWPID : 0) | net_cloned;
    child_pid = clone_flags ? (pid_t)syscall(SYS_clone, clone_flags | SIGCHLD, 0, NULL, NULL, NULL) : fork();
    if (child_pid < 0) die(125, "clone: %s", strerror(errno));
    if (child_pid == 0) {
        xray_forget();
        close(channel[0]);
        become_container(&s, channel[1], out, err, sync[1]);
    }
    xray_step("clone", t, "CLONE_NEWPID%s: the container's process, PID 1 of a new pid namespace (host pid %d)",
              net_cloned ? " | CLONE_NEWNET" : "", (int)child_pid);
    if (s.nnets) {
        char error[512];
        close(net_ready[0]);
        if (net_attach_host(&s, child_pid, error, sizeof error) < 0) {
            kill(child_pid, SIGKILL);
            while (waitpid(child_pid, NULL, 0) < 0 && errno == EINTR) {}
            die(125, "%s", error);
        }
        if (write(net_ready[1], "1", 1) != 1) die(125, "pipe: %s", strerror(errno));
        close(net_ready[1]);
    }
    close(channel[1]);
    write_pid_file(&s);
    if (!s.log) return follow_foreground(&s, channel[0]);

    /* detached: wait for the exec (the channel and the sync pipe close) or the set-up error */
    signal(SIGPIPE, SIG_IGN);
    close(sync[1]);
    if (!s.tty) { close(out[1]); close(err[1]); }
    int master = s.tty ? console_receive_master(channel[0]) : -1;
    size_t steps_len = read_until_exec(channel[0], child_steps, sizeof child_steps);
    char message[4096];
    size_t len = read_until_exec(sync[0], message, sizeof message);
    report_fd = 1;
    if (len > 0) {
        report(message, len);
    } else {
        report_pid();
        xray_send(report_fd);
        report(child_steps, steps_len);
    }
    report_fd = -1;
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) { dup2(null, 0); dup2(null, 1); dup2(null, 2); if (null > 2) close(null); }
    if (master >= 0) { console_set_size_from(master, -1); copy_logs(log_fd, master, -1); }
    else if (!s.tty) copy_logs(log_fd, out[0], err[0]);
    return wait_child();
}

int run_main(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "network-attach")) return network_attach_main(argc, argv);
    if (argc != 2) {
        fprintf(stderr, "usage: dockhand-run SPEC\n");
        return 125;
    }
    return launch(argv[1]);
}
