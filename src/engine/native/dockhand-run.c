/*
 * dockhand-run SPEC — the last steps before a container's process runs, in C like runc's
 * own C part (QuickJS cannot call clone, pivot_root or capset). The engine daemon writes
 * the spec; this program:
 *
 *   unshare(mnt, uts, ipc, net, pid) ─ fork ─┬─ parent: wait, forward signals, exit
 *                                            │  with the child's status
 *                                            └─ child = PID 1 inside: join the cgroup ─
 *      private mounts ─ bind rootfs ─ /proc /dev /dev/pts /dev/shm /sys ─ bind mounts
 *      ─ pivot_root ─ masked and read-only paths ─ hostname ─ capabilities ─ user ─ exec
 *
 * The spec is text, one "key value" per line (readable with cat, like the OCI config):
 *   rootfs PATH        namespaces pid mnt uts ipc net      hostname NAME
 *   cwd PATH           uid N      gid N      cgroup PATH     readonly 0|1
 *   env K=V (repeated) arg A (repeated, argv in order)      cap NAME (repeated: kept)
 *   bind SRC DST [ro]  mask PATH   ro-path PATH   privileged 0|1
 * Values escape backslash and newline as \\ and \n.   stdin-null 1: stdin is /dev/null.
 *   pid-file PATH      the host pid of the container's PID 1 is written there right after fork
 *   log PATH           detached (docker run -d, docker start): the launcher leaves the caller's
 *                      session, reports "pid N" (or the error) on its stdout once the command
 *                      has been exec'd, and then copies the container's stdout and stderr into
 *                      PATH, one record per line: "o|e TIMESTAMP TEXT" (O|E: no newline at the end)
 *   join PID           docker exec: enter the namespaces and cgroup of the container whose PID 1
 *                      is PID (setns, then fork so the child is inside its pid namespace)
 * Exit status: the command's; 125 when the container could not be set up, 126 when the
 * command cannot be invoked, 127 when it is not found (as Docker).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <time.h>
#include <linux/capability.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ITEMS 256

struct spec {
    char *rootfs, *hostname, *cwd, *cgroup, *pid_file, *log;
    int uid, gid, readonly, privileged, ns_flags, pid_ns, stdin_null, join;
    char *env[MAX_ITEMS + 1], *args[MAX_ITEMS + 1], *masks[MAX_ITEMS], *ro_paths[MAX_ITEMS];
    char *bind_src[MAX_ITEMS], *bind_dst[MAX_ITEMS];
    int bind_ro[MAX_ITEMS];
    int nenv, nargs, nmasks, nro, nbinds;
    unsigned long long caps; /* bit per capability kept */
};

static const char *CAP_NAMES[] = {
    "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
    "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER",
    "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
};
#define NCAPS ((int)(sizeof CAP_NAMES / sizeof CAP_NAMES[0]))

/* Where the container's own set-up errors go: stderr, or (detached) a pipe to the launcher. */
static int error_fd = 2;
/* Where "pid N" is reported: the client's socket (foreground) or the daemon's pipe (detached). */
int report_fd = -1;

