/*
 * dockhand:kernel — the system calls the engine needs and QuickJS's `os` module lacks:
 * mount(2), mknod(2), extended attributes, namespaces, and unix sockets with file
 * descriptor passing (SCM_RIGHTS). Compiled into the guest's qjs by images/vm/build-userland.sh.
 *
 * Convention, as in QuickJS's `os`: calls return a number, negative errno on failure.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/xattr.h>
#include <unistd.h>
#include "quickjs.h"

#define MAX_FDS 8
#define countof(a) (sizeof(a) / sizeof((a)[0]))

static JSValue result(JSContext *ctx, int r) {
    return JS_NewInt32(ctx, r < 0 ? -errno : r);
}

/* A string argument, or NULL for null/undefined. Free with JS_FreeCString (NULL is fine). */
static const char *opt_string(JSContext *ctx, JSValueConst v) {
    return JS_IsNull(v) || JS_IsUndefined(v) ? NULL : JS_ToCString(ctx, v);
}

/* mount(source, target, fstype, flags, data) */
static JSValue k_mount(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    uint32_t flags = 0;
    const char *source = opt_string(ctx, argv[0]);
    const char *target = JS_ToCString(ctx, argv[1]);
    const char *fstype = opt_string(ctx, argv[2]);
    const char *data = argc > 4 ? opt_string(ctx, argv[4]) : NULL;
    JSValue ret = JS_EXCEPTION;
    if (target && JS_ToUint32(ctx, &flags, argv[3]) == 0)
        ret = result(ctx, mount(source, target, fstype, flags, data));
    JS_FreeCString(ctx, source); JS_FreeCString(ctx, target);
    JS_FreeCString(ctx, fstype); JS_FreeCString(ctx, data);
    return ret;
}

/* rm -rf of one tree, not crossing into mounts below it (so a still-mounted rootfs is left
   alone, and the caller's error says so); returns 0 or the first negative errno. */
static int remove_tree_at(int dirfd, const char *name, dev_t dev) {
    struct stat st;
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0) return errno == ENOENT ? 0 : -errno;
    if (S_ISDIR(st.st_mode)) {
        if (st.st_dev != dev) return -EBUSY;
        int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) return -errno;
        DIR *dir = fdopendir(fd);
        if (!dir) { close(fd); return -errno; }
        int r = 0;
        struct dirent *e;
        while (r == 0 && (e = readdir(dir))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            r = remove_tree_at(fd, e->d_name, dev);
        }
        closedir(dir);
        if (r < 0) return r;
        return unlinkat(dirfd, name, AT_REMOVEDIR) < 0 ? -errno : 0;
    }
    return unlinkat(dirfd, name, 0) < 0 && errno != ENOENT ? -errno : 0;
}

/* removeTree(path): in C, because a JavaScript walk costs ~100 ms per container under emulation */
static JSValue k_remove_tree(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    const char *path = JS_ToCString(ctx, argv[0]);
    if (!path) return JS_EXCEPTION;
    struct stat st;
    int r = lstat(path, &st) < 0 ? (errno == ENOENT ? 0 : -errno) : remove_tree_at(AT_FDCWD, path, st.st_dev);
    JS_FreeCString(ctx, path);
    return JS_NewInt32(ctx, r);
}

/* umount(target, flags) */
static JSValue k_umount(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    int32_t flags = 0;
    const char *target = JS_ToCString(ctx, argv[0]);
    if (!target || JS_ToInt32(ctx, &flags, argv[1])) { JS_FreeCString(ctx, target); return JS_EXCEPTION; }
    JSValue ret = result(ctx, umount2(target, flags));
    JS_FreeCString(ctx, target);
    return ret;
}

/* mknod(path, mode, major, minor): mode includes the file type (S_IFCHR, S_IFBLK …) */
static JSValue k_mknod(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    uint32_t mode, major_, minor_;
    const char *path = JS_ToCString(ctx, argv[0]);
    if (!path || JS_ToUint32(ctx, &mode, argv[1]) || JS_ToUint32(ctx, &major_, argv[2]) || JS_ToUint32(ctx, &minor_, argv[3])) {
        JS_FreeCString(ctx, path);
        return JS_EXCEPTION;
    }
    JSValue ret = result(ctx, mknod(path, mode, makedev(major_, minor_)));
    JS_FreeCString(ctx, path);
    return ret;
}

