/*
 * What the container's process may do: Docker's default capability set (or the spec's
 * --cap-add/--cap-drop/--privileged result), then its user and group.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "launcher.h"

/* The bounding set first (that needs CAP_SETPCAP, so before changing user). */
void drop_bounding_set(const struct spec *s) {
    if (s->privileged) return;
    double t = xray_now();
    for (int i = 0; i <= CAP_LAST_CAP; i++)
        if (!(s->caps & (1ULL << i))) prctl(PR_CAPBSET_DROP, i, 0, 0, 0);
    xray_step("prctl", t, "PR_CAPBSET_DROP: %d of %d capabilities kept", __builtin_popcountll(s->caps), CAP_LAST_CAP + 1);
}

/* Then root's own sets; a non-root user has none after setuid, as in Docker. */
void drop_capabilities(const struct spec *s) {
    if (s->privileged || s->uid != 0) return;
    struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    data[0].effective = data[0].permitted = data[0].inheritable = (unsigned)(s->caps & 0xffffffffu);
    data[1].effective = data[1].permitted = data[1].inheritable = (unsigned)(s->caps >> 32);
    double t = xray_now();
    must(syscall(SYS_capset, &header, data), "capset", "");
    xray_step("capset", t, "root's effective, permitted and inheritable sets = the kept capabilities");
}

void become_user(const struct spec *s) {
    double t = xray_now();
    if (setgroups(0, NULL) < 0 && s->uid != 0) die(125, "setgroups: %s", strerror(errno));
    must(setgid(s->gid), "setgid", "");
    must(setuid(s->uid), "setuid", "");
    xray_step("setuid", t, "uid %d, gid %d", s->uid, s->gid);
}