static void die(int code, const char *fmt, ...) {
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

/* A copy of a spec value with \\ and \n turned back into backslash and newline. */
static char *unescape(const char *value) {
    char *out = malloc(strlen(value) + 1), *o = out;
    for (const char *p = value; *p; p++) {
        if (*p == '\\' && p[1]) { p++; *o++ = *p == 'n' ? '\n' : *p; }
        else *o++ = *p;
    }
    *o = 0;
    return out;
}

static void parse_spec(const char *path, struct spec *s) {
    FILE *f = fopen(path, "r");
    if (!f) die(125, "cannot read spec %s: %s", path, strerror(errno));
    memset(s, 0, sizeof *s);
    s->cwd = "/";
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] == '\n') line[--n] = 0;
        char *value = strchr(line, ' ');
        if (!value) continue;
        *value++ = 0;
        char *v = unescape(value);
        if (!strcmp(line, "rootfs")) s->rootfs = v;
        else if (!strcmp(line, "hostname")) s->hostname = v;
        else if (!strcmp(line, "cwd")) s->cwd = v;
        else if (!strcmp(line, "cgroup")) s->cgroup = v;
        else if (!strcmp(line, "pid-file")) s->pid_file = v;
        else if (!strcmp(line, "log")) s->log = v;
        else if (!strcmp(line, "join")) s->join = atoi(v);
        else if (!strcmp(line, "uid")) s->uid = atoi(v);
        else if (!strcmp(line, "gid")) s->gid = atoi(v);
        else if (!strcmp(line, "readonly")) s->readonly = atoi(v);
        else if (!strcmp(line, "privileged")) s->privileged = atoi(v);
        else if (!strcmp(line, "stdin-null")) s->stdin_null = atoi(v);
        else if (!strcmp(line, "env") && s->nenv < MAX_ITEMS) s->env[s->nenv++] = v;
        else if (!strcmp(line, "arg") && s->nargs < MAX_ITEMS) s->args[s->nargs++] = v;
        else if (!strcmp(line, "mask") && s->nmasks < MAX_ITEMS) s->masks[s->nmasks++] = v;
        else if (!strcmp(line, "ro-path") && s->nro < MAX_ITEMS) s->ro_paths[s->nro++] = v;
        else if (!strcmp(line, "bind") && s->nbinds < MAX_ITEMS) {
            char *dst = strchr(v, ' ');
            if (!dst) continue;
            *dst++ = 0;
            char *opt = strchr(dst, ' ');
            if (opt) *opt++ = 0;
            s->bind_src[s->nbinds] = v;
            s->bind_dst[s->nbinds] = dst;
            s->bind_ro[s->nbinds++] = opt && !strcmp(opt, "ro");
        } else if (!strcmp(line, "cap")) {
            for (int i = 0; i < NCAPS; i++) if (!strcmp(v, CAP_NAMES[i])) s->caps |= 1ULL << i;
        } else if (!strcmp(line, "namespaces")) {
            for (char *t = strtok(v, " "); t; t = strtok(NULL, " ")) {
                if (!strcmp(t, "mnt")) s->ns_flags |= CLONE_NEWNS;
                else if (!strcmp(t, "uts")) s->ns_flags |= CLONE_NEWUTS;
                else if (!strcmp(t, "ipc")) s->ns_flags |= CLONE_NEWIPC;
                else if (!strcmp(t, "net")) s->ns_flags |= CLONE_NEWNET;
                else if (!strcmp(t, "pid")) s->pid_ns = 1;
            }
        }
    }
    free(line);
    fclose(f);
    if (!s->rootfs && !s->join) die(125, "spec %s has no rootfs", path);
    if (s->nargs == 0) die(125, "no command specified");
}

/* rootfs-relative path */
static char *inside(const struct spec *s, const char *path) {
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s%s", s->rootfs, path);
    return buf;
}

static void must(int r, const char *what, const char *path) {
    if (r < 0) die(125, "%s %s: %s", what, path, strerror(errno));
}

static void make_dev(const struct spec *s) {
    static const struct { const char *name; unsigned major, minor; } devices[] = {
        { "null", 1, 3 }, { "zero", 1, 5 }, { "full", 1, 7 }, { "random", 1, 8 }, { "urandom", 1, 9 }, { "tty", 5, 0 },
    };
    char path[4096];
    mkdir(inside(s, "/dev"), 0755);
    must(mount("tmpfs", inside(s, "/dev"), "tmpfs", MS_NOSUID, "mode=755,size=65536k"), "mount tmpfs on", "/dev");
    for (size_t i = 0; i < sizeof devices / sizeof devices[0]; i++) {
        snprintf(path, sizeof path, "%s/dev/%s", s->rootfs, devices[i].name);
        must(mknod(path, S_IFCHR | 0666, makedev(devices[i].major, devices[i].minor)), "mknod", path);
        chmod(path, 0666); /* mknod is subject to the umask */
    }
    mkdir(inside(s, "/dev/pts"), 0755);
    must(mount("devpts", inside(s, "/dev/pts"), "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620,gid=5"), "mount devpts on", "/dev/pts");
    symlink("pts/ptmx", inside(s, "/dev/ptmx"));
    mkdir(inside(s, "/dev/shm"), 01777);
    must(mount("shm", inside(s, "/dev/shm"), "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=1777,size=65536k"), "mount tmpfs on", "/dev/shm");
    symlink("/proc/self/fd", inside(s, "/dev/fd"));
    symlink("/proc/self/fd/0", inside(s, "/dev/stdin"));
    symlink("/proc/self/fd/1", inside(s, "/dev/stdout"));
    symlink("/proc/self/fd/2", inside(s, "/dev/stderr"));
    /* /dev/console: the terminal the container was started on, if any */
    char *tty = ttyname(0);
    if (tty) {
        snprintf(path, sizeof path, "%s/dev/console", s->rootfs);
        int fd = open(path, O_CREAT | O_WRONLY, 0600);
        if (fd >= 0) close(fd);
        mount(tty, path, NULL, MS_BIND, NULL);
    }
}

