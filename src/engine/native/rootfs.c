/*
 * The container's file system view, set up by its PID 1 inside the new mount namespace:
 * a private mount tree, the rootfs bound onto itself, fresh /proc and /sys, a minimal /dev
 * (null zero full random urandom tty, a devpts instance of its own, shm), the bind mounts
 * (/etc/hostname, hosts, resolv.conf), pivot_root, then Docker's masked and read-only paths.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "launcher.h"

/* rootfs-relative path */
static char *inside(const struct spec *s, const char *path) {
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s%s", s->rootfs, path);
    return buf;
}

/* mkdir -p, for mount points the image lacks (-v db:/var/lib/db/data) */
static void make_dirs(const char *path) {
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        mkdir(buf, 0755);
        *p = '/';
    }
    mkdir(buf, 0755);
}

static void make_parent_dirs(const char *path) {
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    char *slash = strrchr(buf, '/');
    if (slash && slash != buf) { *slash = 0; make_dirs(buf); }
}

static void make_dev(const struct spec *s) {
    static const struct { const char *name; unsigned major, minor; } devices[] = {
        { "null", 1, 3 }, { "zero", 1, 5 }, { "full", 1, 7 }, { "random", 1, 8 }, { "urandom", 1, 9 }, { "tty", 5, 0 },
    };
    char path[4096];
    double t = xray_now();
    mkdir(inside(s, "/dev"), 0755);
    must(mount("tmpfs", inside(s, "/dev"), "tmpfs", MS_NOSUID, "mode=755,size=65536k"), "mount tmpfs on", "/dev");
    xray_step("mount", t, "tmpfs on /dev");
    t = xray_now();
    for (size_t i = 0; i < sizeof devices / sizeof devices[0]; i++) {
        snprintf(path, sizeof path, "%s/dev/%s", s->rootfs, devices[i].name);
        must(mknod(path, S_IFCHR | 0666, makedev(devices[i].major, devices[i].minor)), "mknod", path);
        chmod(path, 0666); /* mknod is subject to the umask */
    }
    xray_step("mknod", t, "/dev/null zero full random urandom tty");
    t = xray_now();
    mkdir(inside(s, "/dev/pts"), 0755);
    /* a devpts of its own: the container sees only its own ptys (docker run -t makes one here) */
    must(mount("devpts", inside(s, "/dev/pts"), "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620,gid=5"), "mount devpts on", "/dev/pts");
    symlink("pts/ptmx", inside(s, "/dev/ptmx"));
    mkdir(inside(s, "/dev/shm"), 01777);
    must(mount("shm", inside(s, "/dev/shm"), "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=1777,size=65536k"), "mount tmpfs on", "/dev/shm");
    symlink("/proc/self/fd", inside(s, "/dev/fd"));
    symlink("/proc/self/fd/0", inside(s, "/dev/stdin"));
    symlink("/proc/self/fd/1", inside(s, "/dev/stdout"));
    symlink("/proc/self/fd/2", inside(s, "/dev/stderr"));
    xray_step("mount", t, "devpts (newinstance) on /dev/pts, tmpfs on /dev/shm");
}

void set_up_root(const struct spec *s) {
    double t = xray_now();
    must(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), "make private", "/");
    must(mount(s->rootfs, s->rootfs, NULL, MS_BIND | MS_REC, NULL), "bind", s->rootfs);
    xray_step("mount", t, "make / private; bind the rootfs onto itself");
    t = xray_now();
    mkdir(inside(s, "/proc"), 0555);
    must(mount("proc", inside(s, "/proc"), "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL), "mount proc on", "/proc");
    xray_step("mount", t, "proc on /proc (this pid namespace's processes only)");
    t = xray_now();
    mkdir(inside(s, "/sys"), 0555);
    must(mount("sysfs", inside(s, "/sys"), "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC | (s->privileged ? 0 : MS_RDONLY), NULL), "mount sysfs on", "/sys");
    xray_step("mount", t, s->privileged ? "sysfs on /sys" : "sysfs on /sys, read-only");
    make_dev(s);
    for (int i = 0; i < s->nbinds; i++) {
        t = xray_now();
        char *dst = inside(s, s->bind_dst[i]);
        if (s->bind_kind[i] == 't') {
            make_dirs(dst);
            must(mount("tmpfs", dst, "tmpfs", MS_NOSUID | MS_NODEV, s->bind_src[i]), "mount tmpfs on", s->bind_dst[i]);
            xray_step("mount", t, "tmpfs on %s (%s)", s->bind_dst[i], s->bind_src[i]);
            continue;
        }
        struct stat st;
        if (stat(s->bind_src[i], &st) == 0 && !S_ISDIR(st.st_mode)) {
            make_parent_dirs(dst);
            int fd = open(dst, O_CREAT | O_WRONLY, 0644);
            if (fd >= 0) close(fd);
        } else make_dirs(dst);
        must(mount(s->bind_src[i], dst, NULL, MS_BIND | MS_REC, NULL), "bind mount", s->bind_dst[i]);
        if (s->bind_ro[i]) must(mount(NULL, dst, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL), "read-only", s->bind_dst[i]);
        xray_step("mount", t, "bind %s on %s%s", s->bind_src[i], s->bind_dst[i], s->bind_ro[i] ? " (ro)" : "");
    }
    /* pivot_root: the rootfs becomes /, the old root is detached, nothing of the VM stays visible */
    t = xray_now();
    const char *old = inside(s, "/.dockhand-old-root");
    mkdir(old, 0700);
    must(syscall(SYS_pivot_root, s->rootfs, old), "pivot_root into", s->rootfs);
    must(chdir("/"), "chdir", "/");
    xray_step("pivot_root", t, "%s becomes /", s->rootfs);
    t = xray_now();
    must(umount2("/.dockhand-old-root", MNT_DETACH), "detach old root", "/");
    rmdir("/.dockhand-old-root");
    xray_step("umount", t, "the VM's root (detached: invisible from here on)");
}

/* Docker's default profile: paths that would let a container read or change the whole VM. */
void protect_paths(const struct spec *s) {
    double t = xray_now();
    for (int i = 0; i < s->nmasks; i++) {
        struct stat st;
        if (stat(s->masks[i], &st) < 0) continue;
        if (S_ISDIR(st.st_mode)) mount("tmpfs", s->masks[i], "tmpfs", MS_RDONLY, "size=0");
        else mount("/dev/null", s->masks[i], NULL, MS_BIND, NULL);
    }
    if (s->nmasks) xray_step("mount", t, "mask %d paths (/proc/kcore ...): /dev/null or an empty tmpfs on them", s->nmasks);
    t = xray_now();
    for (int i = 0; i < s->nro; i++) {
        if (mount(s->ro_paths[i], s->ro_paths[i], NULL, MS_BIND | MS_REC, NULL) == 0)
            mount(NULL, s->ro_paths[i], NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_REC, NULL);
    }
    if (s->nro) xray_step("mount", t, "%d paths read-only (/proc/sys, /proc/sysrq-trigger ...)", s->nro);
    if (s->readonly) {
        t = xray_now();
        must(mount(NULL, "/", NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL), "read-only", "/");
        xray_step("mount", t, "remount / read-only (--read-only)");
    }
}