/* copyFile(src, dst): a regular file's bytes and mode (docker build's COPY; a JavaScript
   copy loop would cost ~14 µs per byte under emulation) */
static JSValue k_copy_file(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    const char *src = JS_ToCString(ctx, argv[0]);
    const char *dst = JS_ToCString(ctx, argv[1]);
    int r = 0;
    if (!src || !dst) { JS_FreeCString(ctx, src); JS_FreeCString(ctx, dst); return JS_EXCEPTION; }
    struct stat st;
    int in = open(src, O_RDONLY | O_CLOEXEC);
    if (in < 0 || fstat(in, &st) < 0) r = -errno;
    int out = r < 0 ? -1 : open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, st.st_mode & 07777);
    if (r == 0 && out < 0) r = -errno;
    static char buf[65536];
    while (r == 0) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) { r = -errno; break; }
        if (n == 0) break;
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(out, buf + done, n - done);
            if (w < 0 && errno == EINTR) continue;
            if (w < 0) { r = -errno; break; }
            done += w;
        }
    }
    if (r == 0 && fchmod(out, st.st_mode & 07777) < 0) r = -errno; /* open's mode is subject to the umask */
    if (in >= 0) close(in);
    if (out >= 0) close(out);
    JS_FreeCString(ctx, src); JS_FreeCString(ctx, dst);
    return JS_NewInt32(ctx, r);
}

/* lchown(path, uid, gid) */
static JSValue k_lchown(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    int32_t uid, gid;
    const char *path = JS_ToCString(ctx, argv[0]);
    if (!path || JS_ToInt32(ctx, &uid, argv[1]) || JS_ToInt32(ctx, &gid, argv[2])) { JS_FreeCString(ctx, path); return JS_EXCEPTION; }
    JSValue ret = result(ctx, lchown(path, uid, gid));
    JS_FreeCString(ctx, path);
    return ret;
}

/* chmod(path, mode) */
static JSValue k_chmod(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    uint32_t mode;
    const char *path = JS_ToCString(ctx, argv[0]);
    if (!path || JS_ToUint32(ctx, &mode, argv[1])) { JS_FreeCString(ctx, path); return JS_EXCEPTION; }
    JSValue ret = result(ctx, chmod(path, mode));
    JS_FreeCString(ctx, path);
    return ret;
}

/* lgetxattr(path, name) → string, or a negative errno (ENODATA when absent) */
static JSValue k_lgetxattr(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    char value[256];
    const char *path = JS_ToCString(ctx, argv[0]);
    const char *name = JS_ToCString(ctx, argv[1]);
    JSValue ret = JS_EXCEPTION;
    if (path && name) {
        ssize_t n = lgetxattr(path, name, value, sizeof value);
        ret = n < 0 ? JS_NewInt32(ctx, -errno) : JS_NewStringLen(ctx, value, n);
    }
    JS_FreeCString(ctx, path); JS_FreeCString(ctx, name);
    return ret;
}

/* lsetxattr(path, name, value) */
static JSValue k_lsetxattr(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    size_t len;
    const char *path = JS_ToCString(ctx, argv[0]);
    const char *name = JS_ToCString(ctx, argv[1]);
    const char *value = JS_ToCStringLen(ctx, &len, argv[2]);
    JSValue ret = JS_EXCEPTION;
    if (path && name && value) ret = result(ctx, lsetxattr(path, name, value, len, 0));
    JS_FreeCString(ctx, path); JS_FreeCString(ctx, name); JS_FreeCString(ctx, value);
    return ret;
}

/* unshare(flags), setns(fd, nstype) */
static JSValue k_unshare(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    int32_t flags;
    if (JS_ToInt32(ctx, &flags, argv[0])) return JS_EXCEPTION;
    return result(ctx, unshare(flags));
}
static JSValue k_setns(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    int32_t fd, nstype;
    if (JS_ToInt32(ctx, &fd, argv[0]) || JS_ToInt32(ctx, &nstype, argv[1])) return JS_EXCEPTION;
    return result(ctx, setns(fd, nstype));
}