static void set_up_root(const struct spec *s) {
    must(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), "make private", "/");
    must(mount(s->rootfs, s->rootfs, NULL, MS_BIND | MS_REC, NULL), "bind", s->rootfs);
    mkdir(inside(s, "/proc"), 0555);
    must(mount("proc", inside(s, "/proc"), "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL), "mount proc on", "/proc");
    mkdir(inside(s, "/sys"), 0555);
    must(mount("sysfs", inside(s, "/sys"), "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC | (s->privileged ? 0 : MS_RDONLY), NULL), "mount sysfs on", "/sys");
    make_dev(s);
    for (int i = 0; i < s->nbinds; i++) {
        char *dst = inside(s, s->bind_dst[i]);
        struct stat st;
        if (stat(s->bind_src[i], &st) == 0 && !S_ISDIR(st.st_mode)) { int fd = open(dst, O_CREAT | O_WRONLY, 0644); if (fd >= 0) close(fd); }
        else mkdir(dst, 0755);
        must(mount(s->bind_src[i], dst, NULL, MS_BIND | MS_REC, NULL), "bind mount", s->bind_dst[i]);
        if (s->bind_ro[i]) must(mount(NULL, dst, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL), "read-only", s->bind_dst[i]);
    }
    /* pivot_root: the rootfs becomes /, the old root is detached, nothing of the VM stays visible */
    const char *old = inside(s, "/.dockhand-old-root");
    mkdir(old, 0700);
    must(syscall(SYS_pivot_root, s->rootfs, old), "pivot_root into", s->rootfs);
    must(chdir("/"), "chdir", "/");
    must(umount2("/.dockhand-old-root", MNT_DETACH), "detach old root", "/");
    rmdir("/.dockhand-old-root");
}

/* Docker's default profile: paths that would let a container read or change the whole VM. */
static void protect_paths(const struct spec *s) {
    for (int i = 0; i < s->nmasks; i++) {
        struct stat st;
        if (stat(s->masks[i], &st) < 0) continue;
        if (S_ISDIR(st.st_mode)) mount("tmpfs", s->masks[i], "tmpfs", MS_RDONLY, "size=0");
        else mount("/dev/null", s->masks[i], NULL, MS_BIND, NULL);
    }
    for (int i = 0; i < s->nro; i++) {
        if (mount(s->ro_paths[i], s->ro_paths[i], NULL, MS_BIND | MS_REC, NULL) == 0)
            mount(NULL, s->ro_paths[i], NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_REC, NULL);
    }
    if (s->readonly) must(mount(NULL, "/", NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL), "read-only", "/");
}

/* The bounding set first (that needs CAP_SETPCAP, so before changing user). */
static void drop_bounding_set(const struct spec *s) {
    if (s->privileged) return;
    for (int i = 0; i <= CAP_LAST_CAP; i++)
        if (!(s->caps & (1ULL << i))) prctl(PR_CAPBSET_DROP, i, 0, 0, 0);
}

/* Then root's own sets; a non-root user has none after setuid, as in Docker. */
static void drop_capabilities(const struct spec *s) {
    if (s->privileged || s->uid != 0) return;
    struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    data[0].effective = data[0].permitted = data[0].inheritable = (unsigned)(s->caps & 0xffffffffu);
    data[1].effective = data[1].permitted = data[1].inheritable = (unsigned)(s->caps >> 32);
    must(syscall(SYS_capset, &header, data), "capset", "");
}

static void become_user(const struct spec *s) {
    if (setgroups(0, NULL) < 0 && s->uid != 0) die(125, "setgroups: %s", strerror(errno));
    must(setgid(s->gid), "setgid", "");
    must(setuid(s->uid), "setuid", "");
}

static const char *lookup_env(const struct spec *s, const char *key) {
    size_t n = strlen(key);
    for (int i = 0; i < s->nenv; i++) if (!strncmp(s->env[i], key, n) && s->env[i][n] == '=') return s->env[i] + n + 1;
    return NULL;
}

static void exec_command(struct spec *s) {
    if (chdir(s->cwd) < 0) die(126, "failed to create task for container: chdir to cwd (\"%s\") set in config.json failed: %s", s->cwd, strerror(errno));
    s->env[s->nenv] = NULL;
    s->args[s->nargs] = NULL;
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

/* ---- detached: the container's stdout and stderr, line by line, into the log file ---- */

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

static void copy_logs(int out_fd, int err_fd) {
    static struct stream streams[2];
    streams[0].fd = out_fd; streams[0].tag = 'o';
    streams[1].fd = err_fd; streams[1].tag = 'e';
    char buf[8192], stamp[31];
    int open_streams = 2;
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

static void write_pid_file(const struct spec *s) {
    if (!s->pid_file) return;
    FILE *f = fopen(s->pid_file, "w");
    if (f) { fprintf(f, "%d\n", (int)child_pid); fclose(f); }
}

static void report_pid(void) {
    if (report_fd < 0) return;
    char line[32];
    int n = snprintf(line, sizeof line, "pid %d\n", (int)child_pid);
    if (write(report_fd, line, n) != n) { /* the daemon went away: the exit status still counts */ }
}

/* The parent stays outside: it forwards signals (docker stop's SIGTERM) and reports. */
static int wait_child(void) {
    struct sigaction sa = { .sa_handler = forward };
    sigemptyset(&sa.sa_mask);
    int forwarded[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 };
    for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++) sigaction(forwarded[i], &sa, NULL);
    int status;
    while (waitpid(child_pid, &status, 0) < 0) if (errno != EINTR) die(125, "waitpid: %s", strerror(errno));
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* docker exec: the container's namespaces (opened before any setns: /proc changes with mnt),
   its cgroup (the fd stays valid inside), then fork so the child is in its pid namespace. */
static int launch_exec(struct spec *s) {
    static const char *names[] = { "ipc", "uts", "net", "pid", "mnt" };
    int fds[5], cgroup_fd = -1;
    char path[4096];
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
    child_pid = fork();
    if (child_pid < 0) die(125, "fork: %s", strerror(errno));
    if (child_pid == 0) {
        if (cgroup_fd >= 0 && write(cgroup_fd, "0\n", 2) < 0) die(125, "joining cgroup %s: %s", s->cgroup, strerror(errno));
        if (s->stdin_null) {
            int fd = open("/dev/null", O_RDONLY);
            if (fd >= 0 && fd != 0) { dup2(fd, 0); close(fd); }
        }
        drop_bounding_set(s);
        become_user(s);
        drop_capabilities(s);
        exec_command(s);
    }
    if (cgroup_fd >= 0) close(cgroup_fd);
    report_pid();
    return wait_child();
}

/* Sets up and runs the container described by the spec file; returns its exit status. */
int launch(const char *spec_path) {
    static struct spec s;
    parse_spec(spec_path, &s);
    if (s.join) return launch_exec(&s);
    int sync[2] = { -1, -1 }, out[2] = { -1, -1 }, err[2] = { -1, -1 };
    if (s.log) {
        log_fd = open(s.log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
        if (log_fd < 0) die(125, "opening the log %s: %s", s.log, strerror(errno));
        if (pipe2(sync, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0) die(125, "pipe: %s", strerror(errno));
        setsid();
    }
    must(unshare(s.ns_flags | (s.pid_ns ? CLONE_NEWPID : 0)), "unshare", "namespaces");
    child_pid = fork();
    if (child_pid < 0) die(125, "fork: %s", strerror(errno));
    if (child_pid == 0) {
        if (s.log) {
            /* set-up errors to the launcher (the pipe closes on exec: success); output to the log */
            error_fd = sync[1];
            dup2(out[1], 1);
            dup2(err[1], 2);
        }
        /* Only the container joins its cgroup ("0" = the writer), so the group empties and
           can be removed as soon as the container is gone, while the launcher reports. */
        if (s.cgroup) {
            char path[4096];
            snprintf(path, sizeof path, "%s/cgroup.procs", s.cgroup);
            FILE *f = fopen(path, "w");
            if (!f || fputs("0\n", f) < 0 || fclose(f) != 0) die(125, "joining cgroup %s: %s", s.cgroup, strerror(errno));
        }
        if (s.stdin_null) {
            int fd = open("/dev/null", O_RDONLY);
            if (fd >= 0 && fd != 0) { dup2(fd, 0); close(fd); }
        }
        if (s.hostname && (s.ns_flags & CLONE_NEWUTS)) must(sethostname(s.hostname, strlen(s.hostname)), "sethostname", s.hostname);
        set_up_root(&s);
        protect_paths(&s);
        drop_bounding_set(&s);
        become_user(&s);
        drop_capabilities(&s);
        exec_command(&s);
    }
    write_pid_file(&s);
    if (!s.log) {
        report_pid();
        return wait_child();
    }
    /* detached: wait for the exec (the sync pipe closes) or the set-up error, and report it */
    signal(SIGPIPE, SIG_IGN);
    close(sync[1]); close(out[1]); close(err[1]);
    char message[4096];
    size_t len = 0;
    for (;;) {
        ssize_t n = read(sync[0], message + len, sizeof message - 1 - len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || (len += n) == sizeof message - 1) break;
    }
    close(sync[0]);
    if (len > 0) {
        if (write(1, message, len) < 0) { /* the daemon went away */ }
    } else {
        report_fd = 1;
        report_pid();
    }
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) { dup2(null, 0); dup2(null, 1); dup2(null, 2); if (null > 2) close(null); }
    copy_logs(out[0], err[0]);
    return wait_child();
}

int run_main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: dockhand-run SPEC\n");
        return 125;
    }
    return launch(argv[1]);
}
