/*
 * The launch spec the engine daemon writes (src/engine/runtime/spec.ts renders it): plain
 * text, one "key value" per line, readable with cat like the OCI config:
 *   rootfs PATH        namespaces pid mnt uts ipc net      hostname NAME
 *   cwd PATH           uid N      gid N      cgroup PATH     readonly 0|1
 *   env K=V (repeated) arg A (repeated, argv in order)      cap NAME (repeated: kept)
 *   bind SRC DST [ro]  tmpfs DST OPTIONS (both mounted in order)   mask PATH   ro-path PATH   privileged 0|1
 *   stdin-null 1       stdin is /dev/null (no -i)
 *   tty 1              -t: the process gets a pty of its own (console.c)
 *   init 1             --init: a tiny init is PID 1 and runs the command as its child
 *   pid-file PATH      the host pid of the container's PID 1 is written there right after fork
 *   log PATH           detached: the launcher reports "pid N" on its stdout and copies the
 *                      container's output into PATH (container-log.c)
 *   output PATH        the process's stdout and stderr go to PATH (docker build -q)
 *   network BRIDGE VETH IP/PREFIX GATEWAY MAC   (repeated: eth0, eth1 …) a veth pair, the host
 *                      end VETH a port of BRIDGE, the other ethN in the container (network.c)
 *   join PID           docker exec: enter the namespaces and cgroup of the container whose
 *                      PID 1 is PID
 * Values escape backslash and newline as \\ and \n.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "launcher.h"

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

void parse_spec(const char *path, struct spec *s) {
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
        else if (!strcmp(line, "output")) s->output = v;
        else if (!strcmp(line, "join")) s->join = atoi(v);
        else if (!strcmp(line, "uid")) s->uid = atoi(v);
        else if (!strcmp(line, "gid")) s->gid = atoi(v);
        else if (!strcmp(line, "readonly")) s->readonly = atoi(v);
        else if (!strcmp(line, "privileged")) s->privileged = atoi(v);
        else if (!strcmp(line, "stdin-null")) s->stdin_null = atoi(v);
        else if (!strcmp(line, "tty")) s->tty = atoi(v);
        else if (!strcmp(line, "init")) s->init = atoi(v);
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
            s->bind_kind[s->nbinds] = 'b';
            s->bind_ro[s->nbinds++] = opt && !strcmp(opt, "ro");
        } else if (!strcmp(line, "tmpfs") && s->nbinds < MAX_ITEMS) {
            char *opt = strchr(v, ' ');
            if (opt) *opt++ = 0;
            s->bind_src[s->nbinds] = opt ? opt : "mode=755";
            s->bind_dst[s->nbinds] = v;
            s->bind_kind[s->nbinds] = 't';
            s->bind_ro[s->nbinds++] = 0;
        } else if (!strcmp(line, "network") && s->nnets < MAX_NETS) {
            struct net_spec *n = &s->nets[s->nnets];
            char *f[5];
            int k = 0;
            for (char *t = strtok(v, " "); t && k < 5; t = strtok(NULL, " ")) f[k++] = t;
            if (k < 4) die(125, "spec %s: bad network line", path);
            char *slash = strchr(f[2], '/');
            if (!slash) die(125, "spec %s: bad network address %s", path, f[2]);
            *slash = 0;
            n->bridge = f[0]; n->veth = f[1]; n->ip = f[2]; n->prefix = atoi(slash + 1); n->gateway = f[3]; n->mac = k > 4 ? f[4] : NULL;
            s->nnets++;
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