static int unix_address(JSContext *ctx, JSValueConst v, struct sockaddr_un *addr) {
    size_t len;
    const char *path = JS_ToCStringLen(ctx, &len, v);
    if (!path) return -1;
    memset(addr, 0, sizeof *addr);
    addr->sun_family = AF_UNIX;
    int ok = len < sizeof addr->sun_path;
    if (ok) memcpy(addr->sun_path, path, len);
    JS_FreeCString(ctx, path);
    if (!ok) errno = ENAMETOOLONG;
    return ok ? 0 : 1;
}

/* unixListen(path, backlog) → listening fd (an old socket file at path is replaced) */
static JSValue k_unix_listen(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    struct sockaddr_un addr;
    int32_t backlog;
    int r = unix_address(ctx, argv[0], &addr);
    if (r < 0 || JS_ToInt32(ctx, &backlog, argv[1])) return JS_EXCEPTION;
    if (r > 0) return JS_NewInt32(ctx, -errno);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return JS_NewInt32(ctx, -errno);
    unlink(addr.sun_path);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, backlog) < 0) {
        int e = errno;
        close(fd);
        return JS_NewInt32(ctx, -e);
    }
    return JS_NewInt32(ctx, fd);
}

/* unixConnect(path) → connected fd */
static JSValue k_unix_connect(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    struct sockaddr_un addr;
    int r = unix_address(ctx, argv[0], &addr);
    if (r < 0) return JS_EXCEPTION;
    if (r > 0) return JS_NewInt32(ctx, -errno);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return JS_NewInt32(ctx, -errno);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
        int e = errno;
        close(fd);
        return JS_NewInt32(ctx, -e);
    }
    return JS_NewInt32(ctx, fd);
}

/* accept(fd) → connected fd */
static JSValue k_accept(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    int32_t fd;
    if (JS_ToInt32(ctx, &fd, argv[0])) return JS_EXCEPTION;
    return result(ctx, accept4(fd, NULL, NULL, SOCK_CLOEXEC));
}

/* recvFds(fd, buffer, offset, length) → { n, fds } (n < 0: -errno; n == 0: peer closed) */
static JSValue k_recv_fds(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    int32_t fd;
    uint64_t offset, length;
    size_t size;
    uint8_t *buf = JS_GetArrayBuffer(ctx, &size, argv[1]);
    if (JS_ToInt32(ctx, &fd, argv[0]) || !buf || JS_ToIndex(ctx, &offset, argv[2]) || JS_ToIndex(ctx, &length, argv[3]))
        return JS_EXCEPTION;
    if (offset + length > size) return JS_ThrowRangeError(ctx, "read overflow");
    union { struct cmsghdr hdr; char space[CMSG_SPACE(sizeof(int) * MAX_FDS)]; } control;
    struct iovec iov = { buf + offset, length };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = &control, .msg_controllen = sizeof control };
    ssize_t n = recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
    JSValue out = JS_NewObject(ctx);
    JSValue fds = JS_NewArray(ctx);
    int count = 0;
    if (n >= 0) {
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
            int *received = (int *)CMSG_DATA(c);
            int k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (int i = 0; i < k; i++) JS_SetPropertyUint32(ctx, fds, count++, JS_NewInt32(ctx, received[i]));
        }
    }
    JS_SetPropertyStr(ctx, out, "n", JS_NewInt32(ctx, n < 0 ? -errno : (int)n));
    JS_SetPropertyStr(ctx, out, "fds", fds);
    return out;
}

