/*
 * dockhand-run's shared parts: the launch spec, errors, and the x-ray steps.
 *
 *   dockhand-run.c   launch / launch_exec: unshare, fork, wait, report   (the order of things)
 *   spec.c           the spec file ("key value" lines) → struct spec
 *   rootfs.c         inside the new mount namespace: /proc /sys /dev, binds, pivot_root, masks
 *   security.c       capabilities and the user
 *   console.c        -t: a pty made inside the container's /dev/pts, relayed to the caller
 *   container-log.c  detached: the container's output, line by line, into its log
 *   xray.c           each kernel step with its start and duration, reported to the daemon
 */
#ifndef DOCKHAND_LAUNCHER_H
#define DOCKHAND_LAUNCHER_H

#define MAX_ITEMS 256
#define MAX_NETS 8

#include <sys/types.h>
#include <linux/netlink.h>

/* One "network BRIDGE VETH IP/PREFIX GATEWAY MAC" line: ethN of the container. */
struct net_spec { char *bridge, *veth, *ip, *gateway, *mac, *ifname; int prefix; };

struct spec {
    char *rootfs, *hostname, *cwd, *cgroup, *pid_file, *log, *output;
    int uid, gid, readonly, privileged, ns_flags, pid_ns, stdin_null, join, tty, init;
    char *env[MAX_ITEMS + 1], *args[MAX_ITEMS + 1], *masks[MAX_ITEMS], *ro_paths[MAX_ITEMS];
    char *bind_src[MAX_ITEMS], *bind_dst[MAX_ITEMS];
    int bind_ro[MAX_ITEMS];
    char bind_kind[MAX_ITEMS]; /* 'b' a bind mount (bind_src), 't' a tmpfs (bind_src holds its options) */
    int nenv, nargs, nmasks, nro, nbinds;
    unsigned long long caps; /* bit per capability kept */
    struct net_spec nets[MAX_NETS];
    int nnets;
};

/* spec.c */
void parse_spec(const char *path, struct spec *s);

/* dockhand-run.c: where set-up errors go (stderr, or a pipe to the launcher when detached) */
extern int error_fd;
__attribute__((noreturn, format(printf, 2, 3))) void die(int code, const char *fmt, ...);
void must(int r, const char *what, const char *path);

/* rootfs.c */
void set_up_root(const struct spec *s);
void protect_paths(const struct spec *s);

/* security.c */
void drop_bounding_set(const struct spec *s);
void become_user(const struct spec *s);
void drop_capabilities(const struct spec *s);

/* netlink.c: rtnetlink requests written by hand */
struct nl_req { struct nlmsghdr n; char buf[1024]; };
int nl_open(void);
void nl_init(struct nl_req *r, int type, int flags, const void *header, size_t header_len);
struct rtattr *nl_add(struct nl_req *r, int type, const void *data, size_t len);
void nl_add_str(struct nl_req *r, int type, const char *s);
void nl_add_u32(struct nl_req *r, int type, unsigned int v);
void *nl_reserve(struct nl_req *r, size_t len);
void nl_end(struct nl_req *r, struct rtattr *nest);
int nl_talk(int fd, struct nl_req *r);

/* network.c: the veth pairs (launcher side) and ethN's address and route (inside) */
int net_attach_host(const struct spec *s, pid_t child, char *error, size_t error_len);
void net_configure_inside(const struct spec *s);
int network_attach_main(int argc, char **argv);

/* console.c */
int console_open_in_container(int socket_fd);
int console_receive_master(int socket_fd);
int console_relay(int master, int relay_stdin);
void console_set_size_from(int master, int tty_fd);

/* container-log.c */
void copy_logs(int log_fd, int out_fd, int err_fd);

/* xray.c: steps are sent as "step START_MS DURATION_MS OP DETAIL\n" (CLOCK_MONOTONIC, ms) */
double xray_now(void);
void xray_step(const char *op, double started, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void xray_send(int fd);
void xray_forget(void);

#endif
