/*
 * A tiny rtnetlink client, written by hand (no libmnl): a request is one struct nlmsghdr,
 * its fixed header (ifinfomsg, ifaddrmsg, rtmsg) and attributes (struct rtattr, nested
 * where the kernel wants it); the kernel answers every request with NLMSG_ERROR (0 = done,
 * -errno = why not) because we set NLM_F_ACK.
 *
 *   nlmsghdr │ ifinfomsg │ rtattr IFLA_IFNAME "veth1a2b3c4" │ rtattr IFLA_LINKINFO
 *                                                            ├ IFLA_INFO_KIND "veth"
 *                                                            └ IFLA_INFO_DATA ─ VETH_INFO_PEER
 *                                                               ifinfomsg │ IFLA_IFNAME "eth0"
 *                                                                         │ IFLA_NET_NS_PID N
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include "launcher.h"

int nl_open(void) {
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) return -errno;
    struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) { int e = errno; close(fd); return -e; }
    return fd;
}

void nl_init(struct nl_req *r, int type, int flags, const void *header, size_t header_len) {
    memset(r, 0, sizeof *r);
    r->n.nlmsg_len = NLMSG_LENGTH(header_len);
    r->n.nlmsg_type = type;
    r->n.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
    memcpy(NLMSG_DATA(&r->n), header, header_len);
}

struct rtattr *nl_add(struct nl_req *r, int type, const void *data, size_t len) {
    struct rtattr *a = (struct rtattr *)((char *)&r->n + NLMSG_ALIGN(r->n.nlmsg_len));
    a->rta_type = type;
    a->rta_len = RTA_LENGTH(len);
    if (data && len) memcpy(RTA_DATA(a), data, len);
    r->n.nlmsg_len = NLMSG_ALIGN(r->n.nlmsg_len) + RTA_ALIGN(a->rta_len);
    return a;
}

void nl_add_str(struct nl_req *r, int type, const char *s) { nl_add(r, type, s, strlen(s) + 1); }
void nl_add_u32(struct nl_req *r, int type, unsigned int v) { nl_add(r, type, &v, sizeof v); }

/* Room for a fixed header inside a nested attribute (VETH_INFO_PEER holds an ifinfomsg). */
void *nl_reserve(struct nl_req *r, size_t len) {
    char *p = (char *)&r->n + NLMSG_ALIGN(r->n.nlmsg_len);
    memset(p, 0, NLMSG_ALIGN(len));
    r->n.nlmsg_len = NLMSG_ALIGN(r->n.nlmsg_len) + NLMSG_ALIGN(len);
    return p;
}

/* A nested attribute ends where the message ends now. */
void nl_end(struct nl_req *r, struct rtattr *nest) {
    nest->rta_len = (char *)&r->n + r->n.nlmsg_len - (char *)nest;
}

/* Sends the request and reads the kernel's acknowledgement: 0 or -errno. */
int nl_talk(int fd, struct nl_req *r) {
    static unsigned int seq;
    r->n.nlmsg_seq = ++seq;
    struct sockaddr_nl to = { .nl_family = AF_NETLINK };
    if (sendto(fd, &r->n, r->n.nlmsg_len, 0, (struct sockaddr *)&to, sizeof to) < 0) return -errno;
    char buf[4096];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return -errno;
        for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_seq != r->n.nlmsg_seq) continue;
            if (h->nlmsg_type == NLMSG_ERROR) return ((struct nlmsgerr *)NLMSG_DATA(h))->error;
        }
    }
}