/* sendFds(fd, buffer, offset, length, [fds]) → bytes sent, or -errno */
static JSValue k_send_fds(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    int32_t fd;
    uint64_t offset, length;
    size_t size;
    uint32_t count = 0;
    int fds[MAX_FDS];
    uint8_t *buf = JS_GetArrayBuffer(ctx, &size, argv[1]);
    if (JS_ToInt32(ctx, &fd, argv[0]) || !buf || JS_ToIndex(ctx, &offset, argv[2]) || JS_ToIndex(ctx, &length, argv[3]))
        return JS_EXCEPTION;
    if (offset + length > size || length == 0) return JS_ThrowRangeError(ctx, "bad length");
    JSValue len_v = JS_GetPropertyStr(ctx, argv[4], "length");
    if (JS_ToUint32(ctx, &count, len_v)) { JS_FreeValue(ctx, len_v); return JS_EXCEPTION; }
    JS_FreeValue(ctx, len_v);
    if (count > MAX_FDS) return JS_ThrowRangeError(ctx, "too many fds");
    for (uint32_t i = 0; i < count; i++) {
        JSValue v = JS_GetPropertyUint32(ctx, argv[4], i);
        int r = JS_ToInt32(ctx, &fds[i], v);
        JS_FreeValue(ctx, v);
        if (r) return JS_EXCEPTION;
    }
    union { struct cmsghdr hdr; char space[CMSG_SPACE(sizeof(int) * MAX_FDS)]; } control;
    memset(&control, 0, sizeof control);
    struct iovec iov = { buf + offset, length };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
    if (count > 0) {
        msg.msg_control = &control;
        msg.msg_controllen = CMSG_SPACE(sizeof(int) * count);
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int) * count);
        memcpy(CMSG_DATA(c), fds, sizeof(int) * count);
    }
    return result(ctx, sendmsg(fd, &msg, MSG_NOSIGNAL));
}

static JSValue k_strerror(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    int32_t e;
    if (JS_ToInt32(ctx, &e, argv[0])) return JS_EXCEPTION;
    return JS_NewString(ctx, strerror(e < 0 ? -e : e));
}

#define CONST(name) JS_PROP_INT32_DEF(#name, name, JS_PROP_CONFIGURABLE)
static const JSCFunctionListEntry kernel_funcs[] = {
    JS_CFUNC_DEF("mount", 5, k_mount),
    JS_CFUNC_DEF("umount", 2, k_umount),
    JS_CFUNC_DEF("removeTree", 1, k_remove_tree),
    JS_CFUNC_DEF("copyFile", 2, k_copy_file),
    JS_CFUNC_DEF("lchown", 3, k_lchown),
    JS_CFUNC_DEF("chmod", 2, k_chmod),
    JS_CFUNC_DEF("mknod", 4, k_mknod),
    JS_CFUNC_DEF("lgetxattr", 2, k_lgetxattr),
    JS_CFUNC_DEF("lsetxattr", 3, k_lsetxattr),
    JS_CFUNC_DEF("unshare", 1, k_unshare),
    JS_CFUNC_DEF("setns", 2, k_setns),
    JS_CFUNC_DEF("unixListen", 2, k_unix_listen),
    JS_CFUNC_DEF("unixConnect", 1, k_unix_connect),
    JS_CFUNC_DEF("accept", 1, k_accept),
    JS_CFUNC_DEF("recvFds", 4, k_recv_fds),
    JS_CFUNC_DEF("sendFds", 5, k_send_fds),
    JS_CFUNC_DEF("strerror", 1, k_strerror),
    CONST(MS_RDONLY), CONST(MS_NOSUID), CONST(MS_NODEV), CONST(MS_NOEXEC), CONST(MS_REMOUNT),
    CONST(MS_BIND), CONST(MS_REC), CONST(MS_PRIVATE), CONST(MS_SLAVE), CONST(MS_MOVE),
    CONST(MNT_DETACH), CONST(S_IFCHR), CONST(S_IFBLK), CONST(S_IFIFO),
    CONST(CLONE_NEWNS), CONST(CLONE_NEWUTS), CONST(CLONE_NEWIPC), CONST(CLONE_NEWPID),
    CONST(CLONE_NEWNET), CONST(CLONE_NEWCGROUP),
    CONST(ENOENT), CONST(EEXIST), CONST(EBUSY), CONST(EAGAIN), CONST(ENODATA), CONST(EINVAL), CONST(EPERM),
};

static int kernel_init(JSContext *ctx, JSModuleDef *m) {
    return JS_SetModuleExportList(ctx, m, kernel_funcs, countof(kernel_funcs));
}

JSModuleDef *js_init_module_dockhand_kernel(JSContext *ctx, const char *name) {
    JSModuleDef *m = JS_NewCModule(ctx, name, kernel_init);
    if (m) JS_AddModuleExportList(ctx, m, kernel_funcs, countof(kernel_funcs));
    return m;
}
